package dev.arbiter.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.engine.json.DecisionRequestReader;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.reasoning.kb.KnowledgeBase;
import dev.arbiter.rules.pack.InstrumentSet;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A client's book snapshot and trades, sent beside the example's bars in its request's {@code marketData}, reach the
 * decision the engine completes and become order-book and trade-flow facts; bad ones are refused by name.
 */
class MicrostructureTest {

    private static final String EXAMPLE = ExampleRequests.clientWithMarketData();

    private static final String BOOK = """
            "book": {"time": "2023-03-15T13:35:29Z",
                     "bids": [{"price": 1692.80, "quantity": 3}, {"price": 1692.70, "quantity": 5}],
                     "asks": [{"price": 1692.90, "quantity": 1}, {"price": 1693.00, "quantity": 2}]},
            "trades": [{"time": "2023-03-15T13:34:20Z", "price": 1692.5, "quantity": 9, "aggressor": "SELL"},
                       {"time": "2023-03-15T13:34:50Z", "price": 1692.9, "quantity": 2, "aggressor": "BUY"},
                       {"time": "2023-03-15T13:35:10Z", "price": 1692.9, "quantity": 1, "aggressor": "BUY"},
                       {"time": "2023-03-15T13:35:20Z", "price": 1692.8, "quantity": 1.5, "aggressor": "SELL"}],
            "bars\"""";

    @Test
    void aBookAndTradesBecomeFacts() {
        Map<String, Double> values = facts(BOOK);

        // spread 0.10 on a mid of 1692.85: 10,000 x 0.10 / 1692.85 = 0.590720 bps
        assertThat(values.get("spread_bps")).isCloseTo(0.590720, org.assertj.core.data.Offset.offset(1e-6));
        // size-weighted: (1692.80 x ask size 1 + 1692.90 x bid size 3) / (3 + 1) = 1692.875
        assertThat(values.get("microprice")).isCloseTo(1692.875, org.assertj.core.data.Offset.offset(1e-9));
        // depth over the 2 levels each side has: bids 3 + 5 = 8, asks 1 + 2 = 3: (8 - 3) / 11
        assertThat(values.get("imbalance_2")).isCloseTo(5.0 / 11, org.assertj.core.data.Offset.offset(1e-12));
        // the last 60 s before 13:35:30: buys 2 + 1, sells 1.5 (the 13:34:20 sell is older): (3 - 1.5) / 4.5
        assertThat(values.get("trade_flow_imbalance_60s")).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1692.70 | 1692.80 | marketData[0].book.bids[1].price | a price below the previous bid's
            1693.50 | 1692.70 | marketData[0].book               | best bid is below its best ask
            """)
    void refusesABookOutOfOrderOrCrossed(String firstBid, String secondBid, String field, String accepted) {
        String book = BOOK.replace("1692.80, \"quantity\": 3", firstBid + ", \"quantity\": 3")
                .replace("1692.70, \"quantity\": 5", secondBid + ", \"quantity\": 5");

        assertThatThrownBy(() -> facts(book)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.accepted()).contains(accepted);
        });
    }

    @Test
    void refusesTradesOutOfOrderOrWithoutAnAggressor() {
        String outOfOrder = BOOK.replace("13:35:10Z", "13:34:10Z");
        String noSide = BOOK.replace(", \"aggressor\": \"BUY\"}", "}");

        assertThatThrownBy(() -> facts(outOfOrder)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.field()).isEqualTo("marketData[0].trades[2].time"));
        assertThatThrownBy(() -> facts(noSide)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.field()).isEqualTo("marketData[0].trades[1].aggressor"));
    }

    private static Map<String, Double> facts(String microstructure) {
        assertThat(EXAMPLE).containsOnlyOnce("\"bars\"");
        DecisionRequest request = ExampleRequests.complete(DecisionRequestReader.readClient(
                EXAMPLE.replace("\"bars\"", microstructure).getBytes(StandardCharsets.UTF_8)));
        AssembledFacts facts = new FactAssembler(new IndicatorFacts(IndicatorFacts.DEFAULT_SET), KnowledgeBase.shipped(),
                new ModelRunner(new ModelRegistry(DecisionPipeline.DEFAULT_MODEL_REGISTRY)))
                .assemble(request, LimitSet.shippedDefault(), ParameterSet.shippedDefault(),
                        InstrumentSet.shippedDefault());
        return facts.indicators().stream().collect(Collectors.toMap(IndicatorValue::name, IndicatorValue::value));
    }
}
