/** Rule-set impact: the same requests decided by two rule sets, every changed decision with the rules responsible. */
package dev.arbiter.scenarios.impact;
