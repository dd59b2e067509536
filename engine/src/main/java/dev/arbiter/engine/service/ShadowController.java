package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.report.ShadowReportPage;
import dev.arbiter.engine.service.store.ShadowTable;
import dev.arbiter.engine.shadow.Challenger;
import dev.arbiter.engine.shadow.ChallengerSource;
import dev.arbiter.engine.shadow.LaterCloses;
import dev.arbiter.engine.shadow.ShadowDecision;
import dev.arbiter.engine.shadow.ShadowReport;
import dev.arbiter.engine.shadow.ShadowReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Challengers in shadow over HTTP: which there are (in shadow now, or with rows stored), and how one compared with the
 * champion over a period, as JSON or as an HTML page.
 */
@Tag(name = "Shadow")
@RestController
class ShadowController {

    /** Later decisions read beyond the period's own to resolve predictions and mark orders. */
    private static final int LATER_DECISIONS = 1_000;

    /** A challenger, whether it decides in shadow now, how many rows it stored, and where its report is. */
    record ShadowChallenger(String id, String kind, String description, boolean running, long decisions,
                            String firstDecidedAt, String lastDecidedAt, String report) {
    }

    /** Every challenger, by id. */
    record ShadowChallengers(List<ShadowChallenger> challengers) {
    }

    /** An unknown challenger id. */
    static final class UnknownChallengerException extends RuntimeException {
        UnknownChallengerException(String message) {
            super(message);
        }
    }

    private final ChallengerSource lifecycle;
    private final ShadowTable shadows;

    ShadowController(ChallengerSource lifecycle, ShadowTable shadows) {
        this.lifecycle = lifecycle;
        this.shadows = shadows;
    }

    @Operation(operationId = "shadowChallengers", summary = "Challengers in shadow now or with rows stored")
    @ApiResponse(responseCode = "200", description = "Every challenger, by id, with a link to its report")
    @GetMapping(path = "/v1/shadow", produces = MediaType.APPLICATION_JSON_VALUE)
    ShadowChallengers challengers() {
        Map<String, ShadowChallenger> byId = new TreeMap<>();
        for (ShadowTable.Rows rows : shadows.challengers()) {
            byId.put(rows.challengerId(), new ShadowChallenger(rows.challengerId(), rows.kind(),
                    lifecycle.describe(rows.challengerId()).orElse(rows.challengerId()), false, rows.decisions(),
                    rows.first().toString(), rows.last().toString(), reportOf(rows.challengerId())));
        }
        for (Challenger running : lifecycle.challengers()) {
            ShadowChallenger stored = byId.get(running.id());
            byId.put(running.id(), new ShadowChallenger(running.id(), running.kind(), running.description(), true,
                    stored == null ? 0 : stored.decisions(), stored == null ? null : stored.firstDecidedAt(),
                    stored == null ? null : stored.lastDecidedAt(), reportOf(running.id())));
        }
        return new ShadowChallengers(List.copyOf(byId.values()));
    }

    @Operation(operationId = "shadowReport", summary = "How a challenger compared with the champion over a period",
            description = "JSON, or a self-contained HTML page when the request accepts text/html and not JSON")
    @ApiResponse(responseCode = "200", description = "Decisions compared and changed, why, status changes, and the models each side ran",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ShadowReport.class)),
                    @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "from or to missing or not an ISO-8601 time, or to not after from")
    @ApiResponse(responseCode = "404", description = "No challenger has this id")
    @GetMapping(path = "/v1/shadow/{challengerId}/report",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_HTML_VALUE})
    ResponseEntity<?> report(@PathVariable String challengerId, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ShadowReport report = compare(challengerId, from, to);
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)
                && !accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(ShadowReportPage.render(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    /** The challenger's rows in [from, to), each with its champion, and the closes of those and later decisions. */
    private ShadowReport compare(String challengerId, String from, String to) {
        Instant start = require("from", from);
        Instant end = require("to", to);
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("to", "'" + to + "'", "a time after from (" + from + ")");
        }
        ShadowChallenger challenger = challengers().challengers().stream().filter(c -> c.id().equals(challengerId))
                .findFirst().orElseThrow(() -> new UnknownChallengerException("challengerId: '" + challengerId
                        + "' is unknown; expected one of the ids GET /v1/shadow lists, e.g. rule-set:cand-0002"));
        List<ShadowDecision> rows = shadows.between(challengerId, start, end);
        Set<String> ids = rows.stream().map(ShadowDecision::decisionId).collect(Collectors.toSet());
        Map<String, DecisionResult> champions = new HashMap<>();
        LaterCloses closes = new LaterCloses();
        if (!rows.isEmpty()) {
            shadows.eachChampionAndLater(challengerId, start, end, rows.size() + LATER_DECISIONS, decided -> {
                closes.add(decided.trace());
                if (ids.contains(decided.decision().decisionId())) {
                    champions.put(decided.decision().decisionId(), decided);
                }
            });
        }
        List<ShadowReports.Compared> compared = new ArrayList<>();
        for (ShadowDecision row : rows) {
            DecisionResult champion = champions.get(row.decisionId());
            if (champion != null) { // a champion deleted behind the row's back: GET /v1/audit/verify names it
                compared.add(new ShadowReports.Compared(row, champion));
            }
        }
        return ShadowReports.of(challengerId, challenger.kind(), challenger.description(), start, end, compared, closes);
    }

    @ExceptionHandler(UnknownChallengerException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownChallengerException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown challenger");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String reportOf(String challengerId) {
        return "/v1/shadow/" + challengerId + "/report";
    }

    private static Instant require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "null", "an ISO-8601 UTC time such as 2024-03-04T00:00:00Z");
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "'" + value + "'", "an ISO-8601 UTC time such as 2024-03-04T00:00:00Z");
        }
    }
}
