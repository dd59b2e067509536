package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.state.MarkPriceEvent;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.kb.fact.MarkPrice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/market/marks}: a perpetual's mark prices and funding rates as its venue publishes them, oldest
 * first, each journaled in the instrument's market journal; holders are valued at the mark from then on (while it is as
 * new as the last bar) and the funding rules read the rate. Malformed marks and marks not newer than the latest one
 * are refused one by one, naming the mark; an identical repeat of the latest is ignored; every valid mark is kept.
 */
@Tag(name = "Market data")
@RestController
class MarkPriceController {

    /** One mark as the body gives it. */
    record MarkRow(Instant time, BigDecimal price, BigDecimal fundingRate, Instant nextFundingTime) {
    }

    /** A batch of marks of one perpetual, as the body carries it. */
    record Marks(String symbol, List<MarkRow> marks) {
    }

    /** The marks kept, those already known, the newest mark now, and the refusals one by one. */
    record MarksTaken(String symbol, int kept, int ignored, MarkPrice latest, long journalPosition,
                      List<ItemErrors.Refused> refused) {
    }

    private final TradingCore core;
    private final DecisionPipeline pipeline;
    private final Clock clock;

    private final Optional<ClusterEvents> cluster;

    MarkPriceController(TradingCore core, DecisionPipeline pipeline, Clock clock, Optional<ClusterEvents> cluster) {
        this.core = core;
        this.pipeline = pipeline;
        this.clock = clock;
        this.cluster = cluster;
    }

    @Operation(operationId = "sendMarks", summary = "Send mark prices and funding rates of a perpetual")
    @ApiResponse(responseCode = "200", description = "At least one mark kept or known; the others refused one by one")
    @ApiResponse(responseCode = "400", description = "No mark of the batch taken: each refused, naming its field",
            content = @Content(schema = @Schema(implementation = MarksTaken.class)))
    @PostMapping(path = "/v1/market/marks", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MarksTaken> ingest(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = Marks.class)))
            @RequestBody(required = false) byte[] body) {
        JsonNode root = JsonBodies.read(body, JsonNode.class, "{\"symbol\": \"BTC-USDT-PERP\", \"marks\": [ {\"time\","
                + " \"price\", \"fundingRate\", \"nextFundingTime\" (optional)} ]}");
        String symbol = root.path("symbol").isString() ? root.path("symbol").asString() : null;
        List<String> perpetuals = pipeline.active().instruments().perpetuals();
        if (symbol == null || !perpetuals.contains(symbol)) {
            throw new InvalidRequestException("symbol", String.valueOf(root.get("symbol")), "a listed perpetual "
                    + perpetuals);
        }
        JsonNode items = root.get("marks");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new InvalidRequestException("marks", items == null ? "missing" : items.toString(),
                    "a non-empty array of marks, oldest first");
        }
        MarkPrice[] last = new MarkPrice[1];
        long[] offset = {-1};
        ItemErrors.Tally tally = ItemErrors.each(items, "marks", (item, path) -> {
            MarkRow row = ItemErrors.read(item, MarkRow.class, path);
            NotInTheFuture.check(path + ".time", row.time(), clock);
            MarkPrice mark = new MarkPrice(symbol, row.time(), row.price(), row.fundingRate(), row.nextFundingTime());
            if (cluster.isEmpty()) {
                return core.markPrice(mark);
            }
            // gateway mode: to the job's market topic, which every worker reads; the job checks order and repeats
            offset[0] = cluster.get().publishMarket(symbol, new MarkPriceEvent(mark));
            last[0] = mark;
            return true;
        });
        MarksTaken answer = cluster.isPresent()
                ? new MarksTaken(symbol, tally.kept(), tally.ignored(), last[0], offset[0] + 1, tally.refused())
                : new MarksTaken(symbol, tally.kept(), tally.ignored(),
                        core.markPrices(List.of(symbol)).stream().findFirst().orElse(null), core.marketPosition(symbol),
                        tally.refused());
        return tally.nothingTaken() ? ResponseEntity.badRequest().body(answer) : ResponseEntity.ok(answer);
    }
}
