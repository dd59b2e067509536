package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.decision.MarketSeries;
import dev.arbiter.engine.state.BarEvent;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.marketdata.BarFile;
import dev.arbiter.mlbridge.marketdata.BarFileException;
import dev.arbiter.mlbridge.marketdata.BarFormat;
import dev.arbiter.mlbridge.marketdata.BarsReader;
import dev.arbiter.rules.pack.InstrumentSet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/market/bars}: bars of one symbol and period, oldest first, each journaled in the instrument's market
 * journal and streamed into its indicators, regimes and anomalies; holders' marks move with every bar. Malformed bars,
 * bars before the newest one kept (out of order) and other bars at a time already kept are refused one by one, naming
 * the bar; an identical repeat of the newest bar is ignored; every valid bar is kept. The bars may also come as a file
 * ({@code text/csv} or a Binance {@code application/zip}), read by {@link BarsReader}.
 */
@Tag(name = "Market data")
@RestController
class BarController {

    /** Bars of one symbol and period, oldest first, as the body carries them. */
    record Bars(String symbol, Duration period, List<MarketSeries.Row> bars) {
    }

    /** The bars kept, those already known, the newest bar's open time now, and the refusals one by one. */
    record BarsTaken(String symbol, String period, int kept, int ignored, String newestOpenTime, long journalPosition,
                     List<ItemErrors.Refused> refused) {
    }

    private final TradingCore core;
    private final Clock clock;
    private final dev.arbiter.engine.decision.DecisionPipeline pipeline;

    private final Optional<ClusterEvents> cluster;

    BarController(TradingCore core, DecisionPipeline pipeline, Clock clock, Optional<ClusterEvents> cluster) {
        this.core = core;
        this.clock = clock;
        this.pipeline = pipeline;
        this.cluster = cluster;
    }

