package dev.arbiter.engine.service;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document desks generate their clients from ({@code /v3/api-docs}, committed as
 * {@code docs/openapi.json}): title and version, the two ways to authenticate, and on every operation the problem
 * details it can answer with, so that no client meets an undeclared status. Request examples are the documented
 * example files, the ones the tests send.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basic";
    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    /** The contract's version: a change a client could notice is a new version of this document (docs/openapi.json). */
    static final String API_VERSION = "1.0.0";

    /** The example file each request body shows (docs/examples, packed under openapi/examples). */
    private static final Map<String, String> EXAMPLES = Map.of(
            "PUT /v1/accounts/{accountId}", "account.json",
            "POST /v1/market/bars", "bars.json",
            "POST /v1/fills", "fills.json",
            "POST /v1/decisions", "decision-request.json",
            "POST /v1/checks", "decision-request.json");

    /** The groups operations are listed in (and a generated client's classes are named after). */
    private static final List<Tag> TAGS = List.of(
            tag("Accounts", "Opening balances, transfers, funding, margin modes, reconciliation, the engine's view"),
            tag("Audit", "The tamper-evident audit chain"),
            tag("Market data", "Bars and mark prices the engine keeps"),
            tag("Checks", "Pre-trade checks"),
            tag("Decisions", "Decisions, their traces, explanations and replays"),
            tag("Reports", "Decision search and auditors' HTML reports"),
            tag("Orders and fills", "Fills and order reports from the venue"),
            tag("Sign-in", "Who is signed in; short-lived sign-in tokens"),
            tag("Risk", "The live risk picture"),
            tag("Rule sets", "Releases in force, and the lifecycle of candidates"),
            tag("Trading state", "Halts, reduce-only, resumes and kill switches"));

    static {
        // periods travel as ISO-8601 text (PT5M), as the service reads and writes them
        SpringDocUtils.getConfig().replaceWithSchema(Duration.class,
                new StringSchema().format("duration").description("an ISO-8601 duration").example("PT5M"));
    }

    @Bean
    OpenAPI arbiterOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Arbiter").version(API_VERSION)
                        .description("An explainable decision engine for trading risk. Trading systems send market data,"
                                + " fills and order reports, and ask for decisions or pre-trade checks; risk officers'"
                                + " rules reject, cap or halt intents, the sizing allocates what survives, every order is"
                                + " proven within the hard limits, and every decision is explained and kept in a"
                                + " tamper-evident audit chain. Errors are RFC 9457 problem details that name the field,"
                                + " the value and what is accepted."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API key (machine clients; `./arbiter keys new`), a sign-in token from"
                                        + " POST /v1/sign-ins, or a JWT from the desk's identity provider"))
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A user and password, for people and scripts")))
                .servers(List.of(new Server().url("http://localhost:8080").description("the embedded default (./arbiter serve)")))
                .tags(TAGS)
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /** Problem details on every operation, and the example files on the request bodies they document. */
    @Bean
    OpenApiCustomizer problemsAndExamples() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                String key = method.name() + " " + path;
                declareProblems(operation, method, path);
                String example = EXAMPLES.get(key);
                MediaType json = operation.getRequestBody() == null ? null
                        : operation.getRequestBody().getContent().get("application/json");
                if (example != null && json != null) {
                    json.setExample(example(example));
                }
            }));
        };
    }

    private static void declareProblems(Operation operation, PathItem.HttpMethod method, String path) {
        ApiResponses responses = operation.getResponses();
        problem(responses, "401", "No credentials, or credentials the service does not know");
        problem(responses, "403", "The caller's roles do not allow this, or its key does not act for the account");
        if (operation.getRequestBody() != null) {
            problem(responses, "400", "The body is not what this endpoint accepts: the problem names the field, the"
                    + " value and what is accepted; nothing in it was applied");
            problem(responses, "413", "The body is larger than 8 MiB; nothing was read");
            problem(responses, "415", "The body's Content-Type is not one this endpoint accepts");
        }
        if (path.contains("{decisionId}") || path.contains("{candidateId}")) {
            problem(responses, "404", "No such decision or candidate");
        }
        if (method == PathItem.HttpMethod.POST && (path.equals("/v1/decisions") || path.equals("/v1/checks"))) {
            problem(responses, "422", "The Idempotency-Key was used before with a different request");
            problem(responses, "503", "At capacity: nothing was decided; Retry-After says when to try again");
        }
        problem(responses, "500", "An unexpected failure: nothing was decided and no order may be sent (fail closed)");
        // every refusal is a problem detail, whatever the handler's declared type; "no content" has none
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(problemContent());
            } else if (status.equals("204")) {
                response.setContent(null);
            }
        });
    }

    private static Content problemContent() {
        return new Content().addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM)));
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(problemContent()));
        }
    }

    /** RFC 9457 problem details as the service writes them, with the fields that locate a bad input. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", typed("string").format("uri").description("the kind of problem"));
        properties.put("title", typed("string").description("the kind of problem, in words"));
        properties.put("status", typed("integer").format("int32").description("the HTTP status"));
        properties.put("detail", typed("string").description("what went wrong, in our words"));
        properties.put("instance", typed("string").format("uri").description("the request's path"));
        properties.put("field", typed("string").description("the field at fault, e.g. intents[0].quantity"));
        properties.put("value", typed("string").description("the value found there"));
        properties.put("accepted", typed("string").description("what the field accepts"));
        Schema schema = typed("object").description("A problem detail (RFC 9457)");
        schema.setProperties(properties);
        schema.setRequired(List.of("title", "status", "detail"));
        return schema;
    }

    /** A schema of one JSON type, written as OpenAPI 3.1 writes types. */
    @SuppressWarnings("rawtypes")
    private static Schema typed(String type) {
        return new Schema<>().type(type).types(Set.of(type));
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static Object example(String file) {
        try (InputStream in = OpenApiConfiguration.class.getResourceAsStream("/openapi/examples/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the example " + file + " is not packed with the service");
            }
            // plain maps and lists: the document's writer (Jackson 2) cannot write Jackson 3 trees
            return JSON.readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
