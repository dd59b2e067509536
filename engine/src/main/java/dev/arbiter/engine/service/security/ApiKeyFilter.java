package dev.arbiter.engine.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <key>}: one SHA-256 and a map lookup, microseconds, where a password costs a bcrypt
 * round. A person's sign-in token ({@link SignInTokens}, {@code st_...}) costs the same. An unknown key or an ended
 * sign-in is 401 at once; a request without a bearer goes on to HTTP Basic.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final SignInTokens signIns;
    private final ProblemAuthenticationHandlers problems;

    private final boolean jwtsConfigured;

    /** @param jwtsConfigured whether an identity provider is configured: its JWTs go on to the resource server */
    ApiKeyFilter(ApiKeys keys, SignInTokens signIns, ProblemAuthenticationHandlers problems, boolean jwtsConfigured) {
        this.keys = keys;
        this.signIns = signIns;
        this.problems = problems;
        this.jwtsConfigured = jwtsConfigured;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = bearerToken(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        if (jwtsConfigured && JwtCaller.looksLikeJwt(token)) {
            chain.doFilter(request, response);
            return;
        }
        if (token.startsWith(SignInTokens.PREFIX)) {
            var signedIn = signIns.find(token);
            if (signedIn.isEmpty()) {
                SecurityContextHolder.clearContext();
                problems.commence(request, response, new BadCredentialsException("sign-in ended"));
                return;
            }
            authenticate(UsernamePasswordAuthenticationToken.authenticated(signedIn.get().user(), null,
                    Roles.authorities(signedIn.get().roles())));
            chain.doFilter(request, response);
            return;
        }
        var key = keys.find(token);
        if (key.isEmpty()) {
            SecurityContextHolder.clearContext();
            problems.commence(request, response, new BadCredentialsException("unknown API key"));
            return;
        }
        authenticate(new ApiKeyAuthentication(key.get()));
        chain.doFilter(request, response);
    }

    /** What follows {@code Authorization: Bearer}, or {@code null} when the request presents no bearer. */
    static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : null;
    }

    private static void authenticate(Authentication caller) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(caller);
        SecurityContextHolder.setContext(context);
    }
}
