/** Running a rule set over a decision's facts and recording the trace: every firing, what it matched and what it concluded. */
package dev.arbiter.rules.session;
