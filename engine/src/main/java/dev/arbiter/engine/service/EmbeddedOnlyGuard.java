package dev.arbiter.engine.service;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Gateway mode: refuses the endpoints marked {@link EmbeddedOnly} before they run, after authentication (a caller
 * without the endpoint's role still gets 401 or 403).
 */
final class EmbeddedOnlyGuard implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            EmbeddedOnly embeddedOnly = method.getMethodAnnotation(EmbeddedOnly.class);
            if (embeddedOnly != null) {
                throw new RunsOnTheJobException(request.getMethod() + " " + request.getRequestURI(), embeddedOnly.value());
            }
        }
        return true;
    }
}
