package dev.arbiter.engine.service.security;

import static dev.arbiter.engine.service.security.Roles.ADMIN;
import static dev.arbiter.engine.service.security.Roles.AUDITOR;
import static dev.arbiter.engine.service.security.Roles.RISK_OFFICER;
import static dev.arbiter.engine.service.security.Roles.TRADER;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Every request authenticated (an API key as a bearer, or HTTP Basic), every endpoint admitting only its roles; anything not
 * listed is refused. Health and readiness are open so that probes need no password; they tell nothing
 * but up or down.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * No Micrometer observation around each of the security filters, each authentication and each authorisation: on
     * the gate's path they cost more than the checks they would time. Requests are still timed whole
     * ({@code http.server.requests}) and the decision stages by the service's own timers.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemAuthenticationHandlers problems, ApiKeys keys,
                            SignInTokens signIns, ObjectProvider<JwtDecoder> jwts) throws Exception {
        JwtDecoder jwtDecoder = jwts.getIfAvailable();
        if (jwtDecoder != null) {
            // the identity provider's tokens (spring.security.oauth2.resourceserver.jwt.*); API keys stay with the filter
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(problems)
                    .bearerTokenResolver(request -> {
                        String token = ApiKeyFilter.bearerToken(request);
                        return token != null && JwtCaller.looksLikeJwt(token) ? token : null;
                    })
                    .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(JwtCaller::of)));
            LOG.info("JWTs from the configured identity provider are accepted as bearer tokens");
        }
        http.csrf(csrf -> csrf.disable())
                .addFilterBefore(new ApiKeyFilter(keys, signIns, problems, jwtDecoder != null), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(authorize -> authorize
                        // an error page, or a stream's later writes, continue a request already authorised
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        // the console's own files; everything it shows comes from the API, checked below
                        .requestMatchers(HttpMethod.GET, "/", "/console", "/console/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v1/me").authenticated()
                        .requestMatchers(HttpMethod.POST, "/v1/sign-ins").authenticated()
                        .requestMatchers(HttpMethod.DELETE, "/v1/sign-ins/current").authenticated()
                        .requestMatchers(HttpMethod.GET, "/v1/decisions", "/v1/decisions/*/report")
                        .hasAnyRole(TRADER, AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/v1/reports/period").hasAnyRole(AUDITOR, RISK_OFFICER, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/v1/rule-sets", "/v1/rule-sets/*")
                        .hasAnyRole(RISK_OFFICER, AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/v1/rule-sets", "/v1/rule-sets/*/approve",
                                "/v1/rule-sets/*/activate", "/v1/rule-sets/*/rollback", "/v1/rule-sets/*/shadow",
                                "/v1/rule-sets/*/shadow/stop").hasAnyRole(RISK_OFFICER)
                        .requestMatchers(HttpMethod.GET, "/v1/shadow", "/v1/shadow/*/report").hasAnyRole(RISK_OFFICER)
                        .requestMatchers(HttpMethod.GET, "/v1/models/candidates", "/v1/models/candidates/*")
                        .hasAnyRole(RISK_OFFICER, AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/v1/models/active")
                        .hasAnyRole(TRADER, RISK_OFFICER, AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/v1/models/candidates", "/v1/models/candidates/*/approve",
                                "/v1/models/candidates/*/activate", "/v1/models/candidates/*/retire",
                                "/v1/models/candidates/*/rollback", "/v1/models/candidates/*/shadow",
                                "/v1/models/candidates/*/shadow/stop").hasAnyRole(RISK_OFFICER)
                        .requestMatchers(HttpMethod.POST, "/v1/decisions", "/v1/checks", "/v1/market/bars",
                                "/v1/market/marks", "/v1/fills", "/v1/orders/reports", "/v1/accounts/*/transfers",
                                "/v1/accounts/*/funding", "/v1/accounts/*/reconciliation")
                        .hasAnyRole(TRADER, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/v1/decisions/*", "/v1/decisions/*/trace",
                                "/v1/decisions/*/explanation")
                        .hasAnyRole(TRADER, AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/v1/decisions/*/explain", "/v1/decisions/*/replay")
                        .hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/v1/audit/verify").hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/v1/trading-state", "/v1/kill-switch")
                        .hasAnyRole(RISK_OFFICER, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/v1/trading-state", "/v1/rule-sets/active")
                        .hasAnyRole(RISK_OFFICER, AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/v1/accounts/*", "/v1/accounts/*/margin-modes/*")
                        .hasAnyRole(TRADER, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/v1/accounts/*", "/v1/accounts/*/positions")
                        .hasAnyRole(TRADER, RISK_OFFICER, AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/v1/risk", "/v1/risk/stream")
                        .hasAnyRole(TRADER, RISK_OFFICER, AUDITOR, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").authenticated()
                        .anyRequest().denyAll());
        return http.build();
    }

    /** People's sign-in tokens, each valid for {@code arbiter.sign-in.lifetime} (an hour unless configured). */
    @Bean
    SignInTokens signInTokens(Clock clock, @Value("${arbiter.sign-in.lifetime:PT1H}") Duration lifetime) {
        return new SignInTokens(clock, lifetime);
    }

    /**
     * The configured API keys ({@code arbiter.api-keys}); with neither keys nor users configured on the embedded
     * database, the demo keys (printed here).
     */
    @Bean
    ApiKeys apiKeys(@Value("${arbiter.api-keys:}") String configured, @Value("${arbiter.users:}") String users,
                    @Value("${spring.datasource.url}") String databaseUrl) {
        ApiKeys keys = ApiKeys.parse(configured);
        if (keys.isEmpty() && ConfiguredUsers.parse(users).isEmpty() && databaseUrl.startsWith("jdbc:h2:")) {
            LOG.warn("Embedded database and no arbiter.api-keys configured: demo API keys are enabled, each for every"
                    + " account (Authorization: Bearer <key>): " + String.join(", ", ApiKeys.DEMO)
                    + ". Never use them beyond a local trial.");
            return ApiKeys.demo();
        }
        if (!keys.isEmpty()) {
            LOG.info("{} API keys configured: {}", keys.size(), keys.keys());
        }
        return keys;
    }

    /**
     * The configured users; with none configured, the embedded default's demo users (printed here) and
     * with any other database a refusal to start: a production service has no baked-in passwords.
     */
    @Bean
    UserDetailsService users(@Value("${arbiter.users:}") String configured,
                             @Value("${spring.datasource.url}") String databaseUrl, ApiKeys keys) {
        List<ConfiguredUsers.User> users = ConfiguredUsers.parse(configured);
        if (users.isEmpty() && !databaseUrl.startsWith("jdbc:h2:")) {
            if (keys.isEmpty()) {
                throw new IllegalStateException("no users and no API keys are configured: set arbiter.users (environment"
                        + " ARBITER_USERS) to name:{bcrypt}hash:role[,role];... with roles from " + Roles.ALL
                        + ", or arbiter.api-keys (ARBITER_API_KEYS); demo users and keys exist only with the embedded"
                        + " database");
            }
            LOG.info("no users configured: only API keys authenticate");
        } else if (users.isEmpty()) {
            users = ConfiguredUsers.demo();
            LOG.warn("Embedded database and no arbiter.users configured: demo users are enabled. Demo credentials"
                    + " (user / password): trader / trader-demo, risk-officer / risk-officer-demo,"
                    + " risk-officer-2 / risk-officer-2-demo,"
                    + " auditor / auditor-demo, admin / admin-demo. Never use them beyond a local trial.");
        } else {
            LOG.info("{} users configured: {}", users.size(), users);
        }
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users.stream().map(u -> User.withUsername(u.name())
                .password(u.encodedPassword()).roles(u.roles().toArray(String[]::new)).build()).toList());
        // Only the lookup: the manager would also re-encode a {noop} demo password as bcrypt on first use, making every
        // later call pay a bcrypt round. Configured passwords are compared as they were encoded.
        return manager::loadUserByUsername;
    }
}
