package dev.arbiter.engine.lifecycle;

import dev.arbiter.engine.decision.RuleRelease;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A release proposed by a risk officer, as stored: the whole pack it stands for (rule files, limits, parameters,
 * instruments and tests, so it can be rebuilt exactly), its versions, what its checks and impact found, and who moved it
 * through the lifecycle and when.
 *
 * @param ruleSetVersion     content version of its rule files
 * @param limitsVersion      content version of its limits
 * @param parametersVersion  content version of its parameters
 * @param instrumentsVersion content version of its instruments; null for a candidate stored before instruments
 *                           belonged to a release
 * @param impact             how recent decisions would change; null when its checks failed
 * @param shadow             who put it in shadow of the active release and when; null when it is not in shadow
 */
public record Candidate(String id, String author, String note, Instant uploadedAt, String ruleSetVersion,
                        String limitsVersion, String parametersVersion, String instrumentsVersion,
                        CandidateStatus status, CandidateChecks checks, ImpactReport impact, String approvedBy,
                        Instant approvedAt, String activatedBy, Instant activatedAt, Map<String, String> files,
                        Shadow shadow) {

    /** A candidate in shadow: it decides every request the active release decides, and acts on none. */
    public record Shadow(String startedBy, Instant startedAt) {
    }

    public Candidate {
        files = new TreeMap<>(files);
    }

    /** Whether it decides in shadow of the active release now. */
    public boolean inShadow() {
        return shadow != null;
    }

    Candidate withShadow(Shadow next) {
        return new Candidate(id, author, note, uploadedAt, ruleSetVersion, limitsVersion, parametersVersion,
                instrumentsVersion, status, checks, impact, approvedBy, approvedAt, activatedBy, activatedAt, files, next);
    }

    Candidate withStatus(CandidateStatus next) {
        return new Candidate(id, author, note, uploadedAt, ruleSetVersion, limitsVersion, parametersVersion,
                instrumentsVersion, next, checks, impact, approvedBy, approvedAt, activatedBy, activatedAt, files,
                shadow);
    }

    Candidate approved(String officer, Instant at) {
        return new Candidate(id, author, note, uploadedAt, ruleSetVersion, limitsVersion, parametersVersion,
                instrumentsVersion, CandidateStatus.APPROVED, checks, impact, officer, at, activatedBy, activatedAt, files,
                shadow);
    }

    Candidate activated(String officer, Instant at) {
        return new Candidate(id, author, note, uploadedAt, ruleSetVersion, limitsVersion, parametersVersion,
                instrumentsVersion, CandidateStatus.ACTIVE, checks, impact, approvedBy, approvedAt, officer, at, files, null);
    }

    /** The versions as one key: rule set, limits, parameters and instruments. */
    public String releaseKey() {
        return RuleRelease.key(ruleSetVersion, limitsVersion, parametersVersion, instrumentsVersion);
    }
}
