package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * People sign in once over real HTTP: the password buys a token, the token acts with the person's roles and no
 * more, a wrong password buys nothing, an API key cannot be turned into a sign-in, and a signed-out token is 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInIT {

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:sign-in;DB_CLOSE_DELAY=-1");
        registry.add("arbiter.users", () -> PostgresScratch.USERS);
    }

    @Test
    void aPasswordOnceThenATokenWithThePersonsRoles() throws Exception {
        HttpResponse<String> signIn = ServiceClient.as(port, "auditor").post("/v1/sign-ins", "");
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(201);
        JsonNode body = ServiceClient.json(signIn);
        String token = body.path("token").asString();
        assertThat(token).startsWith("st_");
        assertThat(body.path("user").asString()).isEqualTo("auditor");
        assertThat(body.path("expiresAt").asString()).isNotBlank();

        ServiceClient signedIn = ServiceClient.withKey(port, token);
        HttpResponse<String> me = signedIn.get("/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(ServiceClient.json(me).path("roles").toString()).isEqualTo("[\"auditor\"]");
        assertThat(signedIn.get("/v1/audit/verify").statusCode()).as("the auditor's own role").isEqualTo(200);
        assertThat(signedIn.post("/v1/checks", ServiceClient.exampleRequest("acct-1", "r-1")).statusCode())
                .as("not a trader's").isEqualTo(403);
        assertThat(signedIn.post("/v1/sign-ins", "").statusCode()).as("a token does not renew itself").isEqualTo(400);

        assertThat(signedIn.delete("/v1/sign-ins/current").statusCode()).isEqualTo(204);
        HttpResponse<String> after = signedIn.get("/v1/me");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).doesNotContain(token);
    }

    @Test
    void aWrongPasswordOrAnUnknownTokenBuysNothing() throws Exception {
        assertThat(new ServiceClient(port, "auditor", "wrong").post("/v1/sign-ins", "").statusCode()).isEqualTo(401);
        assertThat(ServiceClient.withKey(port, "st_not-a-token").get("/v1/me").statusCode()).isEqualTo(401);
        assertThat(ServiceClient.as(port, "trader").delete("/v1/sign-ins/current").statusCode())
                .as("nothing to sign out with a password").isEqualTo(400);
    }
}
