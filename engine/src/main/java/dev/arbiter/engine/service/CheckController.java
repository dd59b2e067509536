package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.ClientRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/checks}: the pre-trade fast path. The same request as a decision; the client's
 * intents go through the risk layers only (no strategy signals) at their requested sizes (no
 * optimisation; with {@code ?allocate=true} the allocator sizes them), and the limit proof still has
 * the last word. Stored, audited and replayable like a
 * decision, readable at {@code /v1/decisions/{id}}.
 */
@Tag(name = "Checks")
@RestController
class CheckController {

    private final DecisionService service;
    private final DeferredExplanations explanations;

    CheckController(DecisionService service, DeferredExplanations explanations) {
        this.service = service;
        this.explanations = explanations;
    }

    @Operation(operationId = "check", summary = "Pre-trade check: the rules (and with allocate=true the sizing) on intents, without sending orders")
    @ApiResponse(responseCode = "201", description = "Checked and stored",
            content = @Content(schema = @Schema(implementation = DecisionController.DecisionAnswer.class)))
    @ApiResponse(responseCode = "200", description = "The check stored for this Idempotency-Key (a repeat)",
            content = @Content(schema = @Schema(implementation = DecisionController.DecisionAnswer.class)))
    @PostMapping(path = "/v1/checks", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @EmbeddedOnly("the account's state")
    ResponseEntity<String> check(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClientRequest.class)))
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = DecisionController.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestParam(name = "allocate", defaultValue = "false") boolean allocate) {
        return DecisionController.answer(service.decide(body == null ? new byte[0] : body,
                IdempotencyKeys.checked(idempotencyKey), allocate ? DecisionService.ALLOCATED_CHECK : DecisionService.CHECK),
                explanations);
    }
}
