package dev.arbiter.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.report.DecisionReport;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.kb.fact.Limit;
import dev.arbiter.kb.outcome.Rejection;
import dev.arbiter.reasoning.explain.PrologExplainer;
import dev.arbiter.reasoning.explain.ProposalStatus;
import dev.arbiter.rules.session.Firing;
import dev.arbiter.rules.session.TracedFact;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A trace's firings are stored as typed JSON and read back to the records they matched and concluded;
 * traces stored before that, whose firings held the facts' text, still read, explain and answer queries.
 */
class DecisionTraceJsonTest {

    private static final JsonMapper JSON = ArbiterJson.mapper();

    private static DecisionPipeline pipeline;
    private static DecisionResult result;

    @BeforeAll
    static void decide() {
        pipeline = DecisionPipeline.withShippedDefaults();
        result = pipeline.decide("dec-json", ExampleRequests.example());
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    @Test
    void storesEachFactWithItsTypeAndItsFields() {
        JsonNode collar = firing(JSON.valueToTree(result.trace()), "L7-PRICE-COLLAR");

        assertThat(collar.get("matched")).anySatisfy(fact -> {
            assertThat(fact.get("type").asString()).isEqualTo("Limit");
            assertThat(fact.get("fact").get("name").asString()).isEqualTo("price-collar");
            assertThat(fact.get("fact").get("value").decimalValue()).isEqualByComparingTo("0.05");
        });
        assertThat(collar.get("concluded")).singleElement().satisfies(fact -> {
            assertThat(fact.get("type").asString()).isEqualTo("Rejection");
            assertThat(fact.get("fact").get("reason").get("code").asString()).isEqualTo("L7-PRICE-COLLAR");
        });
    }

    @Test
    void aStoredTraceReadsBackToTheSameRecords() {
        DecisionTrace read = JSON.readValue(JSON.writeValueAsString(result.trace()), DecisionTrace.class);

        assertThat(read.firings()).isEqualTo(result.trace().firings());
        Firing collar = read.firings().stream().filter(f -> f.reasonCode().equals("L7-PRICE-COLLAR")).findFirst().orElseThrow();
        assertThat(collar.matchedOf(Limit.class)).containsExactly(new Limit("price-collar", new BigDecimal("0.05")));
        assertThat(collar.concludedOf(Rejection.class)).extracting(Rejection::proposalId).containsExactly("i-2");
        assertThat(read.explanationFacts()).isEqualTo(result.trace().explanationFacts());
    }

    @Test
    void aTraceStoredWithFactsAsTextStillReadsExplainsAndAnswersQueries() {
        ObjectNode legacy = JSON.valueToTree(result.trace());
        for (JsonNode firing : legacy.get("firings")) {
            asText((ArrayNode) firing.get("matched"));
            asText((ArrayNode) firing.get("concluded"));
        }

        // As the service stores and reads traces: canonical JSON.
        DecisionTrace read = CanonicalJson.mapper().readValue(CanonicalJson.write(legacy), DecisionTrace.class);

        Firing collar = read.firings().stream().filter(f -> f.reasonCode().equals("L7-PRICE-COLLAR")).findFirst().orElseThrow();
        assertThat(collar.matched()).allSatisfy(f -> assertThat(f).isInstanceOf(TracedFact.Text.class))
                .extracting(TracedFact::describe).contains("Limit[name=price-collar, value=0.05]");
        assertThat(collar.matchedOf(Limit.class)).isEmpty();

        PrologExplainer explainer = new PrologExplainer();
        assertThat(explainer.query(read.explanationFacts(), "status(P, rejected)")).containsExactly("P = 'i-2'");
        assertThat(explainer.explain(read.explanationFacts(), "i-2").status()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(explainer.explain(read.explanationFacts(), "i-2").because()).contains(
                "rule Limit price outside the price collar matched Limit[name=price-collar, value=0.05]; "
                        + "Proposal[proposalId=i-2, accountId=acct-1, symbol=ETH-USD, side=BUY, quantity=2, price=1800,"
                        + " conviction=0.5, origin=intent i-2 (client-breakout), models=[gbm-direction]]; FeedStatus[symbol=ETH-USD,"
                        + " lastBarEnd=2023-03-15T13:35:00Z, lastClose=1692.84, ageSeconds=30, barCount=120]");
        assertThat(DecisionReport.render(result.decision(), read, null))
                .contains("<li><b>text</b>\n <span class=\"text\">Limit[name=price-collar, value=0.05]</span>\n</li>");
    }

    /** Replaces each typed fact by the record's {@code toString()}, as firings were stored before. */
    private static void asText(ArrayNode facts) {
        for (int i = 0; i < facts.size(); i++) {
            TracedFact fact = JSON.treeToValue(facts.get(i), TracedFact.class);
            facts.set(i, JSON.getNodeFactory().stringNode(fact instanceof TracedFact.Typed typed
                    ? typed.fact().toString() : fact.describe()));
        }
    }

    private static JsonNode firing(JsonNode trace, String code) {
        for (JsonNode firing : trace.get("firings")) {
            if (firing.get("reasonCode").asString().equals(code)) {
                return firing;
            }
        }
        throw new AssertionError("no firing " + code);
    }
}
