package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.report.ChangeRecord;
import dev.arbiter.engine.report.DecisionReport;
import dev.arbiter.engine.report.PeriodReport;
import dev.arbiter.engine.service.security.AccountScope;
import dev.arbiter.engine.service.store.CandidateTable;
import dev.arbiter.engine.service.store.ModelCandidateTable;
import dev.arbiter.engine.service.store.DecisionRepository;
import dev.arbiter.engine.service.store.DecisionSearch;
import dev.arbiter.engine.service.store.StoredDecision;
import dev.arbiter.engine.service.store.TradingStateStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports for auditors, and the decision search the console browses with. */
@Tag(name = "Reports")
@RestController
class ReportController {

    private static final Set<String> STATUSES = Set.of("APPROVED", "REJECTED", "HALTED", "BLOCKED", "NO_PROPOSALS");
    private static final int MAX_LIST = 500;

    /** Stored decisions matching a search, newest first. */
    record DecisionPage(List<DecisionSearch.Summary> decisions) {
    }

    private final DecisionSearch search;
    private final TradingStateStore tradingStates;
    private final CandidateTable candidates;
    private final ModelCandidateTable models;
    private final DecisionRepository decisions;
    private final DeferredExplanations explanations;

    ReportController(DecisionSearch search, TradingStateStore tradingStates, CandidateTable candidates,
                     ModelCandidateTable models, DecisionRepository decisions, DeferredExplanations explanations) {
        this.search = search;
        this.tradingStates = tradingStates;
        this.candidates = candidates;
        this.models = models;
        this.decisions = decisions;
        this.explanations = explanations;
    }

    @Operation(operationId = "searchDecisions", summary = "Search stored decisions")
    @ApiResponse(responseCode = "200", description = "The matching decisions, newest first")
    @GetMapping(path = "/v1/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
    DecisionPage list(@RequestParam(required = false) String status,
                                                   @RequestParam(required = false) String account,
                                                   @RequestParam(required = false) String from,
                                                   @RequestParam(required = false) String to,
                                                   @RequestParam(defaultValue = "100") int limit) {
        if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
            throw new InvalidRequestException("status", "'" + status + "'", "one of " + STATUSES.stream().sorted().toList());
        }
        if (limit < 1 || limit > MAX_LIST) {
            throw new InvalidRequestException("limit", String.valueOf(limit), "1.." + MAX_LIST);
        }
        if (account != null && !account.isBlank()) {
            AccountScope.check(account);
        }
        // a key sees its own accounts' decisions only
        return new DecisionPage(search.find(blankToNull(status), blankToNull(account), instant("from", from),
                instant("to", to), limit).stream().filter(d -> AccountScope.permits(d.accountId())).toList());
    }

    @Operation(operationId = "decisionReport", summary = "A decision's report for auditors (HTML)")
    @ApiResponse(responseCode = "200", description = "A self-contained HTML page")
    @GetMapping(path = "/v1/decisions/{decisionId}/report", produces = MediaType.TEXT_HTML_VALUE)
    String decisionReport(@PathVariable String decisionId) {
        StoredDecision found = decisions.find(decisionId).orElseThrow(() -> new UnknownDecisionException(decisionId));
        AccountScope.check(found.accountId());
        DecisionResult stored = explanations.complete(found);
        return DecisionReport.render(stored.decision(), stored.trace(), search.stamp(decisionId).orElse(null));
    }

    @Operation(operationId = "periodReport", summary = "The period's activity for auditors (HTML)")
    @ApiResponse(responseCode = "200", description = "A self-contained HTML page")
    @GetMapping(path = "/v1/reports/period", produces = MediaType.TEXT_HTML_VALUE)
    String periodReport(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Instant start = require("from", from);
        Instant end = require("to", to);
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("to", "'" + to + "'", "a time after from (" + from + ")");
        }
        return PeriodReport.render(start, end, search.decidedBetween(start, end), changes());
    }

    /** Trading-state changes and the steps of the rule-set and model lifecycles, as the period report lists them. */
    private List<ChangeRecord> changes() {
        List<ChangeRecord> changes = new ArrayList<>();
        for (TradingStateStore.Change change : tradingStates.history()) {
            changes.add(new ChangeRecord(Instant.parse(change.changedAt()), "TRADING_STATE",
                    change.scope() + " " + change.target(), change.state().name(), change.actor(), change.reason()));
        }
        for (Map<String, Object> step : candidates.steps()) {
            changes.add(new ChangeRecord(Instant.parse(String.valueOf(step.get("taken_at"))),
                    "RULE_SET_" + step.get("step"), String.valueOf(step.get("candidate_id")),
                    String.valueOf(step.get("release_key")), String.valueOf(step.get("actor")), ""));
        }
        for (Map<String, Object> step : models.steps()) {
            changes.add(new ChangeRecord(Instant.parse(String.valueOf(step.get("taken_at"))),
                    "MODEL_" + step.get("step"), String.valueOf(step.get("candidate_id")), step.get("model") + " "
                    + step.get("model_version") + " for " + step.get("symbol") + " " + step.get("purpose"),
                    String.valueOf(step.get("actor")), ""));
        }
        changes.sort(Comparator.comparing(ChangeRecord::at));
        return changes;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Instant require(String field, String value) {
        Instant instant = instant(field, value);
        if (instant == null) {
            throw new InvalidRequestException(field, "null", "an ISO-8601 UTC time such as 2023-03-15T00:00:00Z");
        }
        return instant;
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "'" + value + "'", "an ISO-8601 UTC time such as 2023-03-15T00:00:00Z");
        }
    }
}
