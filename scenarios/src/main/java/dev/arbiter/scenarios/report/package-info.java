/** Run reports: self-contained HTML with SVG charts, JSON summary, trade list, rule activity. */
package dev.arbiter.scenarios.report;
