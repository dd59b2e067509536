package dev.arbiter.engine.service.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * People sign in once: {@code POST /v1/sign-ins} with their password (HTTP Basic) answers a short-lived token that
 * the console then presents instead of the password, so a person's password is checked once per sign-in, not on
 * every call. {@code DELETE /v1/sign-ins/current} ends the token presented.
 */
@RestController
class SignInController {

    private final SignInTokens tokens;

    SignInController(SignInTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping(path = "/v1/sign-ins", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> signIn(Authentication caller, HttpServletRequest request) {
        if (ApiKeyFilter.bearerToken(request) != null) { // a key, a sign-in token or a JWT: anything but a password
            return refused(HttpStatus.BAD_REQUEST, "a sign-in needs a user and password (HTTP Basic); an API key or a"
                    + " sign-in token is already what a sign-in gives");
        }
        SignInTokens.Issued issued = tokens.issue(caller.getName(), Roles.of(caller));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", issued.token());
        body.put("user", issued.signedIn().user());
        body.put("roles", issued.signedIn().roles());
        body.put("expiresAt", issued.signedIn().expiresAt().toString());
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    @DeleteMapping("/v1/sign-ins/current")
    ResponseEntity<?> signOut(HttpServletRequest request) {
        String token = ApiKeyFilter.bearerToken(request);
        if (token == null || !token.startsWith(SignInTokens.PREFIX)) {
            return refused(HttpStatus.BAD_REQUEST, "Authorization: this request does not present a sign-in token"
                    + " (Bearer st_...); there is nothing to sign out");
        }
        tokens.signOut(token);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ProblemDetail> refused(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://arbiter.dev/problems/sign-in"));
        problem.setTitle("Sign-in refused");
        problem.setProperty("field", "Authorization");
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
