package dev.arbiter.rules;

import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;

/** The shipped rule set, compiled once for the tests that need it. */
final class RuleFixtures {

    static final CompiledRuleSet DEFAULT_RULES = new RuleSetCompiler().compile(RuleSet.shippedDefault());

    private RuleFixtures() {
    }
}
