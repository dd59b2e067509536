package dev.arbiter.engine.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import dev.arbiter.engine.json.ArbiterJson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 as problem details, like every other error; they never echo credentials. */
@Component
final class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"arbiter\"");
        response.addHeader("WWW-Authenticate", "Basic realm=\"arbiter\"");
        write(response, 401, "Not authenticated", "this endpoint needs an API key (Authorization: Bearer <key>) or a"
                + " user and password (HTTP Basic); the credentials sent, if any, are not known");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, 403, "Forbidden", "your roles do not admit " + request.getMethod() + " "
                + request.getRequestURI() + " (see docs/api.md for the roles of each endpoint)");
    }

    private static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        response.getOutputStream().write(ArbiterJson.mapper().writeValueAsBytes(problem));
    }
}
