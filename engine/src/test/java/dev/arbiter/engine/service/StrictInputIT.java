package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strict input, field by field: every field of every documented example body (the first element of each list), and
 * of an example body for each other endpoint that takes one (transfers, funding, reconciliation, margin modes,
 * marks, order reports, trading states, kill switches, explanation queries; not rule-set uploads, whose every
 * accepted variant would run the whole checks), is
 * broken in every way a client can break it (another JSON type, null, missing, empty text, a number too large to
 * read, a forty-digit integer, a negative number) and sent to the real service. Never a 5xx; a refusal is a problem
 * detail in our words (no library, class or SQL text) naming a field of the body; no coercion between types (text
 * where a number belongs, a number or a boolean where text belongs, a number where a time belongs are refused).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StrictInputIT {

    private static final Path EXAMPLES = Path.of("../docs/examples");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern NOT_OUR_WORDS = Pattern.compile(
            "(?i)jackson|deseriali[sz]|com\\.fasterxml|tools\\.jackson|java\\.(lang|math|time|util)|exception|"
                    + "\\bsql\\b|select .* from|insert into|org\\.(springframework|h2|postgresql)|token `");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");

    /** An endpoint, the role that calls it, and its body: a documented example file, or an example of its own. */
    private record Endpoint(String method, String path, String role, String example) {

        JsonNode body() throws Exception {
            return JSON.readTree(example.endsWith(".json") ? Files.readString(EXAMPLES.resolve(example)) : example);
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("PUT", "/v1/accounts/acct-strict", "trader", "account.json"),
            new Endpoint("POST", "/v1/market/bars", "trader", "bars.json"),
            new Endpoint("POST", "/v1/fills", "trader", "fills.json"),
            new Endpoint("POST", "/v1/decisions", "trader", "decision-request.json"),
            new Endpoint("POST", "/v1/checks", "trader", "decision-request.json"),
            new Endpoint("POST", "/v1/accounts/acct-1/transfers", "trader", """
                    {"transferId": "t-strict", "amount": 100, "at": "2023-03-15T13:36:00Z"}"""),
            new Endpoint("POST", "/v1/accounts/acct-1/funding", "trader", """
                    {"fundingId": "f-strict", "symbol": "BTC-USDT-PERP", "amount": -1.5, "at": "2023-03-15T13:36:00Z"}"""),
            new Endpoint("POST", "/v1/accounts/acct-1/reconciliation", "trader", """
                    {"at": "2023-03-15T13:36:00Z", "cash": 100000,
                     "positions": [{"accountId": "acct-1", "symbol": "ETH-USD", "quantity": 2, "averagePrice": 1600}]}"""),
            new Endpoint("PUT", "/v1/accounts/acct-1/margin-modes/BTC-USDT-PERP", "trader", """
                    {"mode": "CROSS", "at": "2023-03-15T13:36:00Z"}"""),
            new Endpoint("POST", "/v1/market/marks", "trader", """
                    {"symbol": "BTC-USDT-PERP", "marks": [{"time": "2023-03-15T13:35:00Z", "price": 24500.5,
                     "fundingRate": 0.0001, "nextFundingTime": "2023-03-15T16:00:00Z"}]}"""),
            new Endpoint("POST", "/v1/orders/reports", "trader", """
                    {"reports": [{"accountId": "acct-1", "orderId": "ord-unknown", "status": "CANCELLED",
                     "reason": "cancelled by the desk", "at": "2023-03-15T13:36:00Z"}]}"""),
            new Endpoint("POST", "/v1/trading-state", "risk-officer", """
                    {"scope": "ACCOUNT", "target": "acct-strict-2", "state": "REDUCING", "reason": "input drill"}"""),
            new Endpoint("POST", "/v1/kill-switch", "risk-officer", """
                    {"scope": "ACCOUNT", "target": "acct-strict-2", "engaged": false, "reason": "input drill"}"""),
            new Endpoint("POST", "/v1/decisions/{decisionId}/explain", "auditor", """
                    {"goal": "status(P, S)"}"""));

    /** The ways to break one field. */
    private enum Mutation {
        TEXT, NUMBER, BOOLEAN, OBJECT, ARRAY, NULL, MISSING, EMPTY_TEXT, TOO_LARGE, FORTY_DIGITS, NEGATIVE
    }

    @LocalServerPort
    private int port;

    @BeforeAll
    static void needsPostgres() {
        PostgresScratch.assumeReachable();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresScratch.register(registry, "strict");
    }

    @BeforeEach
    void exampleAccount() throws Exception {
        ServiceClient.as(port, "trader").exampleAccount("acct-1");
    }

    @TestFactory
    Stream<DynamicTest> everyFieldOfEveryExampleBrokenEveryWay() throws Exception {
        String decisionId = ServiceClient.json(ServiceClient.as(port, "trader").post("/v1/decisions",
                RequestVariants.variant(1, "acct-1"))).path("decisionId").asString();
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint template : ENDPOINTS) {
            Endpoint endpoint = new Endpoint(template.method(), template.path().replace("{decisionId}", decisionId),
                    template.role(), template.example());
            JsonNode example = endpoint.body();
            for (String path : paths(example, "")) {
                JsonNode original = at(example, path);
                for (Mutation mutation : Mutation.values()) {
                    if (mutation == Mutation.NEGATIVE && !original.isNumber()) {
                        continue;
                    }
                    tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.path() + " " + path + " "
                            + mutation, () -> check(endpoint, example, path, original, mutation)));
                }
            }
        }
        return tests.stream();
    }

    private void check(Endpoint endpoint, JsonNode example, String path, JsonNode original, Mutation mutation)
            throws Exception {
        JsonNode body = mutate(example, path, mutation);
        ServiceClient caller = ServiceClient.as(port, endpoint.role());
        String text = JSON.writeValueAsString(body);
        HttpResponse<String> response = endpoint.method().equals("PUT") ? caller.put(endpoint.path(), text)
                : caller.post(endpoint.path(), text);
        String what = endpoint.path() + " with " + path + " " + mutation + ": " + response.statusCode() + " "
                + response.body();
        assertThat(response.statusCode()).as(what).isLessThan(500);
        if (response.statusCode() >= 400 && response.statusCode() != 409) {
            JsonNode problem = ServiceClient.json(response);
            String words = problem.path("detail").asString() + " " + problem.path("accepted").asString() + " "
                    + problem.path("title").asString();
            assertThat(NOT_OUR_WORDS.matcher(words).find()).as("in our words: " + what).isFalse();
            if (response.statusCode() == 400 && problem.has("field")) {
                assertThat(problem.path("field").asString()).as("names a field of the body: " + what)
                        .isNotBlank().isNotEqualTo("(body)");
            }
        }
        if (coercion(original, mutation)) {
            JsonNode answer = ServiceClient.json(response);
            if (response.statusCode() == 200 && answer.has("refused")) {
                // a batch keeps its good items: the broken one is refused on its own, by name
                String item = path.substring(0, path.indexOf(']') + 1);
                assertThat(answer.path("refused").valueStream().map(r -> r.path("field").asString()))
                        .as("no coercion between types, the item refused: " + what).anyMatch(f -> f.startsWith(item));
            } else {
                assertThat(response.statusCode()).as("no coercion between types: " + what).isEqualTo(400);
            }
        }
    }

    /** Whether the mutation asks the service to read one JSON type as another. */
    private static boolean coercion(JsonNode original, Mutation mutation) {
        if (original.isString()) {
            return mutation == Mutation.NUMBER || mutation == Mutation.BOOLEAN || mutation == Mutation.TOO_LARGE
                    || mutation == Mutation.FORTY_DIGITS || mutation == Mutation.OBJECT || mutation == Mutation.ARRAY;
        }
        if (original.isNumber()) {
            return mutation == Mutation.TEXT || mutation == Mutation.BOOLEAN || mutation == Mutation.EMPTY_TEXT
                    || mutation == Mutation.OBJECT || mutation == Mutation.ARRAY;
        }
        return false;
    }

    private static JsonNode mutate(JsonNode example, String path, Mutation mutation) {
        JsonNode copy = example.deepCopy();
        int split = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        String parentPath = split <= 0 ? "" : path.substring(0, split);
        JsonNode parent = parentPath.isEmpty() ? copy : at(copy, parentPath);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonNode value = switch (mutation) {
            case TEXT -> nodes.stringNode("x");
            case NUMBER -> nodes.numberNode(7);
            case BOOLEAN -> nodes.booleanNode(true);
            case OBJECT -> nodes.objectNode();
            case ARRAY -> nodes.arrayNode();
            case NULL, MISSING -> nodes.nullNode();
            case EMPTY_TEXT -> nodes.stringNode("");
            case TOO_LARGE -> nodes.numberNode(new java.math.BigDecimal("1e400"));
            case FORTY_DIGITS -> nodes.numberNode(new java.math.BigInteger("1234567890123456789012345678901234567890"));
            case NEGATIVE -> nodes.numberNode(at(example, path).decimalValue().negate().subtract(java.math.BigDecimal.ONE));
        };
        if (path.endsWith("]")) {
            int index = Integer.parseInt(path.substring(path.lastIndexOf('[') + 1, path.length() - 1));
            if (mutation == Mutation.MISSING) {
                ((ArrayNode) parent).remove(index);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        } else {
            String name = path.substring(split + 1);
            if (mutation == Mutation.MISSING) {
                ((ObjectNode) parent).remove(name);
            } else {
                ((ObjectNode) parent).set(name, value);
            }
        }
        return copy;
    }

    /** Every field's path, and every list's first element's: {@code intents[0].quantity}, {@code account}. */
    private static List<String> paths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                paths.add(path);
                paths.addAll(paths(e.getValue(), path));
            });
        } else if (node.isArray() && !node.isEmpty()) {
            String path = prefix + "[0]";
            paths.add(path);
            paths.addAll(paths(node.get(0), path));
        }
        return paths;
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.replace("[", ".[").split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            node = part.startsWith("[") ? node.get(Integer.parseInt(part.substring(1, part.length() - 1))) : node.get(part);
        }
        return node;
    }
}
