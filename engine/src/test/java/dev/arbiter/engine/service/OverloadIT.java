package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * At capacity the service refuses at once with 503 and {@code Retry-After}, changes nothing, and takes the same
 * request as soon as a place is free.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "arbiter.gate.max-in-flight=1")
class OverloadIT {

    @LocalServerPort
    private int port;

    @Autowired
    private Admission admission;

    @BeforeAll
    static void needsPostgres() {
        PostgresScratch.assumeReachable();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresScratch.register(registry, "overload");
    }

    @Test
    void beyondCapacityARequestIsRefusedWithRetryAfterAndChangesNothing() throws Exception {
        ServiceClient trader = ServiceClient.as(port, "trader");
        trader.exampleAccount("acct-1");
        JsonNode before = ServiceClient.json(trader.get("/v1/accounts/acct-1"));
        String request = new String(dev.arbiter.engine.decision.ExampleRequests.exampleBytes(), StandardCharsets.UTF_8);

        HttpResponse<String> refused;
        try (Admission.Ticket held = admission.enter()) { // the one place is taken, as by a request still deciding
            refused = trader.post("/v1/checks", request);
        }

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(ServiceClient.json(refused).path("detail").asString())
                .contains("the most it holds at once (arbiter.gate.max-in-flight)").contains("changed nothing");
        JsonNode after = ServiceClient.json(trader.get("/v1/accounts/acct-1"));
        assertThat(after.path("journalPosition").asLong()).isEqualTo(before.path("journalPosition").asLong());

        HttpResponse<String> taken = trader.post("/v1/checks", request);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        assertThat(admission.inFlight()).isZero();
    }
}
