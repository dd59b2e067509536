package dev.arbiter.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.rules.pack.RuleSource;
import dev.arbiter.rules.session.RuleSessionRunner;
import dev.arbiter.rules.session.SessionResult;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner reads each proposal's protective stop from the records its firing concluded. */
class ProtectiveStopsTest {

    private static final String RULES = """
            package arbiter.test;
            import java.math.BigDecimal;
            import dev.arbiter.kb.fact.OrderIntent;
            import dev.arbiter.kb.fact.Proposal;
            import dev.arbiter.rules.dsl.Outcomes;

            rule "Intent becomes a proposal with a stop under its limit"
                @layer("STRATEGY") @reasonCode("S-INTENT")
            when
                $i : OrderIntent()
            then
                Proposal $p = Outcomes.fromIntent($i);
                insert($p);
                if ($i.side() == dev.arbiter.kb.fact.Side.BUY) {
                    insert(Outcomes.stop($p, $i.limitPrice().subtract(new BigDecimal("80.25"))));
                }
            end
            """;

    @Test
    void readsTheStopOfEveryProposalThatHasOne() {
        SessionResult session = new RuleSessionRunner().run(
                new RuleSetCompiler().compile(RuleSet.of("test", List.of(new RuleSource("stops.drl", RULES)))),
                List.of(intent("i-1", Side.BUY, "1630.75"), intent("i-2", Side.SELL, "1700"),
                        intent("i-3", Side.BUY, "1200")));

        assertThat(ScenarioRunner.stops(session.firings()))
                .containsOnly(org.assertj.core.api.Assertions.entry("i-1", 1550.5),
                        org.assertj.core.api.Assertions.entry("i-3", 1119.75));
    }

    private static OrderIntent intent(String id, Side side, String limit) {
        return new OrderIntent(id, "acct-1", "ETH-USD", side, BigDecimal.ONE, new BigDecimal(limit), null, "s", 0.5);
    }
}
