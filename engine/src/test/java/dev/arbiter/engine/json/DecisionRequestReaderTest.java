package dev.arbiter.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.engine.decision.ExampleRequests;
import dev.arbiter.engine.decision.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Bad input gets an error naming the field, the value and what is accepted. */
class DecisionRequestReaderTest {

    private static final String EXAMPLE = new String(ExampleRequests.exampleBytes(), StandardCharsets.UTF_8);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            negative bar close      | "close": 1692.84, "volume": 734.0511} | "close": -1692.84, "volume": 734.0511} | marketData[0].bars[119].close | -1692.84   | a number > 0
            NaN as a string          | "close": 1692.84, "volume": 734.0511} | "close": "NaN", "volume": 734.0511} | marketData[0].bars[119].close | 'NaN'      | a finite number
            unknown side             | "side": "BUY", "quantity": 25 | "side": "LONG", "quantity": 25 | intents[0].side      | 'LONG'     | one of [BUY, SELL]
            unknown symbol           | "intentId": "i-2", "accountId": "acct-1", "symbol": "ETH-USD" | "intentId": "i-2", "accountId": "acct-1", "symbol": "DOGE-USD" | intents[1].symbol | 'DOGE-USD' | a symbol listed in instruments [ETH-USD]
            negative quantity        | "quantity": 25            | "quantity": -25        | intents[0].quantity           | -25        | a number > 0
            misspelt field           | "limitPrice": 1693        | "limitPrize": 1693     | intents[0].limitPrice         | null       | a value (the field is required)
            time not ISO-8601        | "asOf": "2023-03-15T13:35:30Z" | "asOf": "yesterday" | asOf              | 'yesterday' | an ISO-8601 UTC time
            unknown top-level field  | "asOf"                    | "asOff"                | asOf                          | null       | an ISO-8601 UTC time
            duplicate bar            | "openTime": "2023-03-15T13:30:00Z" | "openTime": "2023-03-15T13:25:00Z" | marketData[0].bars[119].openTime | 2023-03-15T13:25:00Z | duplicate bar
            confidence above one     | "confidence": 0.64        | "confidence": 1.64     | predictions[0].confidence     | 1.64       | a number between 0 and 1
            prediction from future   | "time": "2023-03-15T13:35:00Z" | "time": "2023-03-15T13:36:00Z" | predictions[0].time | 2023-03-15T13:36:00Z | a time at or before the decision time
            prediction a week old    | "time": "2023-03-15T13:35:00Z" | "time": "2023-03-08T13:35:00Z" | predictions[0].time | 2023-03-08T13:35:00Z | a time within PT24H
            model id not kebab case  | "model": "gbm-direction"  | "model": "GBM_Direction" | predictions[0].model        | 'GBM_Direction' | lower-case letters, digits and dashes
            other account's intent   | "intentId": "i-1", "accountId": "acct-1" | "intentId": "i-1", "accountId": "acct-9" | intents[0].accountId | 'acct-9' | the request's account 'acct-1'
            """)
    void namesTheFieldTheValueAndWhatIsAccepted(String name, String find, String replace, String field, String value,
                                                String accepted) {
        assertThat(EXAMPLE).contains(find);
        int at = EXAMPLE.lastIndexOf(find); // the last bar, the second intent: an error deep in the request
        byte[] bad = (EXAMPLE.substring(0, at) + replace + EXAMPLE.substring(at + find.length()))
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DecisionRequestReader.read(bad))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.value()).isEqualTo(value);
                    assertThat(e.accepted()).contains(accepted);
                });
    }

    @Test
    void aPredictionsExpectedReturnIsOptionalAndThenZero() {
        String given = EXAMPLE.replace("\"probabilityUp\": 0.58,", "\"probabilityUp\": 0.58, \"expectedReturn\": -0.0012,");
        String notFinite = EXAMPLE.replace("\"probabilityUp\": 0.58,", "\"probabilityUp\": 0.58, \"expectedReturn\": \"NaN\",");

        assertThat(DecisionRequestReader.read(ExampleRequests.exampleBytes()).predictions().get(0).expectedReturn()).isZero();
        assertThat(DecisionRequestReader.read(given.getBytes(StandardCharsets.UTF_8)).predictions().get(0).expectedReturn())
                .isEqualTo(-0.0012);
        assertThatThrownBy(() -> DecisionRequestReader.read(notFinite.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("predictions[0].expectedReturn");
                    assertThat(e.accepted()).isEqualTo("a finite number");
                });
    }

    @Test
    void outOfOrderBarsAreRefused() {
        String swapped = EXAMPLE.replace("\"openTime\": \"2023-03-15T13:30:00Z\"", "\"openTime\": \"2023-03-15T13:20:00Z\"");

        assertThatThrownBy(() -> DecisionRequestReader.read(swapped.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("marketData[0].bars[119].openTime")
                .hasMessageContaining("bars must be oldest first");
    }

    @Test
    void malformedJsonSaysWhere() {
        assertThatThrownBy(() -> DecisionRequestReader.read("{\"requestId\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("(body)");
                    assertThat(e.value()).startsWith("malformed JSON at line 1");
                });
    }

    @Test
    void oversizedBodyIsRefusedBeforeParsing() {
        byte[] huge = new byte[DecisionRequestReader.MAX_BYTES + 1];

        assertThatThrownBy(() -> DecisionRequestReader.read(huge))
                .hasMessage("(body): " + huge.length + " bytes is not accepted; expected at most " + DecisionRequestReader.MAX_BYTES + " bytes");
    }

    @Test
    void missingAccountIsRefused() {
        String noAccount = EXAMPLE.replaceFirst("\"account\"", "\"accountX\"");

        assertThatThrownBy(() -> DecisionRequestReader.read(noAccount.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("account: null is not accepted; expected the account's state");
    }
}
