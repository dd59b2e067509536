package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.service.store.DecisionRepository;
import dev.arbiter.engine.service.store.StoredDecision;
import java.net.URI;
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

/**
 * {@code /v1/decisions}: make a decision, read it, its trace and its explanation back, replay it. The answer to a
 * decision comes before its explanation; every read returns the decision explained (waiting for the explanation, or
 * working it out, when it is not stored yet).
 */
@RestController
@RequestMapping(path = "/v1/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
class DecisionController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final DecisionService service;
    private final DecisionRepository decisions;
    private final Replayer replayer;
    private final DeferredExplanations explanations;

    DecisionController(DecisionService service, DecisionRepository decisions, Replayer replayer,
                       DeferredExplanations explanations) {
        this.service = service;
        this.decisions = decisions;
        this.replayer = replayer;
        this.explanations = explanations;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> decide(@RequestBody(required = false) byte[] body,
                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return answer(service.decide(body == null ? new byte[0] : body, IdempotencyKeys.checked(idempotencyKey),
                DecisionService.DECISION), explanations);
    }

    /**
     * 201 with the decision just made and stored; 200 with the stored one for a repeated idempotency key: the same
     * decision as the first answer, without its sentences, whenever the repeat comes. Either says where the
     * explanation is and whether it is stored by now.
     */
    static ResponseEntity<String> answer(DecisionService.Decided decided, DeferredExplanations explanations) {
        StoredDecision stored = decided.stored();
        boolean ready = decided.repeated() && explanations.ready(stored);
        ObjectNode response = ArbiterJson.mapper().createObjectNode();
        response.put("decisionId", stored.decisionId());
        response.put("traceId", stored.decisionId());
        response.put("trace", "/v1/decisions/" + stored.decisionId() + "/trace");
        response.put("repeated", decided.repeated());
        ObjectNode explanation = response.putObject("explanation");
        explanation.put("ready", ready);
        explanation.put("href", "/v1/decisions/" + stored.decisionId() + "/explanation");
        response.set("decision", CanonicalJson.mapper().readTree(stored.decisionJson()));
        String json = ArbiterJson.mapper().writeValueAsString(response);
        URI location = URI.create("/v1/decisions/" + stored.decisionId());
        return decided.repeated()
                ? ResponseEntity.ok().location(location).header("Idempotent-Replayed", "true").body(json)
                : ResponseEntity.created(location).body(json);
    }

    @GetMapping("/{decisionId}")
    ResponseEntity<String> decision(@PathVariable String decisionId) {
        return ResponseEntity.ok(explanations.completeJson(stored(decisionId)).decisionJson());
    }

    @GetMapping("/{decisionId}/trace")
    ResponseEntity<String> trace(@PathVariable String decisionId) {
        return ResponseEntity.ok(explanations.completeJson(stored(decisionId)).traceJson());
    }

    /** The explanation alone: per proposal its status, the sentences and the Prolog goal that gave them. */
    @GetMapping("/{decisionId}/explanation")
    ResponseEntity<String> explanation(@PathVariable String decisionId) {
        DecisionResult whole = explanations.complete(stored(decisionId));
        ObjectNode response = ArbiterJson.mapper().createObjectNode();
        response.put("decisionId", decisionId);
        response.set("explanations", CanonicalJson.mapper().readTree(CanonicalJson.write(whole.trace().explanations())));
        return ResponseEntity.ok(ArbiterJson.mapper().writeValueAsString(response));
    }

    @PostMapping("/{decisionId}/replay")
    ResponseEntity<String> replay(@PathVariable String decisionId) {
        return ResponseEntity.ok(ArbiterJson.mapper().writeValueAsString(replayer.replay(decisionId)));
    }

    private StoredDecision stored(String decisionId) {
        StoredDecision stored = decisions.find(decisionId).orElseThrow(() -> new UnknownDecisionException(decisionId));
        AccountScope.check(stored.accountId());
        return stored;
    }
}
