package dev.arbiter.engine.service;

import dev.arbiter.engine.service.security.AccountScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live risk view: {@code GET /v1/risk} the picture now, {@code GET /v1/risk/stream} the same as server-sent events
 * ({@code event: risk}) every {@code arbiter.risk.stream-every}, for as long as {@code arbiter.risk.stream-for}. A
 * caller whose key acts for some accounts sees only those.
 */
@Tag(name = "Risk")
@RestController
class RiskController implements AutoCloseable {

    private final RiskView view;
    private final Duration every;
    private final Duration streamFor;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "risk-stream");
        thread.setDaemon(true);
        return thread;
    });

    RiskController(RiskView view, @Value("${arbiter.risk.stream-every:PT2S}") String every,
                   @Value("${arbiter.risk.stream-for:PT30M}") String streamFor) {
        this.view = view;
        this.every = Duration.parse(every);
        this.streamFor = Duration.parse(streamFor);
    }

    @Operation(operationId = "risk", summary = "The live risk picture from the engine's own state")
    @ApiResponse(responseCode = "200", description = "Per account and desk-wide: exposure, limit use, margin, drawdown, controls, feeds")
    @GetMapping(path = "/v1/risk", produces = MediaType.APPLICATION_JSON_VALUE)
    @EmbeddedOnly("the accounts' state")
    RiskView.Snapshot now() {
        return view.now().visibleTo(AccountScope::permits);
    }

    @Operation(operationId = "riskStream", summary = "The live risk picture, streamed")
    @ApiResponse(responseCode = "200", description = "Server-sent events named risk, each a snapshot",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(implementation = RiskView.Snapshot.class)))
    @GetMapping(path = "/v1/risk/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @EmbeddedOnly("the accounts' state")
    SseEmitter stream() {
        Predicate<String> permits = AccountScope.permitsNow();
        SseEmitter emitter = new SseEmitter(streamFor.toMillis());
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable stop = () -> {
            ScheduledFuture<?> running = task.get();
            if (running != null) {
                running.cancel(false);
            }
        };
        task.set(ticks.scheduleWithFixedDelay(() -> {
            try {
                emitter.send(SseEmitter.event().name("risk").data(view.recent(every.dividedBy(2)).visibleTo(permits),
                        MediaType.APPLICATION_JSON));
            } catch (IOException | RuntimeException gone) {
                // the client left, or the stream timed out: stop sending to it
                emitter.completeWithError(gone);
                stop.run();
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS));
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(e -> stop.run());
        return emitter;
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }
}
