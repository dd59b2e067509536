package dev.arbiter.engine.service;

import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.DecisionRequestReader;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@link DecisionRequestReader#MAX_BYTES} before they are read: by their
 * declared length at once (413); a body without one (chunked) is read here only up to the limit.
 * Runs before authentication, so an anonymous caller cannot make the service buffer a huge body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimit extends OncePerRequestFilter {

    static final long MAX = DecisionRequestReader.MAX_BYTES;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX) {
            refuse(response, declared + " bytes");
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) MAX + 1);
        if (body.length > MAX) {
            refuse(response, "more than " + MAX + " bytes");
            return;
        }
        chain.doFilter(new Buffered(request, body), response);
    }

    static void refuse(HttpServletResponse response, String value) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Request body too large");
        problem.put("status", 413);
        problem.put("detail", "(body): " + value + " is not accepted; expected at most " + MAX + " bytes");
        problem.put("field", "(body)");
        problem.put("value", value);
        problem.put("accepted", "at most " + MAX + " bytes");
        response.setStatus(413);
        response.setContentType("application/problem+json");
        response.getOutputStream().write(ArbiterJson.mapper().writeValueAsBytes(problem));
    }

    /** A body of unknown length, read here up to the limit and then served from memory. */
    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was already read");
                }
            };
        }
    }
}
