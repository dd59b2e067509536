package dev.arbiter.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.decision.ExampleRequests;
import dev.arbiter.engine.json.ArbiterJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code arbiter decide} journals the documented example's opening balance, bars and fills, then decides its slim
 * request from the engine's state; bad input of every kind exits 2 naming the file and the field.
 */
class ArbiterCliTest {

    private static final Path EXAMPLES = ExampleRequests.EXAMPLES;

    @TempDir
    Path dir;

    private static List<String> decide(Path request, String... more) {
        List<String> args = new ArrayList<>(List.of("decide", "--request", request.toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static List<String> example(Path request, String... more) {
        List<String> args = decide(request, "--account", EXAMPLES.resolve("account.json").toString(),
                "--bars", EXAMPLES.resolve("bars.json").toString(), "--fills", EXAMPLES.resolve("fills.json").toString());
        args.addAll(List.of(more));
        return args;
    }

    private static CliOutput run(List<String> args) {
        return CliOutput.of(() -> ArbiterCli.execute(args.toArray(String[]::new)));
    }

    @Test
    void decidePrintsTheDecisionJsonFromTheExamplesEvents() {
        CliOutput out = run(example(ExampleRequests.EXAMPLE, "--trace"));

        assertThat(out.exitCode()).as(out.stderr()).isZero();
        JsonNode printed = ArbiterJson.mapper().readTree(out.stdout());
        JsonNode decision = printed.path("decision");
        String id = decision.path("decisionId").asString();
        assertThat(decision.path("status").asString()).isEqualTo("APPROVED");
        assertThat(id).startsWith("dec-");
        // as EthUsdDecisionTest works it out: i-1 capped at L1's 10, momentum at the 1.29 the venue's limit left
        assertThat(decision.path("orders")).extracting(o -> o.path("orderId").asString() + " " + o.path("quantity").asString())
                .containsExactlyInAnyOrder(id + "/i-1 10.00", id + "/S-MOMENTUM:ETH-USD 1.29");
        // the engine's figures: 100000 less 2 x 1610 and the fee 1.61 in cash, the 2 ETH at the latest close 1692.84
        JsonNode request = printed.path("trace").path("request");
        assertThat(request.path("account").path("equity").decimalValue()).isEqualByComparingTo("100164.07");
        assertThat(request.path("account").path("freeBalance").decimalValue()).isEqualByComparingTo("96778.39");
        assertThat(request.path("positions")).singleElement()
                .satisfies(p -> assertThat(p.path("quantity").decimalValue()).isEqualByComparingTo("2"));
        assertThat(request.path("openOrders")).isEmpty();
    }

    @Test
    void barsInSeveralFilesDecideAsInOneAndARepeatedFillIsJournaledOnce() throws Exception {
        ObjectNode series = (ObjectNode) ArbiterJson.mapper().readTree(EXAMPLES.resolve("bars.json").toFile());
        ArrayNode bars = (ArrayNode) series.get("bars");
        ObjectNode first = series.deepCopy();
        ObjectNode second = series.deepCopy();
        ((ArrayNode) first.get("bars")).removeAll().addAll(List.of(bars.get(0), bars.get(1)));
        ArrayNode rest = (ArrayNode) second.get("bars");
        rest.remove(0);
        rest.remove(0);
        Path early = Files.writeString(dir.resolve("early.json"), ArbiterJson.mapper().writeValueAsString(first));
        Path late = Files.writeString(dir.resolve("late.json"), ArbiterJson.mapper().writeValueAsString(second));
        String fills = EXAMPLES.resolve("fills.json").toString();

        CliOutput whole = run(example(ExampleRequests.EXAMPLE));
        CliOutput split = run(decide(ExampleRequests.EXAMPLE, "--account", EXAMPLES.resolve("account.json").toString(),
                "--bars", early.toString(), "--bars", late.toString(), "--fills", fills, "--fills", fills));

        assertThat(whole.exitCode()).as(whole.stderr()).isZero();
        assertThat(split.exitCode()).as(split.stderr()).isZero();
        assertThat(split.stdout()).isEqualTo(whole.stdout());
    }

    @Test
    void barsAsABinanceKlineFileNamedBySymbolDecideAsTheBarsBody() throws Exception {
        JsonNode series = ArbiterJson.mapper().readTree(EXAMPLES.resolve("bars.json").toFile());
        StringBuilder klines = new StringBuilder();
        for (JsonNode bar : series.path("bars")) {
            long open = java.time.Instant.parse(bar.path("openTime").asString()).toEpochMilli();
            klines.append(open).append(',').append(bar.path("open").asString()).append(',').append(bar.path("high").asString())
                    .append(',').append(bar.path("low").asString()).append(',').append(bar.path("close").asString()).append(',')
                    .append(bar.path("volume").asString()).append(',').append(open + 299_999).append(",0,1,0,0,0\n");
        }
        Path file = Files.writeString(dir.resolve("ETHUSD-5m-2023-03-15.csv"), klines);

        CliOutput body = run(example(ExampleRequests.EXAMPLE));
        CliOutput binance = run(decide(ExampleRequests.EXAMPLE, "--account", EXAMPLES.resolve("account.json").toString(),
                "--bars", "ETH-USD=" + file, "--fills", EXAMPLES.resolve("fills.json").toString()));
        CliOutput unnamed = run(decide(ExampleRequests.EXAMPLE, "--bars", file.toString()));

        assertThat(binance.exitCode()).as(binance.stderr()).isZero();
        assertThat(binance.stdout()).isEqualTo(body.stdout());
        assertThat(unnamed.exitCode()).isEqualTo(2);
        assertThat(unnamed.stderr()).contains("(Binance klines CSV): no symbol is not accepted; expected a symbol given");
    }

    @Test
    void aRequestForAnAccountWithoutAnOpeningBalanceExitsTwo() {
        CliOutput out = run(decide(ExampleRequests.EXAMPLE, "--bars", EXAMPLES.resolve("bars.json").toString()));

        assertThat(out.exitCode()).isEqualTo(2);
        assertThat(out.stderr()).contains("account.accountId: 'acct-1' is not accepted; expected an account with an"
                + " opening balance");
    }

    @Test
    void aMissingRequestFileIsABadArgument() {
        CliOutput out = run(decide(Path.of("no/such/file.json")));

        assertThat(out.exitCode()).isEqualTo(2);
        assertThat(out.stderr()).contains("--request: no/such/file.json does not exist");
    }

    @ParameterizedTest(name = "--{0}")
    @CsvSource({"account", "bars", "fills"})
    void aMissingEventFileExitsTwoNamingIt(String option) {
        Path missing = dir.resolve("missing-" + option + ".json");
        List<String> args = example(ExampleRequests.EXAMPLE);
        args.set(args.indexOf("--" + option) + 1, missing.toString());

        CliOutput out = run(args);

        assertThat(out.exitCode()).isEqualTo(2);
        assertThat(out.stderr()).contains("invalid --" + option + " " + missing + ": (file): " + missing
                + " is not accepted; expected an existing file");
        assertThat(out.stdout()).isEmpty();
    }

    @ParameterizedTest(name = "--{0}")
    @CsvSource({"request", "account", "bars", "fills"})
    void badJsonInAnyFileExitsTwoSayingWhere(String option) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad-" + option + ".json"), "{\"requestId\": ");
        List<String> args = example(ExampleRequests.EXAMPLE);
        args.set(args.indexOf("--" + option) + 1, bad.toString());

        CliOutput out = run(args);

        assertThat(out.exitCode()).isEqualTo(2);
        String file = option.equals("request") ? "invalid request " + bad : "invalid --" + option + " " + bad;
        assertThat(out.stderr()).contains(option.equals("bars")
                ? file + ": " + bad + " (bars JSON) line 1, column 15: text that is not well-formed JSON is not accepted"
                : file + ": (body): malformed JSON at line 1");
        assertThat(out.stdout()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            request | invalid request | intents[0].symbol: 'XYZ-USD' is not accepted; expected a listed instrument
            bars    | invalid --bars  | symbol: 'XYZ-USD' is not accepted; expected a listed instrument [
            fills   | invalid --fills | fills[0].symbol: 'XYZ-USD' is not accepted; expected a listed instrument [
            """)
    void anUnlistedSymbolInAnyFileExitsTwoNamingTheField(String option, String file, String message) throws Exception {
        Path original = option.equals("request") ? ExampleRequests.EXAMPLE : EXAMPLES.resolve(option + ".json");
        String json = Files.readString(original);
        assertThat(json).contains("ETH-USD");
        Path unlisted = Files.writeString(dir.resolve("unlisted-" + option + ".json"), json.replace("ETH-USD", "XYZ-USD"));
        List<String> args = example(ExampleRequests.EXAMPLE);
        args.set(args.indexOf("--" + option) + 1, unlisted.toString());

        CliOutput out = run(args);

        assertThat(out.exitCode()).isEqualTo(2);
        assertThat(out.stderr()).contains(file + " " + unlisted + ": " + message);
    }

    @Test
    void aBadIntentExitsTwoNamingTheField() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), new String(ExampleRequests.exampleBytes(), StandardCharsets.UTF_8)
                .replaceFirst("\"quantity\": 25,", "\"quantity\": -25,"));

        CliOutput out = run(example(bad));

        assertThat(out.exitCode()).isEqualTo(2);
        assertThat(out.stderr()).contains("intents[0].quantity: -25 is not accepted; expected a number > 0");
    }

    @Test
    void aFillOfAnOrderWithoutItsAccountExitsTwoNamingTheField() throws Exception {
        Path fills = Files.writeString(dir.resolve("fills.json"), Files.readString(EXAMPLES.resolve("fills.json"))
                .replace("\"accountId\": \"acct-1\",", "\"orderId\": \"dec-1/i-1\","));

        CliOutput out = run(decide(ExampleRequests.EXAMPLE, "--account", EXAMPLES.resolve("account.json").toString(),
                "--fills", fills.toString()));

        assertThat(out.exitCode()).isEqualTo(2);
        assertThat(out.stderr()).contains("invalid --fills " + fills + ": fills[0].accountId: null is not accepted;"
                + " expected 1 to 200 characters");
    }

    @Test
    void unknownCommandAndMissingArgumentsPrintUsageAndFail() {
        CliOutput unknown = CliOutput.of(() -> ArbiterCli.execute("frobnicate"));
        CliOutput missing = CliOutput.of(() -> ArbiterCli.execute("decide"));
        CliOutput none = CliOutput.of(() -> ArbiterCli.execute());

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("Unmatched argument").contains("Usage: arbiter");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("Missing required option: '--request=FILE'");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.stderr()).contains("Missing command").contains("serve").contains("decide");
    }

    @Test
    void serveRefusesAPortOutOfRange() {
        CliOutput zero = CliOutput.of(() -> ArbiterCli.execute("serve", "--port", "0"));
        CliOutput text = CliOutput.of(() -> ArbiterCli.execute("serve", "--port", "http"));

        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.stderr()).contains("--port: 0 is not accepted; expected 1-65535");
        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.stderr()).contains("'http' is not an int");
    }
}
