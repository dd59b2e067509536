package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API contract: the OpenAPI document the running service serves is the one committed as {@code docs/openapi.json}
 * (which desks generate their clients from, and the build generates its own client from). Any change to it, a
 * breaking one above all, fails the build until the new document is reviewed and committed:
 * {@code ./mvnw -pl engine verify -Dit.test=OpenApiContractIT -Dopenapi.update=true}. The document itself must type
 * every body and answer, declare every status with problem details, and name its security schemes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiContractIT {

    static final Path COMMITTED = Path.of("../docs/openapi.json");
    private static final ObjectMapper SORTED = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT, SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final Set<String> BODY_METHODS = Set.of("post", "put", "patch");

    @LocalServerPort
    private int port;

    @BeforeAll
    static void needsPostgres() {
        PostgresScratch.assumeReachable();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresScratch.register(registry, "openapi");
    }

    @Test
    void theServedDocumentIsTheCommittedContract() throws Exception {
        String served = canonical(ServiceClient.json(ServiceClient.as(port, "admin").get("/v3/api-docs")));
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, served);
        }
        assertThat(COMMITTED).as("the committed contract").exists();
        String committed = Files.readString(COMMITTED);
        List<JsonDiff.Difference> differences = JsonDiff.between("", SORTED.readTree(committed), SORTED.readTree(served));
        assertThat(differences).as("the API differs from docs/openapi.json; review the change, then commit the new"
                + " document with ./mvnw -pl engine verify -Dit.test=OpenApiContractIT -Dopenapi.update=true").isEmpty();
    }

    @Test
    void everyBodyAndAnswerIsTypedAndEveryStatusDeclared() throws Exception {
        JsonNode document = ServiceClient.json(ServiceClient.as(port, "admin").get("/v3/api-docs"));
        assertThat(document.path("openapi").asString()).startsWith("3.1");
        assertThat(document.path("info").path("title").asString()).isEqualTo("Arbiter");
        assertThat(document.path("info").path("version").asString()).isEqualTo(OpenApiConfiguration.API_VERSION);
        assertThat(document.path("components").path("securitySchemes").properties())
                .extracting(e -> e.getKey()).containsExactlyInAnyOrder("basic", "bearer");

        List<String> untyped = new ArrayList<>();
        List<String> undeclared = new ArrayList<>();
        int operations = 0;
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                operations++;
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = operation.getValue().path("responses");
                for (String status : List.of("401", "403", "500")) {
                    if (!responses.has(status)) {
                        undeclared.add(name + " " + status);
                    }
                }
                JsonNode body = operation.getValue().path("requestBody");
                if (BODY_METHODS.contains(operation.getKey()) && !body.isMissingNode()) {
                    JsonNode schema = body.path("content").path("application/json").path("schema");
                    if (!schema.has("$ref")) {
                        untyped.add(name + " body " + schema);
                    }
                    for (String status : List.of("400", "413", "415")) {
                        if (!responses.has(status)) {
                            undeclared.add(name + " " + status);
                        }
                    }
                }
                for (var response : responses.properties()) {
                    JsonNode content = response.getValue().path("content");
                    for (var media : content.properties()) {
                        JsonNode schema = media.getValue().path("schema");
                        boolean html = media.getKey().equals("text/html");
                        if (!html && !schema.has("$ref") && !"array".equals(schema.path("type").asString())) {
                            untyped.add(name + " " + response.getKey() + " " + media.getKey() + " " + schema);
                        }
                    }
                }
            }
        }
        assertThat(operations).isGreaterThan(30);
        assertThat(untyped).as("bodies and answers typed by schema").isEmpty();
        assertThat(undeclared).as("statuses declared").isEmpty();

        JsonNode decide = document.path("paths").path("/v1/decisions").path("post");
        assertThat(decide.path("responses").properties()).extracting(e -> e.getKey())
                .contains("200", "201", "400", "401", "403", "413", "415", "422", "503");
        assertThat(decide.path("requestBody").path("content").path("application/json").path("example")
                .path("account").path("accountId").asString()).as("the documented example request").isEqualTo("acct-1");
    }

    static String canonical(JsonNode document) {
        return SORTED.writeValueAsString(SORTED.treeToValue(document, Object.class)) + "\n";
    }
}
