package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.InstrumentKind;
import dev.arbiter.kb.fact.MarkPrice;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
@RestController
class MarkPriceController {

    /** One mark as the body gives it. */
    record MarkRow(Instant time, BigDecimal price, BigDecimal fundingRate, Instant nextFundingTime) {
    }

    private final TradingCore core;
    private final DecisionPipeline pipeline;
    private final Clock clock;

    MarkPriceController(TradingCore core, DecisionPipeline pipeline, Clock clock) {
        this.core = core;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    @PostMapping(path = "/v1/market/marks", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> ingest(@RequestBody(required = false) byte[] body) {
        JsonNode root = JsonBodies.read(body, JsonNode.class, "{\"symbol\": \"BTC-USDT-PERP\", \"marks\": [ {\"time\","
                + " \"price\", \"fundingRate\", \"nextFundingTime\" (optional)} ]}");
        String symbol = root.path("symbol").isString() ? root.path("symbol").asString() : null;
        boolean perpetual = symbol != null && pipeline.active().instruments().find(symbol)
                .map(i -> i.kind() == InstrumentKind.LINEAR_PERPETUAL).orElse(false);
        if (!perpetual) {
            throw new InvalidRequestException("symbol", String.valueOf(root.get("symbol")), "a listed perpetual "
                    + pipeline.active().instruments().symbols().stream().filter(s -> pipeline.active().instruments()
                    .find(s).map(i -> i.kind() == InstrumentKind.LINEAR_PERPETUAL).orElse(false)).toList());
        }
        JsonNode items = root.get("marks");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new InvalidRequestException("marks", items == null ? "missing" : items.toString(),
                    "a non-empty array of marks, oldest first");
        }
        int kept = 0;
        int ignored = 0;
        List<ItemErrors.Refused> refused = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "marks[" + i + "]";
            try {
                MarkRow row = ItemErrors.read(items.get(i), MarkRow.class, path);
                NotInTheFuture.check(path + ".time", row.time(), clock);
                if (core.markPrice(new MarkPrice(symbol, row.time(), row.price(), row.fundingRate(),
                        row.nextFundingTime()))) {
                    kept++;
                } else {
                    ignored++;
                }
            } catch (InvalidRequestException e) {
                refused.add(new ItemErrors.Refused(e.field(), e.value(), e.accepted()));
            } catch (InvalidFactException e) {
                refused.add(new ItemErrors.Refused(path + "." + e.field(), e.value(), e.accepted()));
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("symbol", symbol);
        answer.put("kept", kept);
        answer.put("ignored", ignored);
        answer.put("latest", core.markPrices(List.of(symbol)).stream().findFirst().orElse(null));
        answer.put("journalPosition", core.marketPosition(symbol));
        answer.put("refused", refused);
        return kept == 0 && ignored == 0 ? ResponseEntity.badRequest().body(answer) : ResponseEntity.ok(answer);
    }
}
