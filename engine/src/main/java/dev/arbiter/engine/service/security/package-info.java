/** Who may call what: HTTP Basic users from configuration (demo users only with the embedded database) and their roles. */
package dev.arbiter.engine.service.security;