    @Operation(operationId = "sendBars", summary = "Send bars of one instrument: journaled, streamed into its indicators, marking its holders")
    @ApiResponse(responseCode = "200", description = "At least one bar kept or known; the others refused one by one")
    @ApiResponse(responseCode = "400", description = "No bar of the batch taken: each refused, naming its field",
            content = @Content(schema = @Schema(implementation = BarsTaken.class)))
    @PostMapping(path = "/v1/market/bars", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BarsTaken> ingest(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = Bars.class)))
            @RequestBody(required = false) byte[] body) {
        JsonNode root = JsonBodies.read(body, JsonNode.class, "{\"symbol\": \"ETH-USD\", \"period\": \"PT5M\", \"bars\": [ ... ]}");
        String symbol = root.path("symbol").isString() ? root.path("symbol").asString() : null;
        if (symbol == null || instruments().find(symbol).isEmpty()) {
            throw new InvalidRequestException("symbol", String.valueOf(root.get("symbol")), "a listed instrument "
                    + instruments().symbols());
        }
        Duration period;
        try {
            period = Duration.parse(root.path("period").asString(""));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("period", String.valueOf(root.get("period")), "an ISO-8601 duration such as PT5M");
        }
        if (period.isNegative() || period.isZero()) {
            throw new InvalidRequestException("period", period.toString(), "a positive duration such as PT5M");
        }
        JsonNode items = root.get("bars");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new InvalidRequestException("bars", items == null ? "missing" : items.toString(), "a non-empty array of bars, oldest first");
        }
        Taken taken = new Taken();
        ItemErrors.Tally tally = ItemErrors.each(items, "bars", (item, path) -> {
            Bar bar = bar(symbol, period, ItemErrors.read(item, MarketSeries.Row.class, path), path);
            NotInTheFuture.check(path + ".openTime", bar.openTime(), clock);
            return take(bar, taken);
        });
        return answer(symbol, period, tally, taken);
    }

    /**
     * The same bars as a file: {@code text/csv} (a CSV with a header or Binance klines) or {@code application/zip} (a
     * ZIP holding one such CSV), the symbol and optionally the period as query parameters. A malformed file is refused
     * whole, naming its line and column; then each bar is kept or refused on its own, named by its line.
     */
    @Operation(operationId = "sendBarFile", summary = "Send bars as a file: a CSV (with a header, or Binance klines) or a ZIP")
    @ApiResponse(responseCode = "200", description = "At least one bar kept or known; the others refused one by one")
    @ApiResponse(responseCode = "400", description = "The file cannot be read (its line and column named), or no bar"
            + " of it taken")
    @PostMapping(path = "/v1/market/bars", consumes = {"text/csv", "application/zip"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BarsTaken> ingestFile(@Parameter(description = "the bars' instrument (CSV and ZIP bodies)")
                                         @RequestParam(name = "symbol", required = false) String symbol,
                                         @Parameter(description = "the bar period, ISO-8601 (CSV and ZIP bodies);"
                                                 + " taken from the file when absent")
                                         @RequestParam(name = "period", required = false) String period,
                                         @Parameter(hidden = true) @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
                                         @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                                 content = {@Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                                                         @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary"))})
                                         @RequestBody(required = false) byte[] body) {
        if (symbol == null || instruments().find(symbol).isEmpty()) {
            throw new InvalidRequestException("symbol", String.valueOf(symbol), "a listed instrument "
                    + instruments().symbols() + " as the query parameter ?symbol=");
        }
        Duration given = null;
        if (period != null) {
            try {
                given = Duration.parse(period);
            } catch (RuntimeException e) {
                throw new InvalidRequestException("period", period, "an ISO-8601 duration such as PT5M, or no period"
                        + " to take it from the file");
            }
        }
        BarFile file;
        try {
            BarFormat format = type.isCompatibleWith(MediaType.parseMediaType("application/zip")) ? BarFormat.ZIP : null;
            file = BarsReader.read(body == null ? new byte[0] : body, "body",
                    BarsReader.Options.forSymbol(symbol).period(given).format(format));
        } catch (BarFileException e) {
            throw new InvalidRequestException(e.at().isEmpty() ? "body" : "body " + e.at(), e.value(),
                    e.accepted() + " (read as " + e.format().map(BarFormat::title).orElse("no known format") + ")");
        }
        Taken taken = new Taken();
        ItemErrors.Tally tally = ItemErrors.each(file.bars(), (bar, i) -> {
            String at = file.where(i);
            NotInTheFuture.check(at + " openTime", bar.openTime(), clock);
            try {
                return take(bar, taken);
            } catch (InvalidFactException e) {
                throw new InvalidRequestException(at + " " + e.field(), e.value(), e.accepted());
            }
        });
        return answer(symbol, file.period(), tally, taken);
    }

    /** In gateway mode, the last bar handed to the job and its offset on the market topic. */
    private static final class Taken {
        Bar last;
        long offset = -1;
    }

    /**
     * Keeps a bar: in this process, or in gateway mode handed to the job's market topic, which every worker reads
     * (the job checks order and repeats as each account takes it).
     */
    private boolean take(Bar bar, Taken taken) {
        if (cluster.isEmpty()) {
            return core.bar(bar);
        }
        taken.offset = cluster.get().publishMarket(bar.symbol(), new BarEvent(bar));
        taken.last = bar;
        return true;
    }

    private ResponseEntity<BarsTaken> answer(String symbol, Duration period, ItemErrors.Tally tally, Taken taken) {
        BarsTaken answer = cluster.isPresent()
                ? new BarsTaken(symbol, period.toString(), tally.kept(), tally.ignored(),
                        taken.last == null ? null : taken.last.openTime().toString(), taken.offset + 1, tally.refused())
                : new BarsTaken(symbol, period.toString(), tally.kept(), tally.ignored(),
                        core.view(symbol).map(v -> v.lastBar().openTime().toString()).orElse(null),
                        core.marketPosition(symbol), tally.refused());
        return tally.nothingTaken() ? ResponseEntity.badRequest().body(answer) : ResponseEntity.ok(answer);
    }

    private static Bar bar(String symbol, Duration period, MarketSeries.Row row, String path) {
        try {
            return new Bar(symbol, row.openTime(), period, row.open(), row.high(), row.low(), row.close(), row.volume());
        } catch (InvalidFactException e) {
            throw new InvalidRequestException(path + "." + e.field(), e.value(), e.accepted());
        }
    }

    /** The listed instruments of the release active now (an activation can change them). */
    private InstrumentSet instruments() {
        return pipeline.active().instruments();
    }
}
