package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.Versions;
import dev.arbiter.engine.service.store.ReleaseStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/rule-sets/active}: the releases decisions and checks are made with now, and their rules by layer. */
@Tag(name = "Rule sets")
@RestController
class RuleSetController {

    private final DecisionPipeline decisions;
    private final DecisionPipeline checks;

    RuleSetController(@Qualifier("decisionPipeline") DecisionPipeline decisions,
                      @Qualifier("checkPipeline") DecisionPipeline checks) {
        this.decisions = decisions;
        this.checks = checks;
    }

    @Operation(operationId = "activeReleases", summary = "The releases in force now")
    @ApiResponse(responseCode = "200", description = "The releases for decisions and for checks")
    @GetMapping(path = "/v1/rule-sets/active", produces = MediaType.APPLICATION_JSON_VALUE)
    Active active() {
        return new Active(describe(decisions), describe(checks));
    }

    /** The release decisions are made with, and the one pre-trade checks are made with. */
    record Active(Release decisions, Release checks) {
    }

    /** A release: its key and versions, its rules with their layers, its limits. */
    record Release(String releaseKey, Versions versions, Map<String, String> rules, Map<String, BigDecimal> limits) {
    }

    private static Release describe(DecisionPipeline pipeline) {
        Map<String, String> rules = new TreeMap<>();
        pipeline.active().rules().rules().forEach((name, meta) -> rules.put(name, String.valueOf(meta.layer())));
        return new Release(ReleaseStore.keyOf(pipeline.active()), pipeline.versions(), rules,
                pipeline.active().limits().values());
    }
}
