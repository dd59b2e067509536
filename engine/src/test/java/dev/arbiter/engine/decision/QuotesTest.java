package dev.arbiter.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.engine.json.DecisionRequestReader;
import dev.arbiter.kb.fact.Anomaly;
import dev.arbiter.kb.fact.AnomalyKind;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.reasoning.kb.KnowledgeBase;
import dev.arbiter.rules.pack.InstrumentSet;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Quotes a client sends beside the example's bars: checked at the door, and a spread ten times its median becomes a
 * SPREAD_BLOWOUT fact in the decision the engine completes.
 */
class QuotesTest {

    private static final String EXAMPLE = ExampleRequests.clientWithMarketData();

    @Test
    void aSpreadTenTimesItsMedianIsASpreadBlowOut() {
        StringBuilder quotes = new StringBuilder("\"quotes\": [");
        for (int s = 0; s < 20; s++) {
            quotes.append(String.format("{\"time\": \"2023-03-15T13:35:%02dZ\", \"bid\": 1692.80, \"ask\": 1692.90}, ", s));
        }
        quotes.append("{\"time\": \"2023-03-15T13:35:21Z\", \"bid\": 1692.00, \"ask\": 1693.70}], \"bars\"");
        DecisionRequest request = ExampleRequests.complete(DecisionRequestReader.readClient(withQuotes(quotes.toString())));

        AssembledFacts facts = new FactAssembler(new IndicatorFacts(IndicatorFacts.DEFAULT_SET), KnowledgeBase.shipped(),
                new ModelRunner(new dev.arbiter.mlbridge.model.ModelRegistry(DecisionPipeline.DEFAULT_MODEL_REGISTRY)))
                .assemble(request, LimitSet.shippedDefault(), ParameterSet.shippedDefault(),
                        InstrumentSet.shippedDefault());

        assertThat(facts.sessionFacts()).filteredOn(Anomaly.class::isInstance).map(Anomaly.class::cast)
                .filteredOn(a -> a.kind() == AnomalyKind.SPREAD_BLOWOUT).singleElement()
                .satisfies(a -> assertThat(a.evidence()).startsWith("spread 10.04 bps (bid 1692.0, ask 1693.7) is 17.0x the median 0.59 bps of the previous 20 quotes"));
    }

    @Test
    void aCrossedQuoteIsRefusedNamingIt() {
        String crossed = "\"quotes\": [{\"time\": \"2023-03-15T13:35:00Z\", \"bid\": 1693, \"ask\": 1692}], \"bars\"";

        assertThatThrownBy(() -> DecisionRequestReader.readClient(withQuotes(crossed)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("marketData[0].quotes[0].ask");
                    assertThat(e.accepted()).contains("a crossed quote is bad data");
                });
    }

    private static byte[] withQuotes(String quotes) {
        assertThat(EXAMPLE).containsOnlyOnce("\"bars\"");
        return EXAMPLE.replace("\"bars\"", quotes).getBytes(StandardCharsets.UTF_8);
    }
}
