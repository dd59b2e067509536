package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.service.store.ReleaseStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/rule-sets/active}: the releases decisions and checks are made with now, and their rules by layer. */
@RestController
class RuleSetController {

    private final DecisionPipeline decisions;
    private final DecisionPipeline checks;

    RuleSetController(@Qualifier("decisionPipeline") DecisionPipeline decisions,
                      @Qualifier("checkPipeline") DecisionPipeline checks) {
        this.decisions = decisions;
        this.checks = checks;
    }

    @GetMapping(path = "/v1/rule-sets/active", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> active() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("decisions", describe(decisions));
        answer.put("checks", describe(checks));
        return answer;
    }

    private static Map<String, Object> describe(DecisionPipeline pipeline) {
        Map<String, Object> release = new LinkedHashMap<>();
        release.put("releaseKey", ReleaseStore.keyOf(pipeline.active()));
        release.put("versions", pipeline.versions());
        Map<String, String> rules = new TreeMap<>();
        pipeline.active().rules().rules().forEach((name, meta) -> rules.put(name, String.valueOf(meta.layer())));
        release.put("rules", rules);
        release.put("limits", pipeline.active().limits().values());
        return release;
    }
}
