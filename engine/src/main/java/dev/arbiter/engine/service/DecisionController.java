package dev.arbiter.engine.service;

import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.service.store.DecisionRepository;
import dev.arbiter.engine.service.store.StoredDecision;
import java.net.URI;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import dev.arbiter.engine.service.security.AccountScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** {@code /v1/decisions}: make a decision, read it and its trace back, replay it. */
@RestController
@RequestMapping(path = "/v1/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
class DecisionController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final DecisionService service;
    private final DecisionRepository decisions;
    private final Replayer replayer;

    DecisionController(DecisionService service, DecisionRepository decisions, Replayer replayer) {
        this.service = service;
        this.decisions = decisions;
        this.replayer = replayer;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> decide(@RequestBody(required = false) byte[] body,
                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return answer(service.decide(body == null ? new byte[0] : body, IdempotencyKeys.checked(idempotencyKey),
                DecisionService.DECISION));
    }

    /** 201 with the decision just made and stored; 200 with the stored one for a repeated idempotency key. */
    static ResponseEntity<String> answer(DecisionService.Decided decided) {
        StoredDecision stored = decided.stored();
        ObjectNode response = ArbiterJson.mapper().createObjectNode();
        response.put("decisionId", stored.decisionId());
        response.put("traceId", stored.decisionId());
        response.put("trace", "/v1/decisions/" + stored.decisionId() + "/trace");
        response.put("repeated", decided.repeated());
        response.set("decision", CanonicalJson.mapper().readTree(stored.decisionJson()));
        String json = ArbiterJson.mapper().writeValueAsString(response);
        URI location = URI.create("/v1/decisions/" + stored.decisionId());
        return decided.repeated()
                ? ResponseEntity.ok().location(location).header("Idempotent-Replayed", "true").body(json)
                : ResponseEntity.created(location).body(json);
    }

    @GetMapping("/{decisionId}")
    ResponseEntity<String> decision(@PathVariable String decisionId) {
        return stored(decisionId, StoredDecision::decisionJson);
    }

    @GetMapping("/{decisionId}/trace")
    ResponseEntity<String> trace(@PathVariable String decisionId) {
        return stored(decisionId, StoredDecision::traceJson);
    }

    @PostMapping("/{decisionId}/replay")
    ResponseEntity<String> replay(@PathVariable String decisionId) {
        return ResponseEntity.ok(ArbiterJson.mapper().writeValueAsString(replayer.replay(decisionId)));
    }

    private ResponseEntity<String> stored(String decisionId, Function<StoredDecision, String> part) {
        StoredDecision stored = decisions.find(decisionId).orElseThrow(() -> new UnknownDecisionException(decisionId));
        AccountScope.check(stored.accountId());
        return ResponseEntity.ok(part.apply(stored));
    }
}
