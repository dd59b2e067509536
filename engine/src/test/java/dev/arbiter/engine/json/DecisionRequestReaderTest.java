package dev.arbiter.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.ExampleRequests;
import dev.arbiter.engine.decision.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad input gets an error naming the field, the value and what is accepted: first a client's request as a trading
 * system sends it (the documented example, and the example carrying its bars under {@code marketData}), then a
 * complete request as a stored trace holds it.
 */
class DecisionRequestReaderTest {

    private static final String CLIENT = new String(ExampleRequests.exampleBytes(), StandardCharsets.UTF_8);
    private static final String WITH_BARS = ExampleRequests.clientWithMarketData();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown side             | "side": "BUY",                 | "side": "LONG",                 | intents[1].side       | 'LONG'       | one of [BUY, SELL]
            negative quantity        | "quantity": 25,                | "quantity": -25,                | intents[0].quantity   | -25          | a number > 0
            quantity as text         | "quantity": 25,                | "quantity": "lots",             | intents[0].quantity   | 'lots'       | a finite number
            misspelt field           | "limitPrice": 1693,            | "limitPrize": 1693,             | intents[0].limitPrice | null         | a value (the field is required)
            time not ISO-8601        | "asOf": "2023-03-15T13:35:30Z" | "asOf": "yesterday"             | asOf                  | 'yesterday'  | an ISO-8601 UTC time
            unknown top-level field  | "asOf"                         | "asOff"                         | asOf                  | null         | an ISO-8601 UTC time
            confidence above one     | "confidence": 0.64             | "confidence": 1.64              | predictions[0].confidence | 1.64     | a number between 0 and 1
            other account's intent   | "accountId": "acct-1"          | "accountId": "acct-9"           | intents[1].accountId  | 'acct-9'     | the request's account 'acct-1'
            intent id used twice     | "intentId": "i-2"              | "intentId": "i-1"               | intents[1].intentId   | 'i-1'        | an id used once per request
            """)
    void namesTheFieldTheValueAndWhatIsAccepted(String name, String find, String replace, String field, String value,
                                                String accepted) {
        assertBadClient(CLIENT, find, replace, field, value, accepted);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            prediction from future   | "time": "2023-03-15T13:35:00Z" | "time": "2023-03-15T13:36:00Z"  | predictions[0].time   | 2023-03-15T13:36:00Z | a time at or before the decision time
            prediction a week old    | "time": "2023-03-15T13:35:00Z" | "time": "2023-03-08T13:35:00Z"  | predictions[0].time   | 2023-03-08T13:35:00Z | a time within PT24H
            model id not kebab case  | "model": "gbm-direction"       | "model": "GBM_Direction"        | predictions[0].model  | 'GBM_Direction' | lower-case letters, digits and dashes
            unlisted prediction      | "symbol": "ETH-USD"            | "symbol": "XYZ-USD"             | predictions[0].symbol | 'XYZ-USD'    | a symbol listed in instruments [ETH-USD]
            """)
    void namesABadPredictionWhenTheEngineCompletesTheRequest(String name, String find, String replace, String field,
                                                             String value, String accepted) {
        // read as sent, a prediction is checked against the decision time and the listed instruments once the engine
        // completes the request, before anything is decided
        int at = CLIENT.indexOf(find); // the first occurrence: in the prediction, before the intents
        assertThat(at).isNotNegative().isLessThan(CLIENT.indexOf("\"intents\""));
        String json = CLIENT.substring(0, at) + replace + CLIENT.substring(at + find.length());
        ClientRequest sent = DecisionRequestReader.readClient(json.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ExampleRequests.complete(sent))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.value()).isEqualTo(value);
                    assertThat(e.accepted()).contains(accepted);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            negative bar close  | "close": 1692.84, "volume": 734.0511} | "close": -1692.84, "volume": 734.0511} | marketData[0].bars[119].close    | -1692.84             | a number > 0
            NaN as a string     | "close": 1692.84, "volume": 734.0511} | "close": "NaN", "volume": 734.0511}    | marketData[0].bars[119].close    | 'NaN'                | a finite number
            duplicate bar       | "openTime": "2023-03-15T13:30:00Z"    | "openTime": "2023-03-15T13:25:00Z"     | marketData[0].bars[119].openTime | 2023-03-15T13:25:00Z | duplicate bar
            out-of-order bar    | "openTime": "2023-03-15T13:30:00Z"    | "openTime": "2023-03-15T13:20:00Z"     | marketData[0].bars[119].openTime | 2023-03-15T13:20:00Z | bars must be oldest first
            unknown period      | "period": "PT5M"                      | "period": "five minutes"               | marketData[0].period             | 'five minutes'       | an ISO-8601 duration such as PT5M
            """)
    void namesTheBarOfAClientsMarketDataDeepInTheRequest(String name, String find, String replace, String field,
                                                          String value, String accepted) {
        assertBadClient(WITH_BARS, find, replace, field, value, accepted);
    }

    /** Replaces the last occurrence of {@code find} (the last bar, the second intent): an error deep in the request. */
    private static void assertBadClient(String json, String find, String replace, String field, String value,
                                        String accepted) {
        assertThat(json).contains(find);
        int at = json.lastIndexOf(find);
        byte[] bad = (json.substring(0, at) + replace + json.substring(at + find.length())).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DecisionRequestReader.readClient(bad))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.value()).isEqualTo(value);
                    assertThat(e.accepted()).contains(accepted);
                });
    }

    @Test
    void theDocumentedExampleIsASlimRequestForOneAccount() {
        ClientRequest request = DecisionRequestReader.readClient(ExampleRequests.exampleBytes());

        assertThat(request.accountId()).isEqualTo("acct-1");
        assertThat(request.account().equity()).isNull();
        assertThat(request.positions()).isEmpty();
        assertThat(request.openOrders()).isEmpty();
        assertThat(request.instruments()).isEmpty();
        assertThat(request.marketData()).isEmpty();
        assertThat(request.intents()).extracting(i -> i.intentId()).containsExactly("i-1", "i-2");
        assertThat(DecisionRequestReader.readClient(WITH_BARS.getBytes(StandardCharsets.UTF_8)).marketData())
                .singleElement().satisfies(m -> assertThat(m.bars()).hasSize(120));
    }

    @ParameterizedTest(name = "context.{0}")
    @CsvSource(delimiter = '|', textBlock = """
            tradingControls | officers' actions (POST /v1/trading-state)
            killSwitch      | officers' actions (POST /v1/kill-switch)
            restrictions    | the knowledge base of the active rule pack
            modelHealth     | the engine monitors the models it runs
            regimes         | the engine detects regimes from the market data it keeps (POST /v1/market/bars)
            anomalies       | the engine detects anomalies from the market data it keeps (POST /v1/market/bars)
            activity        | the engine counts orders and messages from its decisions and the order reports
            lossHistory     | the positions it saw closed (POST /v1/fills)
            margin          | the engine computes margin from its positions and the limits
            weather         | no context: the engine keeps the state the controls need
            """)
    void refusesTheOldContextSayingWhereThatStateComesFromNow(String field, String now) {
        String json = CLIENT.replace("\"intents\": [", "\"context\": {\"" + field + "\": {}},\n  \"intents\": [");
        assertThat(json).contains("\"context\"");

        assertThatThrownBy(() -> DecisionRequestReader.readClient(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("context." + field);
                    assertThat(e.value()).isEqualTo("sent by the client");
                    assertThat(e.accepted()).contains(now);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            positions   | an entry
            openOrders  | an entry
            instruments | an entry
            marketData  | an entry
            predictions | an entry
            models      | an entry
            intents     | an order intent
            """)
    void aNullEntryInAnyListIsRefusedNamingIt(String list, String accepted) {
        String withNull = list.equals("intents") || list.equals("predictions")
                ? CLIENT.replace("\"" + list + "\": [", "\"" + list + "\": [null, ")
                : CLIENT.replace("\"intents\": [", "\"" + list + "\": [null],\n  \"intents\": [");
        assertThat(withNull).contains("[null");

        assertThatThrownBy(() -> DecisionRequestReader.readClient(withNull.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo(list + "[0]");
                    assertThat(e.value()).isEqualTo("null");
                    assertThat(e.accepted()).startsWith(accepted);
                });
    }

    @Test
    void anEmptyContextIsNoClaimAndIsAccepted() {
        String json = CLIENT.replace("\"intents\": [", "\"context\": {},\n  \"intents\": [");

        assertThat(DecisionRequestReader.readClient(json.getBytes(StandardCharsets.UTF_8)).intents()).hasSize(2);
    }

    @Test
    void refusesARequestIdLongerThanTheMaximumAndAcceptsOneAtIt() {
        String id = "example-eth-usd-2023-03-15T13:35";
        String atMaximum = "r".repeat(ClientRequest.MAX_ID_LENGTH);
        String tooLong = atMaximum + "r";

        assertThat(DecisionRequestReader.readClient(CLIENT.replace(id, atMaximum).getBytes(StandardCharsets.UTF_8))
                .requestId()).hasSize(128);
        assertThatThrownBy(() -> DecisionRequestReader.readClient(CLIENT.replace(id, tooLong).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("requestId");
                    assertThat(e.value()).isEqualTo("129 characters");
                    assertThat(e.accepted()).isEqualTo("a non-blank id of at most 128 characters");
                });
    }

    @Test
    void namesAnAccountIdThatIsNoIdentifier() {
        String json = CLIENT.replaceFirst("\"accountId\": \"acct-1\"", "\"accountId\": \"acct 1\"");

        assertThatThrownBy(() -> DecisionRequestReader.readClient(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("account.accountId");
                    assertThat(e.value()).isEqualTo("acct 1");
                    assertThat(e.accepted()).contains("an account id of letters, digits");
                });
    }

    @Test
    void namesAnUnknownFieldOfTheAccountListingTheKnownOnes() {
        String json = CLIENT.replaceFirst("\"accountId\": \"acct-1\"", "\"accountId\": \"acct-1\", \"cash\": 100000");

        assertThatThrownBy(() -> DecisionRequestReader.readClient(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("account.cash");
                    assertThat(e.value()).isEqualTo("unknown field 'cash'");
                    assertThat(e.accepted()).isEqualTo("one of the fields accountId, dailyPnl, equity, freeBalance,"
                            + " highWaterMark, state");
                });
    }

    @Test
    void aClientWithoutAnAccountIsToldWhatToSend() {
        String noAccount = CLIENT.replaceFirst("\"account\"", "\"accountX\"");

        assertThatThrownBy(() -> DecisionRequestReader.readClient(noAccount.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("account: null is not accepted; expected {\"accountId\": \"...\"}");
    }

    @Test
    void aPredictionsExpectedReturnIsOptionalAndThenZero() {
        String given = CLIENT.replace("\"probabilityUp\": 0.58,", "\"probabilityUp\": 0.58, \"expectedReturn\": -0.0012,");
        String notFinite = CLIENT.replace("\"probabilityUp\": 0.58,", "\"probabilityUp\": 0.58, \"expectedReturn\": \"NaN\",");
        assertThat(given).isNotEqualTo(CLIENT);

        assertThat(DecisionRequestReader.readClient(ExampleRequests.exampleBytes()).predictions().get(0).expectedReturn()).isZero();
        assertThat(DecisionRequestReader.readClient(given.getBytes(StandardCharsets.UTF_8)).predictions().get(0).expectedReturn())
                .isEqualTo(-0.0012);
        assertThatThrownBy(() -> DecisionRequestReader.readClient(notFinite.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("predictions[0].expectedReturn");
                    assertThat(e.accepted()).isEqualTo("a finite number");
                });
    }

    @Test
    void malformedJsonSaysWhere() {
        assertThatThrownBy(() -> DecisionRequestReader.readClient("{\"requestId\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("(body)");
                    assertThat(e.value()).startsWith("malformed JSON at line 1");
                });
    }

    @Test
    void anEmptyOrNullBodyIsRefused() {
        assertThatThrownBy(() -> DecisionRequestReader.readClient(new byte[0]))
                .hasMessage("(body): empty is not accepted; expected a JSON decision request (see docs/api.md)");
        assertThatThrownBy(() -> DecisionRequestReader.readClient("null".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("(body): null is not accepted; expected a JSON object");
    }

    @Test
    void oversizedBodyIsRefusedBeforeParsing() {
        byte[] huge = new byte[DecisionRequestReader.MAX_BYTES + 1];

        assertThatThrownBy(() -> DecisionRequestReader.readClient(huge))
                .hasMessage("(body): " + huge.length + " bytes is not accepted; expected at most " + DecisionRequestReader.MAX_BYTES + " bytes");
        assertThatThrownBy(() -> DecisionRequestReader.read(huge))
                .hasMessageStartingWith("(body): " + huge.length + " bytes is not accepted");
    }

    // A complete request, as a stored trace holds it and a replay reads it back.

    @Test
    void aCompleteRequestReadsBackFromItsJsonToTheSameRequest() {
        DecisionRequest example = ExampleRequests.example();

        DecisionRequest read = DecisionRequestReader.read(ArbiterJson.mapper().writeValueAsBytes(example));

        assertThat(read).isEqualTo(example);
        assertThat(read.state().journalPosition()).isEqualTo(example.state().journalPosition());
    }

    @Test
    void aCompleteRequestNamesASymbolItListsNoInstrumentFor() {
        ObjectNode stored = ArbiterJson.mapper().valueToTree(ExampleRequests.example());
        ((ObjectNode) stored.get("intents").get(1)).put("symbol", "XYZ-USD");

        assertThatThrownBy(() -> DecisionRequestReader.read(ArbiterJson.mapper().writeValueAsBytes(stored)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("intents[1].symbol");
                    assertThat(e.value()).isEqualTo("'XYZ-USD'");
                    assertThat(e.accepted()).isEqualTo("a symbol listed in instruments [ETH-USD]");
                });
    }

    @Test
    void aCompleteRequestWithoutAnAccountIsRefused() {
        ObjectNode stored = ArbiterJson.mapper().valueToTree(ExampleRequests.example());
        stored.remove("account");

        assertThatThrownBy(() -> DecisionRequestReader.read(ArbiterJson.mapper().writeValueAsBytes(stored)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("account: null is not accepted; expected the account's state");
    }
}
