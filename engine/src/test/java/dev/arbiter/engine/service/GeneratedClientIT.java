package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.client.ApiClient;
import dev.arbiter.client.ApiException;
import dev.arbiter.client.api.AccountsApi;
import dev.arbiter.client.api.ChecksApi;
import dev.arbiter.client.api.DecisionsApi;
import dev.arbiter.client.api.MarketDataApi;
import dev.arbiter.client.api.OrdersAndFillsApi;
import dev.arbiter.client.api.RuleSetsApi;
import dev.arbiter.client.model.AccountView;
import dev.arbiter.client.model.Bars;
import dev.arbiter.client.model.BarsTaken;
import dev.arbiter.client.model.Candidate;
import dev.arbiter.client.model.ClientRequest;
import dev.arbiter.client.model.DecisionAnswer;
import dev.arbiter.client.model.Explained;
import dev.arbiter.client.model.Fills;
import dev.arbiter.client.model.FillsRecorded;
import dev.arbiter.client.model.Opening;
import dev.arbiter.client.model.Problem;
import dev.arbiter.client.model.ReplayReport;
import dev.arbiter.client.model.UploadRequest;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The client a desk generates from the committed contract (module {@code client}, openapi-generator's Java client),
 * driving the real service: an account opened, bars and fills sent, a decision and a check, the explanation and a
 * replay, a rule change through upload, second-officer approval and activation, and a refusal read as a problem
 * detail. Every body is one of the documented example files read into the generated models, so the examples, the
 * document and the service agree.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GeneratedClientIT {

    private static final Path EXAMPLES = Path.of("../docs/examples");

    @LocalServerPort
    private int port;

    @BeforeAll
    static void needsPostgres() {
        PostgresScratch.assumeReachable();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresScratch.register(registry, "client");
    }

    @Test
    void aDeskDrivesTheServiceThroughTheGeneratedClient() throws Exception {
        ApiClient trader = client("trader", "trader-pw");
        ObjectMapper json = trader.getObjectMapper();

        AccountView opened = new AccountsApi(trader).openAccount("acct-1", example(json, "account.json", Opening.class));
        assertThat(opened.getAccountId()).isEqualTo("acct-1");
        BarsTaken bars = new MarketDataApi(trader).sendBars(example(json, "bars.json", Bars.class), null, null);
        assertThat(bars.getKept()).isEqualTo(120);
        FillsRecorded fills = new OrdersAndFillsApi(trader).recordFills(example(json, "fills.json", Fills.class));
        assertThat(fills.getRecorded()).hasSize(1);
        assertThat(fills.getRefused()).isEmpty();

        ClientRequest request = example(json, "decision-request.json", ClientRequest.class);
        DecisionAnswer decided = new DecisionsApi(trader).decide(request, null);
        assertThat(decided.getDecision().getStatus().getValue()).isEqualTo("APPROVED");
        assertThat(decided.getDecision().getOrders()).hasSize(2);
        assertThat(decided.getExplanation().getHref()).endsWith("/explanation");

        DecisionAnswer checked = new ChecksApi(trader).check(request.requestId("client-check-1"), null, false);
        assertThat(checked.getDecision().getProposals()).isNotEmpty();

        ApiClient auditor = client("auditor", "auditor-pw");
        Explained explained = new DecisionsApi(auditor).explanation(decided.getDecisionId());
        assertThat(explained.getExplanations()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getBecause()).isNotEmpty());
        ReplayReport replay = new DecisionsApi(auditor).replay(decided.getDecisionId());
        assertThat(replay.getIdentical()).as(String.valueOf(replay.getDifferences())).isTrue();

        // a rule change: uploaded by one officer, approved and activated by another
        RuleSetsApi officer = new RuleSetsApi(client("risk-officer", "risk-pw"));
        String activeLimits = officer.candidate(officer.candidates().getCandidates().get(0).getId()).getFiles()
                .get("limits.json");
        Candidate uploaded = officer.uploadCandidate(new UploadRequest().note("wider price collar")
                .files(Map.of("limits.json", WiderCollar.limits(activeLimits))));
        assertThat(uploaded.getStatus().getValue()).isEqualTo("AWAITING_APPROVAL");
        RuleSetsApi second = new RuleSetsApi(client("risk-officer-2", "risk2-pw"));
        assertThat(second.approve(uploaded.getId()).getStatus().getValue()).isEqualTo("APPROVED");
        assertThat(second.activate(uploaded.getId()).getStatus().getValue()).isEqualTo("ACTIVE");
        assertThat(second.activeReleases().getDecisions().getLimits().get("price-collar")).isEqualByComparingTo("0.07");

        // a refusal comes as a problem detail the client reads: the field, the value, what is accepted
        ApiException refused = catchThrowableOfType(ApiException.class, () -> new DecisionsApi(trader)
                .decide(example(json, "decision-request.json", ClientRequest.class).requestId(" "), null));
        assertThat(refused.getCode()).isEqualTo(400);
        Problem problem = json.readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getField()).isEqualTo("requestId");
        assertThat(problem.getAccepted()).contains("non-blank");
    }

    private ApiClient client(String user, String password) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        ApiClient client = new ApiClient(HttpClient.newBuilder(), ApiClient.createDefaultObjectMapper(),
                "http://localhost:" + port);
        client.setRequestInterceptor(builder -> builder.header("Authorization", basic));
        return client;
    }

    private static <T> T example(ObjectMapper json, String file, Class<T> type) throws Exception {
        return json.readValue(Files.readString(EXAMPLES.resolve(file)), type);
    }
}
