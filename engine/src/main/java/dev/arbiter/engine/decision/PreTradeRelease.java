package dev.arbiter.engine.decision;

import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.rules.pack.RuleSource;
import java.util.List;

/**
 * The release pre-trade checks use: the decision release without the strategy signal rules (files of
 * {@code @layer("STRATEGY")} rules that do not read the client's {@code OrderIntent}), so a check
 * weighs only the client's own intents against the risk layers L1..L7. Its own content version
 * follows from the files it keeps.
 */
public final class PreTradeRelease {

    private PreTradeRelease() {
    }

    public static RuleRelease of(RuleRelease decisions) {
        RuleSet full = decisions.rules().ruleSet();
        List<RuleSource> kept = full.sources().stream().filter(s -> !strategySignals(s)).toList();
        RuleSet checks = RuleSet.of(full.name() + "-pre-trade", kept);
        return new RuleRelease(new RuleSetCompiler().compile(checks), decisions.limits(), decisions.parameters(),
                decisions.instruments());
    }

    private static boolean strategySignals(RuleSource source) {
        return source.drl().contains("@layer(\"STRATEGY\")") && !source.drl().contains("OrderIntent");
    }
}
