package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.engine.decision.Decision;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.service.security.AccountScope;
import dev.arbiter.engine.service.store.DecisionRepository;
import dev.arbiter.engine.service.store.StoredDecision;
import dev.arbiter.reasoning.explain.Explanation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v1/decisions}: make a decision, read it, its trace and its explanation back, replay it. The answer to a
 * decision comes before its explanation; every read returns the decision explained (waiting for the explanation, or
 * working it out, when it is not stored yet).
 */
@Tag(name = "Decisions")
@RestController
@RequestMapping(path = "/v1/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
class DecisionController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /**
     * The answer to a decision or a check: the decision as stored (canonical JSON, the bytes the audit chain
     * hashes), where its trace is, and where its explanation will be.
     */
    record DecisionAnswer(String decisionId, String traceId, String trace, boolean repeated,
                          ExplanationLink explanation, @Schema(implementation = Decision.class) JsonNode decision) {
    }

    /** Where the explanation is, and whether it is stored by now (reading it waits for it). */
    record ExplanationLink(boolean ready, String href) {
    }

    /** A decision's explanation: per proposal its status, the sentences, and the Prolog goal that gave them. */
    record Explained(String decisionId, List<Explanation> explanations) {
    }

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

    @Operation(operationId = "decide", summary = "Decide: the account and its intents, decided by the rules, sized, proven and explained")
    @ApiResponse(responseCode = "201", description = "Decided and stored; the explanation follows",
            content = @Content(schema = @Schema(implementation = DecisionAnswer.class)))
    @ApiResponse(responseCode = "200", description = "The decision stored for this Idempotency-Key (a repeat): nothing decided again",
            content = @Content(schema = @Schema(implementation = DecisionAnswer.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> decide(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClientRequest.class)))
            @RequestBody(required = false) byte[] body,
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
        String id = stored.decisionId();
        String json = ArbiterJson.mapper().writeValueAsString(new DecisionAnswer(id, id, "/v1/decisions/" + id + "/trace",
                decided.repeated(), new ExplanationLink(ready, "/v1/decisions/" + id + "/explanation"),
                CanonicalJson.mapper().readTree(stored.decisionJson())));
        URI location = URI.create("/v1/decisions/" + stored.decisionId());
        return decided.repeated()
                ? ResponseEntity.ok().location(location).header("Idempotent-Replayed", "true").body(json)
                : ResponseEntity.created(location).body(json);
    }

    @Operation(operationId = "decision", summary = "A stored decision, explained")
    @ApiResponse(responseCode = "200", description = "The decision",
            content = @Content(schema = @Schema(implementation = Decision.class)))
    @GetMapping("/{decisionId}")
    ResponseEntity<String> decision(@PathVariable String decisionId) {
        return ResponseEntity.ok(explanations.completeJson(stored(decisionId)).decisionJson());
    }

    @Operation(operationId = "trace", summary = "A stored decision's full trace")
    @ApiResponse(responseCode = "200", description = "Every rule firing with its facts, the allocation, the proof and the explanations",
            content = @Content(schema = @Schema(implementation = DecisionTrace.class)))
    @GetMapping("/{decisionId}/trace")
    ResponseEntity<String> trace(@PathVariable String decisionId) {
        return ResponseEntity.ok(explanations.completeJson(stored(decisionId)).traceJson());
    }

    /** The explanation alone: per proposal its status, the sentences and the Prolog goal that gave them. */
    @Operation(operationId = "explanation", summary = "A stored decision's explanation")
    @ApiResponse(responseCode = "200", description = "The sentences per proposal",
            content = @Content(schema = @Schema(implementation = Explained.class)))
    @GetMapping("/{decisionId}/explanation")
    ResponseEntity<String> explanation(@PathVariable String decisionId) {
        DecisionResult whole = explanations.complete(stored(decisionId));
        return ResponseEntity.ok(ArbiterJson.mapper().writeValueAsString(new Explained(decisionId,
                whole.trace().explanations())));
    }

    @Operation(operationId = "replay", summary = "Re-run a stored decision with the release it names")
    @ApiResponse(responseCode = "200", description = "Identical, or every field that differs",
            content = @Content(schema = @Schema(implementation = Replayer.Report.class)))
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
