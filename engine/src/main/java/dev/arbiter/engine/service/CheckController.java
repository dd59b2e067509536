package dev.arbiter.engine.service;

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
@RestController
class CheckController {

    private final DecisionService service;
    private final DeferredExplanations explanations;

    CheckController(DecisionService service, DeferredExplanations explanations) {
        this.service = service;
        this.explanations = explanations;
    }

    @PostMapping(path = "/v1/checks", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> check(@RequestBody(required = false) byte[] body,
                                 @RequestHeader(name = DecisionController.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                 @RequestParam(name = "allocate", defaultValue = "false") boolean allocate) {
        return DecisionController.answer(service.decide(body == null ? new byte[0] : body,
                IdempotencyKeys.checked(idempotencyKey), allocate ? DecisionService.ALLOCATED_CHECK : DecisionService.CHECK),
                explanations);
    }
}
