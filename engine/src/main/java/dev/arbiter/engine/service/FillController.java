package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.json.EventBodies;
import dev.arbiter.engine.service.security.AccountScope;
import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.InvalidEventException;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.rules.pack.InstrumentSet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
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
 * {@code POST /v1/fills}: executions, each journaled and booked by the engine (cash, position, realised P&amp;L, the
 * working order it fills). A fill naming no order the engine approved (a manual trade, a liquidation) is booked all
 * the same and reported as unsolicited. Each fill is kept or refused on its own; a fill id seen before changes nothing.
 */
@Tag(name = "Orders and fills")
@RestController
class FillController {

    /** The fills of a batch: recorded (some unsolicited: no order of ours), known before, or refused one by one. */
    record FillsRecorded(List<String> recorded, List<String> unsolicited, List<String> duplicates,
                         List<ItemErrors.Refused> refused) {
    }

    private final TradingCore core;
    private final Clock clock;
    private final dev.arbiter.engine.decision.DecisionPipeline pipeline;
    /** Gateway mode: fills go to the decision job, which keeps the accounts; empty in the embedded mode. */
    private final Optional<ClusterEvents> cluster;

    FillController(TradingCore core, dev.arbiter.engine.decision.DecisionPipeline pipeline, Clock clock,
                   Optional<ClusterEvents> cluster) {
        this.cluster = cluster;
        this.core = core;
        this.clock = clock;
        this.pipeline = pipeline;
    }

    @Operation(operationId = "recordFills", summary = "Record fills from the venue")
    @ApiResponse(responseCode = "200", description = "At least one fill recorded or known before; the others refused one by one")
    @ApiResponse(responseCode = "400", description = "No fill of the batch taken: each refused, naming its field",
            content = @Content(schema = @Schema(implementation = FillsRecorded.class)))
    @PostMapping(path = "/v1/fills", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FillsRecorded> record(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = EventBodies.Fills.class)))
            @RequestBody(required = false) byte[] body) {
        JsonNode root = JsonBodies.read(body, JsonNode.class, EventBodies.FILLS);
        JsonNode items = root.get("fills");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new InvalidRequestException("fills", items == null ? "missing" : items.toString(), "a non-empty array of fills");
        }
        // a key acts for its own accounts only: one foreign entry refuses the whole batch before any is accepted
        items.forEach(item -> AccountScope.check(item.path("accountId").asString("")));
        if (cluster.isPresent()) {
            return onTheJob(items, cluster.get());
        }
        List<String> recorded = new ArrayList<>();
        List<String> unsolicited = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        List<ItemErrors.Refused> refused = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "fills[" + i + "]";
            try {
                EventBodies.Fill fill = ItemErrors.read(items.get(i), EventBodies.Fill.class, path);
                AccountState state = core.account(EventBodies.id(path + ".accountId", fill.accountId()));
                if (!state.opened()) {
                    throw new InvalidRequestException(path + ".accountId", "'" + fill.accountId() + "'",
                            "an account with an opening balance (PUT /v1/accounts/{accountId} first)");
                }
                AccountEvent.Filled event = fill.toEvent(path, instruments(), core::account);
                NotInTheFuture.check(path + ".filledAt", event.at(), clock);
                TradingCore.Applied applied = core.submit(event, fill.key());
                if (applied.duplicate()) {
                    duplicates.add(fill.fillId());
                } else {
                    recorded.add(fill.fillId());
                    if (event.unsolicited()) {
                        unsolicited.add(fill.fillId());
                    }
                }
            } catch (InvalidRequestException e) {
                refused.add(new ItemErrors.Refused(e.field(), e.value(), e.accepted()));
            } catch (InvalidEventException e) {
                refused.add(new ItemErrors.Refused(path + "." + e.field(), e.value(), e.accepted()));
            }
        }
        FillsRecorded answer = new FillsRecorded(recorded, unsolicited, duplicates, refused);
        return recorded.isEmpty() && duplicates.isEmpty()
                ? ResponseEntity.badRequest().body(answer) : ResponseEntity.ok(answer);
    }

    /**
     * Gateway mode: each fill checked here as above, the good ones published at once (one account's in order) and
     * their answers awaited in turn; the job books them, refuses a fill for an account without an opening balance,
     * and tells whether each filled an order it approved.
     */
    private ResponseEntity<FillsRecorded> onTheJob(JsonNode items, ClusterEvents job) {
        List<ClusterEvents.ItemAnswer> answers = job.submitAll(items, "fills", (item, path) -> {
            EventBodies.Fill fill = ItemErrors.read(item, EventBodies.Fill.class, path);
            EventBodies.id(path + ".accountId", fill.accountId());
            // the job tells whether the fill is of an order it approved: this service does not keep the orders
            AccountEvent.Filled event = fill.toEvent(path, instruments(), AccountState::empty);
            NotInTheFuture.check(path + ".filledAt", event.at(), clock);
            return new ClusterEvents.Keyed(event, fill.key());
        });
        List<String> recorded = new ArrayList<>();
        List<String> unsolicited = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        List<ItemErrors.Refused> refused = new ArrayList<>();
        for (ClusterEvents.ItemAnswer answer : answers) {
            if (answer.refused() != null) {
                refused.add(answer.refused());
                continue;
            }
            AccountEvent.Filled fill = (AccountEvent.Filled) answer.applied().event();
            if (answer.applied().duplicate()) {
                duplicates.add(fill.fillId());
            } else {
                recorded.add(fill.fillId());
                if (fill.unsolicited()) {
                    unsolicited.add(fill.fillId());
                }
            }
        }
        FillsRecorded answer = new FillsRecorded(recorded, unsolicited, duplicates, refused);
        return recorded.isEmpty() && duplicates.isEmpty()
                ? ResponseEntity.badRequest().body(answer) : ResponseEntity.ok(answer);
    }

    /** The listed instruments of the release active now (an activation can change them). */
    private InstrumentSet instruments() {
        return pipeline.active().instruments();
    }
}
