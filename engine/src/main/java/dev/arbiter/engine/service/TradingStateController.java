package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.service.store.TradingStateStore;
import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.outcome.HaltScope;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/trading-state}: halt (HALTED), reduce-only (REDUCING) or resume (ACTIVE) an account, an
 * instrument or everything (GLOBAL, target {@code *}). Each change is an audit record; decisions that
 * start after the answer see it.
 */
@RestController
class TradingStateController {

    /** A change as a risk officer sends it; who made it comes from the signed-in user. */
    record ChangeRequest(HaltScope scope, String target, TradingState state, String reason) {
    }

    private final TradingStateStore store;

    TradingStateController(TradingStateStore store) {
        this.store = store;
    }

    @PostMapping(path = "/v1/trading-state", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TradingStateStore.Change> change(@RequestBody(required = false) byte[] body, Principal user) {
        ChangeRequest request = JsonBodies.read(body, ChangeRequest.class,
                "{\"scope\": ACCOUNT|INSTRUMENT|GLOBAL, \"target\": id or *, \"state\": HALTED|REDUCING|ACTIVE, \"reason\": text}");
        if (request.scope() == null) {
            throw new InvalidRequestException("scope", "null", "one of [ACCOUNT, INSTRUMENT, GLOBAL]");
        }
        if (request.state() == null) {
            throw new InvalidRequestException("state", "null", "one of [HALTED, REDUCING, ACTIVE] (ACTIVE resumes)");
        }
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(store.change(request.scope(), request.target(),
                    request.state(), request.reason(), user.getName()));
        } catch (InvalidFactException e) {
            throw new InvalidRequestException(e.field(), e.value(), e.accepted());
        }
    }

    @GetMapping(path = "/v1/trading-state", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("inForce", store.inForce());
        state.put("history", store.history());
        return state;
    }
}
