package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.service.store.ReleaseStore;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/rule-sets/active}: the releases decisions and checks are made with now, and their rules by layer. */
@RestController
class RuleSetController {

    /** A limit change as a risk officer sends it. */
    record LimitChange(Map<String, BigDecimal> limits) {
    }

    private final DecisionPipeline decisions;
    private final DecisionPipeline checks;
    private final LimitChanges changes;

    RuleSetController(@Qualifier("decisionPipeline") DecisionPipeline decisions,
                      @Qualifier("checkPipeline") DecisionPipeline checks, LimitChanges changes) {
        this.decisions = decisions;
        this.checks = checks;
        this.changes = changes;
    }

    /** Changes limits in force, e.g. {@code {"limits": {"max-gross-exposure": 250000}}}; audited, then in force at once. */
    @PostMapping(path = "/v1/rule-sets/active/limits", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> changeLimits(@RequestBody(required = false) byte[] body, Principal user) {
        LimitChange change = JsonBodies.read(body, LimitChange.class, "{\"limits\": {\"max-gross-exposure\": 250000}}");
        changes.change(change.limits(), user.getName());
        return active();
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
