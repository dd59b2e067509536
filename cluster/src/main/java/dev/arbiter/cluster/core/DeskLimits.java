package dev.arbiter.cluster.core;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.JsonInputErrors;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;

/**
 * A desk-wide gross-exposure limit kept when accounts are decided on different workers: the desk's budget is leased
 * to its accounts, each lease a share no other account can use, and the leases add up to no more than the budget. An
 * account is decided with its lease as its {@code max-gross-exposure} (or the rule pack's own, if lower), so the
 * rules, the sizing, the proof and the explanation all hold it to the lease by the limit's one definition, and the
 * desk's total holds by arithmetic: no worker needs to know what the others decide, and no decision waits for
 * another. An account the desk does not list has no lease: it may not add exposure (fail closed).
 *
 * @param grossExposure the desk's gross exposure limit, across all its accounts
 * @param leases        each account's share of it
 */
public record DeskLimits(BigDecimal grossExposure, Map<String, BigDecimal> leases) {

    public DeskLimits {
        Objects.requireNonNull(grossExposure, "grossExposure");
        if (grossExposure.signum() <= 0) {
            throw new IllegalArgumentException("grossExposure: " + grossExposure.toPlainString()
                    + " is not accepted; a desk's gross exposure limit is a positive amount");
        }
        leases = new TreeMap<>(Objects.requireNonNull(leases, "leases"));
        BigDecimal leased = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> lease : leases.entrySet()) {
            if (lease.getValue() == null || lease.getValue().signum() < 0) {
                throw new IllegalArgumentException("leases." + lease.getKey() + ": " + lease.getValue()
                        + " is not accepted; a lease is an amount of 0 or more");
            }
            leased = leased.add(lease.getValue());
        }
        if (leased.compareTo(grossExposure) > 0) {
            throw new IllegalArgumentException("leases: they add up to " + leased.toPlainString()
                    + ", more than the desk's gross exposure limit of " + grossExposure.toPlainString()
                    + "; the leases must add up to no more than the limit");
        }
    }

    /**
     * Reads {@code {"grossExposure": 30000, "leases": {"account": 7500, ...}}}.
     *
     * @throws IllegalArgumentException in our words, naming the field, the value and what is accepted
     */
    public static DeskLimits fromJson(String json) {
        try {
            return ArbiterJson.input().readValue(json, DeskLimits.class);
        } catch (JacksonException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof IllegalArgumentException own && !(cause instanceof JacksonException)) {
                    throw new IllegalArgumentException(own.getMessage(), e);
                }
            }
            InvalidRequestException refused = JsonInputErrors.translate(e);
            throw new IllegalArgumentException(refused.field() + ": " + refused.value() + " is not accepted; expected "
                    + refused.accepted(), e);
        }
    }

    /** The account's lease: 0 for an account the desk does not list. */
    public BigDecimal lease(String accountId) {
        return leases.getOrDefault(accountId, BigDecimal.ZERO);
    }

    /** The release an account is decided with: {@code release} with the account's lease as its gross exposure limit. */
    public RuleRelease leased(RuleRelease release, String accountId) {
        BigDecimal own = release.limits().require(DecisionPipeline.MAX_GROSS_EXPOSURE);
        BigDecimal limit = own.min(lease(accountId));
        return new RuleRelease(release.rules(), release.limits().with(DecisionPipeline.MAX_GROSS_EXPOSURE, limit),
                release.parameters(), release.instruments());
    }
}
