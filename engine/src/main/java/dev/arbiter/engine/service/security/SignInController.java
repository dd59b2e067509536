package dev.arbiter.engine.service.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
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
@Tag(name = "Sign-in")
@RestController
class SignInController {

    private final SignInTokens tokens;

    /** A sign-in token (Authorization: Bearer), for whom, with which roles, until when. */
    record SignedIn(String token, String user, List<String> roles, String expiresAt) {
    }

    SignInController(SignInTokens tokens) {
        this.tokens = tokens;
    }

    @Operation(operationId = "signIn", summary = "Sign in once with a user and password (HTTP Basic) for a short-lived token")
    @ApiResponse(responseCode = "201", description = "The token",
            content = @Content(schema = @Schema(implementation = SignedIn.class)))
    @ApiResponse(responseCode = "400", description = "Not a password sign-in (a key or token was sent)")
    @PostMapping(path = "/v1/sign-ins", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> signIn(Authentication caller, HttpServletRequest request) {
        if (ApiKeyFilter.bearerToken(request) != null) { // a key, a sign-in token or a JWT: anything but a password
            return refused(HttpStatus.BAD_REQUEST, "a sign-in needs a user and password (HTTP Basic); an API key or a"
                    + " sign-in token is already what a sign-in gives");
        }
        SignInTokens.Issued issued = tokens.issue(caller.getName(), Roles.of(caller));
        return ResponseEntity.status(HttpStatus.CREATED).body(new SignedIn(issued.token(), issued.signedIn().user(),
                issued.signedIn().roles(), issued.signedIn().expiresAt().toString()));
    }

    @Operation(operationId = "signOut", summary = "Sign out: the token presented stops working")
    @ApiResponse(responseCode = "204", description = "Signed out")
    @ApiResponse(responseCode = "400", description = "The request does not present a sign-in token")
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
