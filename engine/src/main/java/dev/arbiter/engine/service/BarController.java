package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.decision.MarketSeries;
import dev.arbiter.engine.service.store.BarStore;
import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Bar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/market/bars}: bars of one symbol and period, oldest first. Malformed bars, bars
 * not after the newest one kept (out of order) and bars at a time already kept (duplicates) are
 * refused one by one, naming the bar; every valid bar is kept.
 */
@RestController
class BarController {

    private final BarStore bars;

    BarController(BarStore bars) {
        this.bars = bars;
    }

    @PostMapping(path = "/v1/market/bars", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> ingest(@RequestBody(required = false) byte[] body) {
        JsonNode root = JsonBodies.read(body, JsonNode.class, "{\"symbol\": \"ETH-USD\", \"period\": \"PT5M\", \"bars\": [ ... ]}");
        String symbol = root.path("symbol").isString() ? root.path("symbol").asString() : null;
        if (symbol == null || !symbol.matches("[A-Za-z0-9._:/-]{1,64}")) {
            throw new InvalidRequestException("symbol", String.valueOf(root.get("symbol")), "a symbol such as ETH-USD");
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
        synchronized (this) { // one ingestion at a time, so "newest kept" cannot change under us
            Optional<Instant> newest = bars.lastOpenTime(symbol, period);
            List<MarketSeries.Row> kept = new ArrayList<>();
            List<ItemErrors.Refused> refused = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String path = "bars[" + i + "]";
                try {
                    MarketSeries.Row row = ItemErrors.read(items.get(i), MarketSeries.Row.class, path);
                    checked(symbol, period, row, path);
                    if (newest.isPresent() && !row.openTime().isAfter(newest.get())) {
                        boolean duplicate = kept.stream().anyMatch(k -> k.openTime().equals(row.openTime()))
                                || bars.contains(symbol, period, row.openTime());
                        throw new InvalidRequestException(path + ".openTime", row.openTime().toString(), duplicate
                                ? "a time not already kept (duplicate bar)"
                                : "a time after the newest bar kept, " + newest.get() + " (bars must arrive oldest first)");
                    }
                    kept.add(row);
                    newest = Optional.of(row.openTime());
                } catch (InvalidRequestException e) {
                    refused.add(new ItemErrors.Refused(e.field(), e.value(), e.accepted()));
                }
            }
            if (!kept.isEmpty()) {
                bars.add(symbol, period, kept);
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("symbol", symbol);
            answer.put("period", period.toString());
            answer.put("kept", kept.size());
            answer.put("newestOpenTime", newest.map(Instant::toString).orElse(null));
            answer.put("refused", refused);
            return kept.isEmpty() ? ResponseEntity.badRequest().body(answer) : ResponseEntity.ok(answer);
        }
    }

    private static void checked(String symbol, Duration period, MarketSeries.Row row, String path) {
        try {
            new Bar(symbol, row.openTime(), period, row.open(), row.high(), row.low(), row.close(), row.volume());
        } catch (InvalidFactException e) {
            throw new InvalidRequestException(path + "." + e.field(), e.value(), e.accepted());
        }
    }
}
