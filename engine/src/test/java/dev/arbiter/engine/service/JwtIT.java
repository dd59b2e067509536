package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A desk with an identity provider: its signed JWTs are bearer tokens, their {@code roles} and {@code accounts} claims
 * decide what they may do; a token signed by another key, or expired, is 401; API keys keep working beside them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtIT {

    private static final KeyPair PROVIDER = keyPair();
    private static final KeyPair STRANGER = keyPair();

    @LocalServerPort
    private int port;

    @BeforeAll
    static void needsPostgres() {
        PostgresScratch.assumeReachable();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        PostgresScratch.register(registry, "jwt");
        Path pem = Files.createTempFile("identity-provider", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(PROVIDER.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @Test
    void theProvidersTokensActForTheirAccountsWithTheirRoles() throws Exception {
        ServiceClient.as(port, "trader").exampleAccount("acct-j");
        ServiceClient.as(port, "trader").exampleAccount("acct-k");
        String deskJ = token(PROVIDER, "desk-j", List.of("trader"), List.of("acct-j"), Instant.now().plusSeconds(600));

        HttpResponse<String> own = ServiceClient.withKey(port, deskJ).post("/v1/checks", ServiceClient.exampleRequest("acct-j", "r-jwt-own"));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);

        HttpResponse<String> foreign = ServiceClient.withKey(port, deskJ).post("/v1/checks", ServiceClient.exampleRequest("acct-k", "r-jwt-k"));
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
        assertThat(foreign.body()).contains("token of 'desk-j' does not act for account 'acct-k'");

        String auditor = token(PROVIDER, "auditor-j", List.of("auditor"), List.of("acct-j"), Instant.now().plusSeconds(600));
        assertThat(ServiceClient.withKey(port, auditor).post("/v1/checks", ServiceClient.exampleRequest("acct-j", "r-jwt-auditor")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aTokenFromAnotherKeyOrOutOfTimeIsUnauthenticated() throws Exception {
        String forged = token(STRANGER, "desk-j", List.of("trader"), List.of("*"), Instant.now().plusSeconds(600));
        String expired = token(PROVIDER, "desk-j", List.of("trader"), List.of("*"), Instant.now().minusSeconds(600));
        for (String token : List.of(forged, expired)) {
            HttpResponse<String> refused = ServiceClient.withKey(port, token).post("/v1/checks", ServiceClient.exampleRequest("acct-j", "r-bad"));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(refused.body()).doesNotContain(token);
        }
    }

    private static String token(KeyPair signer, String subject, List<String> roles, List<String> accounts, Instant expires)
            throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder().subject(subject)
                .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires))
                .claim("roles", roles).claim("accounts", accounts).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) signer.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
