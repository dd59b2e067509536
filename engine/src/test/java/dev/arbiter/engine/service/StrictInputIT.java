package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.math.BigInteger;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.quicktheories.generators.Generate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strict input, field by field: every field of every documented example body (the first element of each list), and
 * of an example body for each other endpoint that takes one (transfers, funding, reconciliation, margin modes,
 * marks, order reports, trading states, kill switches, rule-set uploads, explanation queries), is broken in every way
 * a client can break it (another JSON type, null, missing, empty text, a number too large to read, a forty-digit
 * integer, a negative number), then again with values drawn at random (QuickTheories, a fixed seed, shrunk to the
 * smallest failing value), and sent to the real service. Never a 5xx; a refusal is a problem detail in our words (no
 * library, class or SQL text) naming a field of the body; no coercion between types (text where a number belongs, a
 * number or a boolean where text belongs, a number where a time belongs are refused).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StrictInputIT {

    private static final Path EXAMPLES = Path.of("../docs/examples");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern NOT_OUR_WORDS = Pattern.compile(
            "(?i)jackson|deseriali[sz]|com\\.fasterxml|tools\\.jackson|java\\.(lang|math|time|util)|exception|"
                    + "\\bsql\\b|select .* from|insert into|org\\.(springframework|h2|postgresql)|token `");

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
            new Endpoint("POST", "/v1/rule-sets", "risk-officer", """
                    {"note": "input drill", "files": {"limits.json": "{\\"price-collar\\": 0.07}"}}"""),
            new Endpoint("POST", "/v1/decisions/{decisionId}/explain", "auditor", """
                    {"goal": "status(P, S)"}"""));

    /** A field of an endpoint's example body, named by its JSON pointer ({@code /intents/0/quantity}). */
    private record Field(Endpoint endpoint, JsonNode example, JsonPointer pointer) {

        JsonNode original() {
            return example.at(pointer);
        }

        @Override
        public String toString() {
            return endpoint.method() + " " + endpoint.path() + " " + pointer;
        }
    }

    /** A value to put in a field; {@code null} removes the field. */
    record Replacement(JsonNode value) {

        @Override
        public String toString() {
            return value == null ? "(missing)" : value.toString();
        }
    }

    /** The ways to break one field. */
    private enum Mutation {
        TEXT, NUMBER, BOOLEAN, OBJECT, ARRAY, NULL, MISSING, EMPTY_TEXT, TOO_LARGE, FORTY_DIGITS, NEGATIVE;

        Replacement of(JsonNode original) {
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            return new Replacement(switch (this) {
                case TEXT -> nodes.stringNode("x");
                case NUMBER -> nodes.numberNode(7);
                case BOOLEAN -> nodes.booleanNode(true);
                case OBJECT -> nodes.objectNode();
                case ARRAY -> nodes.arrayNode();
                case NULL -> nodes.nullNode();
                case MISSING -> null;
                case EMPTY_TEXT -> nodes.stringNode("");
                case TOO_LARGE -> nodes.numberNode(new BigDecimal("1e400"));
                case FORTY_DIGITS -> nodes.numberNode(new BigInteger("1234567890123456789012345678901234567890"));
                case NEGATIVE -> nodes.numberNode(original.decimalValue().negate().subtract(BigDecimal.ONE));
            });
        }
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
        List<DynamicTest> tests = new ArrayList<>();
        for (Field field : fields()) {
            for (Mutation mutation : Mutation.values()) {
                if (mutation == Mutation.NEGATIVE && !field.original().isNumber()) {
                    continue;
                }
                Replacement replacement = mutation.of(field.original());
                tests.add(DynamicTest.dynamicTest(field + " " + mutation, () -> check(field, replacement)));
            }
        }
        return tests.stream();
    }

    /**
     * The same contract for values drawn at random ({@link RandomJson}). The seed is fixed so that a run is
     * repeatable; {@code -Dstrict.input.seed=N} draws another sample.
     */
    @Test
    void anyValueInAnyFieldIsTakenOrRefusedInOurWords() throws Exception {
        List<Field> fields = fields();
        qt().withFixedSeed(Long.getLong("strict.input.seed", 20_261_206L)).withExamples(600).withShrinkCycles(30)
                .forAll(Generate.pick(fields), RandomJson.replacements())
                .checkAssert((field, replacement) -> {
                    try {
                        check(field, replacement);
                    } catch (Exception e) {
                        throw new IllegalStateException("the service did not answer " + field + " = " + replacement, e);
                    }
                });
    }

    /** Every field of every endpoint's example. */
    private List<Field> fields() throws Exception {
        String decisionId = ServiceClient.json(ServiceClient.as(port, "trader").post("/v1/decisions",
                RequestVariants.variant(1, "acct-1"))).path("decisionId").asString();
        List<Field> fields = new ArrayList<>();
        for (Endpoint template : ENDPOINTS) {
            Endpoint endpoint = new Endpoint(template.method(), template.path().replace("{decisionId}", decisionId),
                    template.role(), template.example());
            JsonNode example = endpoint.body();
            pointers(example, JsonPointer.empty()).forEach(pointer -> fields.add(new Field(endpoint, example, pointer)));
        }
        return fields;
    }

    private void check(Field field, Replacement replacement) throws Exception {
        Endpoint endpoint = field.endpoint();
        ServiceClient caller = ServiceClient.as(port, endpoint.role());
        String text = JSON.writeValueAsString(replaced(field, replacement));
        HttpResponse<String> response = endpoint.method().equals("PUT") ? caller.put(endpoint.path(), text)
                : caller.post(endpoint.path(), text);
        String what = field + " = " + replacement + ": " + response.statusCode() + " " + response.body();
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
        if (coercion(field.original(), replacement.value())) {
            JsonNode answer = ServiceClient.json(response);
            if (response.statusCode() == 200 && answer.has("refused")) {
                // a batch keeps its good items: the broken one is refused on its own, by name
                String item = itemOf(field.pointer());
                assertThat(answer.path("refused").valueStream().map(r -> r.path("field").asString()))
                        .as("no coercion between types, the item refused: " + what).anyMatch(f -> f.startsWith(item));
            } else {
                assertThat(response.statusCode()).as("no coercion between types: " + what).isEqualTo(400);
            }
        }
    }

    /** Whether the replacement asks the service to read one JSON type as another. */
    private static boolean coercion(JsonNode original, JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (original.isString()) {
            return !value.isString();
        }
        if (original.isNumber()) {
            return !value.isNumber();
        }
        return false;
    }

    /** The list item a pointer is in, as refusals name it: {@code /bars/0/close} is in {@code bars[0]}. */
    private static String itemOf(JsonPointer pointer) {
        StringBuilder item = new StringBuilder();
        for (JsonPointer rest = pointer; !rest.matches(); rest = rest.tail()) {
            if (rest.mayMatchElement()) {
                return item.append('[').append(rest.getMatchingIndex()).append(']').toString();
            }
            item.append(item.isEmpty() ? "" : ".").append(rest.getMatchingProperty());
        }
        return item.toString();
    }

    /** The example with the field replaced, or removed. */
    private static JsonNode replaced(Field field, Replacement replacement) {
        JsonNode copy = field.example().deepCopy();
        JsonNode parent = copy.at(field.pointer().head());
        JsonPointer last = field.pointer().last();
        if (parent instanceof ArrayNode list) {
            int index = last.getMatchingIndex();
            if (replacement.value() == null) {
                list.remove(index);
            } else {
                list.set(index, replacement.value());
            }
        } else {
            ObjectNode object = (ObjectNode) parent;
            if (replacement.value() == null) {
                object.remove(last.getMatchingProperty());
            } else {
                object.set(last.getMatchingProperty(), replacement.value());
            }
        }
        return copy;
    }

    /** Every field's pointer, and every list's first element's: {@code /intents/0/quantity}, {@code /account}. */
    private static List<JsonPointer> pointers(JsonNode node, JsonPointer prefix) {
        List<JsonPointer> pointers = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(e -> {
                JsonPointer pointer = prefix.appendProperty(e.getKey());
                pointers.add(pointer);
                pointers.addAll(pointers(e.getValue(), pointer));
            });
        } else if (node.isArray() && !node.isEmpty()) {
            JsonPointer pointer = prefix.appendIndex(0);
            pointers.add(pointer);
            pointers.addAll(pointers(node.get(0), pointer));
        }
        return pointers;
    }
}
