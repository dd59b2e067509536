package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.json.EventBodies;
import dev.arbiter.engine.service.security.AccountScope;
import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.InvalidEventException;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.kb.state.OrderStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/orders/reports}: what the venue did with the orders the engine approved: acknowledged, cancelled
 * or rejected (fills go to {@code POST /v1/fills}). A cancelled or rejected order no longer reserves balance or
 * counts towards exposure; a cancel counts as a message for the rate limits. Each report is kept or refused on its own.
 */
@Tag(name = "Orders and fills")
@RestController
class OrderReportController {

    @Schema(name = "OrderReport") // distinct from a replay's report in the API document
    record Report(String accountId, String orderId, OrderStatus status, String reason, Instant at) {
    }

    /** A batch of order reports, as the body carries them. */
    record Reports(List<Report> reports) {
    }

    /** The orders whose reports were recorded, and the reports refused one by one. */
    record ReportsRecorded(List<String> recorded, List<ItemErrors.Refused> refused) {
    }

    private final TradingCore core;
    private final Clock clock;
    /** Gateway mode: reports go to the decision job, which keeps the orders; empty in the embedded mode. */
    private final Optional<ClusterEvents> cluster;

    OrderReportController(TradingCore core, Clock clock, Optional<ClusterEvents> cluster) {
        this.cluster = cluster;
        this.core = core;
        this.clock = clock;
    }

    @Operation(operationId = "recordOrderReports", summary = "Record order reports from the venue (acknowledged, cancelled, rejected)")
    @ApiResponse(responseCode = "200", description = "At least one report recorded; the others refused one by one")
    @ApiResponse(responseCode = "400", description = "No report of the batch taken: each refused, naming its field",
            content = @Content(schema = @Schema(implementation = ReportsRecorded.class)))
    @PostMapping(path = "/v1/orders/reports", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReportsRecorded> report(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = Reports.class)))
            @RequestBody(required = false) byte[] body) {
        JsonNode root = JsonBodies.read(body, JsonNode.class,
                "{\"reports\": [ {accountId, orderId, status: ACKNOWLEDGED|CANCELLED|REJECTED, reason (optional), at (optional)} ]}");
        JsonNode items = root.get("reports");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new InvalidRequestException("reports", items == null ? "missing" : items.toString(), "a non-empty array of reports");
        }
        // a key acts for its own accounts only: one foreign entry refuses the whole batch before any is accepted
        items.forEach(item -> AccountScope.check(item.path("accountId").asString("")));
        if (cluster.isPresent()) {
            return onTheJob(items, cluster.get());
        }
        List<String> recorded = new ArrayList<>();
        List<ItemErrors.Refused> refused = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "reports[" + i + "]";
            try {
                AccountEvent.OrderReported report = report(items.get(i), path);
                core.submit(report, null);
                recorded.add(report.orderId());
            } catch (InvalidRequestException e) {
                refused.add(new ItemErrors.Refused(e.field(), e.value(), e.accepted()));
            } catch (InvalidEventException e) {
                refused.add(new ItemErrors.Refused(path + "." + e.field(), e.value(), e.accepted()));
            }
        }
        ReportsRecorded answer = new ReportsRecorded(recorded, refused);
        return recorded.isEmpty() ? ResponseEntity.badRequest().body(answer) : ResponseEntity.ok(answer);
    }

    /**
     * Gateway mode: each report checked here as above, the good ones published at once and their answers awaited in
     * turn; the job refuses a report of an order that is not working.
     */
    private ResponseEntity<ReportsRecorded> onTheJob(JsonNode items, ClusterEvents job) {
        List<String> recorded = new ArrayList<>();
        List<ItemErrors.Refused> refused = new ArrayList<>();
        for (ClusterEvents.ItemAnswer answer : job.submitAll(items, "reports",
                (item, path) -> new ClusterEvents.Keyed(report(item, path), null))) {
            if (answer.refused() != null) {
                refused.add(answer.refused());
            } else {
                recorded.add(((AccountEvent.OrderReported) answer.applied().event()).orderId());
            }
        }
        ReportsRecorded answer = new ReportsRecorded(recorded, refused);
        return recorded.isEmpty() ? ResponseEntity.badRequest().body(answer) : ResponseEntity.ok(answer);
    }

    /** A report read and checked: the order's account and id, a time not in the future (now when absent). */
    private AccountEvent.OrderReported report(JsonNode item, String path) {
        Report report = ItemErrors.read(item, Report.class, path);
        EventBodies.id(path + ".accountId", report.accountId());
        EventBodies.id(path + ".orderId", report.orderId());
        NotInTheFuture.check(path + ".at", report.at(), clock);
        return new AccountEvent.OrderReported(report.accountId(), report.at() == null ? clock.instant() : report.at(),
                report.orderId(), report.status(), report.reason());
    }
}
