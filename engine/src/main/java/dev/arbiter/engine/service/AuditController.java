package dev.arbiter.engine.service;

import dev.arbiter.engine.service.store.AuditReport;
import dev.arbiter.engine.service.store.AuditVerifier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/audit/verify}: walks the whole chain and names the first record that does not hold. */
@Tag(name = "Audit")
@RestController
class AuditController {

    private final AuditVerifier verifier;

    AuditController(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @Operation(operationId = "verifyAuditChain", summary = "Verify the audit chain")
    @ApiResponse(responseCode = "200", description = "Intact, or the first record edited, deleted or reordered")
    @GetMapping(path = "/v1/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditReport verify() {
        return verifier.verify();
    }
}
