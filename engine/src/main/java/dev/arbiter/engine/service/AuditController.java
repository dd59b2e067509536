package dev.arbiter.engine.service;

import dev.arbiter.engine.service.store.AuditReport;
import dev.arbiter.engine.service.store.AuditVerifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/audit/verify}: walks the whole chain and names the first record that does not hold. */
@RestController
class AuditController {

    private final AuditVerifier verifier;

    AuditController(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping(path = "/v1/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditReport verify() {
        return verifier.verify();
    }
}
