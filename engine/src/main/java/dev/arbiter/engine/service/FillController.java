package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.service.store.FillStore;
import dev.arbiter.kb.fact.Position;
import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/fills}: executions move the account's positions, which decisions then use when
 * their request carries none. Each fill is kept or refused on its own; a fill id seen before is
 * reported and changes nothing.
 */
@RestController
class FillController {

    private final FillStore fills;

    FillController(FillStore fills) {
        this.fills = fills;
    }

    @PostMapping(path = "/v1/fills", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> record(@RequestBody(required = false) byte[] body) {
        JsonNode root = JsonBodies.read(body, JsonNode.class, "{\"fills\": [ {fillId, accountId, symbol, side, quantity, price, filledAt, fee (optional)} ]}");
        JsonNode items = root.get("fills");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new InvalidRequestException("fills", items == null ? "missing" : items.toString(), "a non-empty array of fills");
        }
        List<String> recorded = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        List<ItemErrors.Refused> refused = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "fills[" + i + "]";
            try {
                FillStore.Fill fill = checked(ItemErrors.read(items.get(i), FillStore.Fill.class, path), path);
                (fills.record(fill) ? recorded : duplicates).add(fill.fillId());
            } catch (InvalidRequestException e) {
                refused.add(new ItemErrors.Refused(e.field(), e.value(), e.accepted()));
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("recorded", recorded);
        answer.put("duplicates", duplicates);
        answer.put("refused", refused);
        return recorded.isEmpty() && duplicates.isEmpty()
                ? ResponseEntity.badRequest().body(answer) : ResponseEntity.ok(answer);
    }

    @GetMapping(path = "/v1/accounts/{accountId}/positions", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Position> positions(@PathVariable String accountId) {
        return fills.positions(accountId);
    }

    private static FillStore.Fill checked(FillStore.Fill fill, String path) {
        text(path + ".fillId", fill.fillId());
        text(path + ".accountId", fill.accountId());
        text(path + ".symbol", fill.symbol());
        if (fill.side() == null) {
            throw new InvalidRequestException(path + ".side", "null", "one of " + List.of(Side.values()));
        }
        positive(path + ".quantity", fill.quantity());
        positive(path + ".price", fill.price());
        if (fill.fee().signum() < 0) {
            throw new InvalidRequestException(path + ".fee", fill.fee().toPlainString(), "a number >= 0 (or no fee)");
        }
        if (fill.filledAt() == null) {
            throw new InvalidRequestException(path + ".filledAt", "null", "an ISO-8601 UTC time such as 2023-03-15T13:35:30Z");
        }
        return fill;
    }

    private static void text(String field, String value) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new InvalidRequestException(field, String.valueOf(value), "1 to 200 characters");
        }
    }

    private static void positive(String field, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            throw new InvalidRequestException(field, String.valueOf(value), "a number > 0");
        }
    }

}
