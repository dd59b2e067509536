/**
 * Running a rule set over a decision's facts and recording the trace: every firing, what it matched and what it
 * concluded, as the fact and outcome records themselves ({@link dev.arbiter.rules.session.TracedFact}).
 */
package dev.arbiter.rules.session;
