package dev.arbiter.engine.service;

import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.service.store.DiskSync;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * No acknowledgement leaves before what it acknowledges is on the disk. A request that may write (anything but a
 * read) has its answer held back until the database's commits are written to its file and forced ({@link DiskSync});
 * requests answered meanwhile share one write. If the force fails, the answer becomes a 503: what was committed may or may not
 * survive a power loss, so the client is told to send the same request again (with the same
 * {@code Idempotency-Key} it is not decided twice).
 */
final class DurableAcknowledgement extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DurableAcknowledgement.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final DiskSync disk;

    DurableAcknowledgement(DiskSync disk) {
        this.disk = disk;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !disk.forces() || READS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
        } finally {
            try {
                if (!refusedBeforeAnyWrite(held.getStatus())) {
                    disk.awaitDurable();
                }
            } catch (IllegalStateException e) {
                LOG.error("{} {} was not acknowledged: {}", request.getMethod(), request.getRequestURI(),
                        e.getMessage(), e.getCause());
                held.resetBuffer();
                notOnDisk(held);
            }
            held.copyBodyToResponse();
        }
    }

    /**
     * Refused by authentication or authorisation, which run before any controller: nothing was written, and an
     * anonymous caller must not be able to make the service force its disk.
     */
    private static boolean refusedBeforeAnyWrite(int status) {
        return status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN;
    }

    private static void notOnDisk(HttpServletResponse response) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Not confirmed on disk");
        problem.put("status", 503);
        problem.put("detail", "the request was processed but the database could not confirm it is on the disk;"
                + " send the same request again with the same Idempotency-Key, which keeps it from being decided twice");
        response.setStatus(503);
        response.setHeader("Retry-After", "1");
        response.setContentType("application/problem+json");
        response.getOutputStream().write(ArbiterJson.mapper().writeValueAsBytes(problem));
    }
}
