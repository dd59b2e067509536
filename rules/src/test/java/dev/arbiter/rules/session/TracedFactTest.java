package dev.arbiter.rules.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Limit;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.ProtectiveStop;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.outcome.Flag;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.rules.pack.RuleSource;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Firings keep the records they matched and concluded, and their JSON reads back to the same records. */
class TracedFactTest {

    private static final String RULES = """
            package arbiter.test;
            import java.math.BigDecimal;
            import dev.arbiter.kb.fact.Limit;
            import dev.arbiter.kb.fact.OrderIntent;
            import dev.arbiter.kb.fact.Proposal;
            import dev.arbiter.kb.fact.ProtectiveStop;
            import dev.arbiter.rules.dsl.Outcomes;

            rule "Intent becomes a proposal"
                @layer("STRATEGY") @reasonCode("S-INTENT")
            when
                $i : OrderIntent()
            then
                insert(Outcomes.fromIntent($i));
                insert(new ProtectiveStop($i.intentId(), new BigDecimal("1550.5")));
            end

            rule "Flags a large proposal"
                @layer("L1") @reasonCode("L1-LARGE")
            when
                Limit(name == "large-quantity", $large : value)
                $p : Proposal(quantity >= $large)
                $total : BigDecimal() from accumulate(Proposal($q : quantity), sum($q))
            then
                insert(Outcomes.flag(kcontext, $p, "quantity " + $p.quantity() + " of " + $total + " is large"));
            end
            """;

    private static final Limit LARGE = new Limit("large-quantity", new BigDecimal("2"));
    private static final OrderIntent INTENT = new OrderIntent("i-1", "acct-1", "ETH-USD", Side.BUY, new BigDecimal("3"),
            new BigDecimal("1630.00"), null, "breakout", 0.5);

    /** Decimals read exactly, as Arbiter's own mapper reads them: 1630.00 stays 1630.00. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Test
    void aFiringKeepsTheRecordsItMatchedAndConcluded() {
        List<Firing> firings = run();

        Firing intent = firing(firings, "S-INTENT");
        assertThat(intent.matched()).containsExactly(new TracedFact.Typed(INTENT));
        assertThat(intent.concludedOf(ProtectiveStop.class))
                .containsExactly(new ProtectiveStop("i-1", new BigDecimal("1550.5")));
        assertThat(intent.concludedOf(Proposal.class)).singleElement()
                .extracting(Proposal::proposalId, Proposal::quantity).containsExactly("i-1", new BigDecimal("3"));

        Firing large = firing(firings, "L1-LARGE");
        assertThat(large.matchedOf(Limit.class)).containsExactly(LARGE);
        assertThat(large.matchedOf(Proposal.class)).extracting(Proposal::proposalId).containsExactly("i-1");
        assertThat(large.concludedOf(Flag.class)).singleElement()
                .extracting(f -> f.reason().message()).isEqualTo("quantity 3 of 3 is large");
        // The accumulated sum is not one of Arbiter's records: it is kept as its text.
        assertThat(large.matched()).filteredOn(f -> f instanceof TracedFact.Text)
                .extracting(TracedFact::describe).containsExactly("3");
    }

    @Test
    void describesAFactByItsTypeAndFieldsForAPerson() {
        TracedFact limit = TracedFact.of(LARGE);
        TracedFact flag = firing(run(), "L1-LARGE").concluded().getFirst();

        assertThat(limit.type()).isEqualTo("Limit");
        assertThat(limit.fields()).containsExactly(java.util.Map.entry("name", "large-quantity"),
                java.util.Map.entry("value", "2"));
        assertThat(limit.describe()).isEqualTo("Limit(name=large-quantity, value=2)");
        assertThat(flag.describe()).isEqualTo("Flag(proposalId=i-1, reason=Reason(rule=Flags a large proposal,"
                + " code=L1-LARGE, layer=L1, legalSource=, message=quantity 3 of 3 is large))");
        assertThat(TracedFact.of(INTENT).fields()).containsEntry("stopLoss", "none").containsEntry("side", "BUY")
                .containsEntry("limitPrice", "1630.00");
    }

    @Test
    void aFactDescribedAgainReadsTheSameAndOthersKeepTheirOwn() {
        String first = TracedFact.of(LARGE).describe();
        assertThat(TracedFact.of(LARGE).describe()).isEqualTo(first);
        // many other facts later, each described as itself, and the first still reads as before
        for (int i = 0; i < 5_000; i++) {
            Limit other = new Limit("limit-" + i, java.math.BigDecimal.valueOf(i));
            assertThat(TracedFact.of(other).describe()).isEqualTo("Limit(name=limit-" + i + ", value=" + i + ")");
        }
        assertThat(TracedFact.of(LARGE).describe()).isEqualTo("Limit(name=large-quantity, value=2)");
    }

    @Test
    void firingsReadBackFromJsonToTheSameRecords() {
        List<Firing> firings = run();

        String json = JSON.writeValueAsString(firings.get(1));
        Firing read = JSON.readValue(json, Firing.class);

        assertThat(json).contains("{\"type\":\"Limit\",\"fact\":{\"name\":\"large-quantity\",\"value\":2}}")
                .contains("{\"type\":\"text\",\"text\":\"3\"}");
        assertThat(read).isEqualTo(firings.get(1));
        assertThat(read.matchedOf(Limit.class)).containsExactly(LARGE);
    }

    @Test
    void factsOfTracesStoredAsTextReadAsText() {
        String stored = """
                {"sequence": 1, "rule": "Flags a large proposal", "layer": "L1", "reasonCode": "L1-LARGE",
                 "legalSource": "", "severity": "HIGH",
                 "matched": ["Limit[name=large-quantity, value=2]", {"type": "Margin", "fact": {"accountId": "acct-1",
                   "used": 10, "capacity": 0}}, {"type": "Retired", "fact": {"x": 1}}],
                 "concluded": []}
                """;

        Firing read = JSON.readValue(stored, Firing.class);

        assertThat(read.matched()).extracting(TracedFact::type).containsExactly("text", "text", "text");
        assertThat(read.matched()).extracting(TracedFact::describe).containsExactly(
                "Limit[name=large-quantity, value=2]",
                "Margin {\"accountId\":\"acct-1\",\"used\":10,\"capacity\":0}",
                "Retired {\"x\":1}");
        assertThat(read.matchedOf(Limit.class)).isEmpty();
    }

    private static List<Firing> run() {
        SessionResult result = new RuleSessionRunner().run(
                new RuleSetCompiler().compile(RuleSet.of("test", List.of(new RuleSource("test.drl", RULES)))),
                List.of(LARGE, INTENT));
        assertThat(result.fault()).isNull();
        return result.firings();
    }

    private static Firing firing(List<Firing> firings, String code) {
        return firings.stream().filter(f -> f.reasonCode().equals(code)).findFirst().orElseThrow();
    }
}
