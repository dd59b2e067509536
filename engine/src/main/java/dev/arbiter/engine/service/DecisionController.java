package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.Decision;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.DecisionRequestReader;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/decisions}: make a decision, read it back, read its trace. */
@RestController
@RequestMapping(path = "/v1/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
class DecisionController {

    private final DecisionPipeline pipeline;
    private final DecisionStore store;

    DecisionController(DecisionPipeline pipeline, DecisionStore store) {
        this.pipeline = pipeline;
        this.store = store;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> decide(@RequestBody(required = false) byte[] body) {
        DecisionRequest request = DecisionRequestReader.read(body == null ? new byte[0] : body);
        String decisionId = "dec-" + UUID.randomUUID();
        // The pipeline is thread-safe: the prover and the explainer serialise their own engines.
        DecisionResult result = pipeline.decide(decisionId, request);
        store.put(result);
        Decision decision = result.decision();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("decisionId", decision.decisionId());
        response.put("traceId", decision.decisionId());
        response.put("trace", "/v1/decisions/" + decision.decisionId() + "/trace");
        response.put("decision", decision);
        return ResponseEntity.created(URI.create("/v1/decisions/" + decision.decisionId()))
                .body(ArbiterJson.mapper().writeValueAsString(response));
    }

    @GetMapping("/{decisionId}")
    ResponseEntity<String> decision(@PathVariable String decisionId) {
        return stored(decisionId, DecisionResult::decision);
    }

    @GetMapping("/{decisionId}/trace")
    ResponseEntity<String> trace(@PathVariable String decisionId) {
        return stored(decisionId, DecisionResult::trace);
    }

    private ResponseEntity<String> stored(String decisionId, Function<DecisionResult, Object> part) {
        DecisionResult result = store.find(decisionId).orElseThrow(() -> new UnknownDecisionException(decisionId));
        return ResponseEntity.ok(ArbiterJson.mapper().writeValueAsString(part.apply(result)));
    }
}
