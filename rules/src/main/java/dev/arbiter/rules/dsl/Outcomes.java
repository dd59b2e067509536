package dev.arbiter.rules.dsl;

import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Prediction;
import dev.arbiter.kb.fact.ProtectiveStop;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.outcome.Cap;
import dev.arbiter.kb.outcome.Flag;
import dev.arbiter.kb.outcome.Halt;
import dev.arbiter.kb.outcome.HaltScope;
import dev.arbiter.kb.outcome.Reason;
import dev.arbiter.kb.outcome.ReduceOnly;
import dev.arbiter.kb.outcome.Rejection;
import dev.arbiter.kb.text.Figures;
import dev.arbiter.rules.pack.RuleMetadata;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The conclusions a rule can insert. Each takes the rule's context ({@code kcontext} in DRL) so that
 * the outcome carries the rule's name, layer, reason code and legal source from its metadata:
 *
 * <pre>
 * then
 *     insert(Outcomes.reject(kcontext, $p, "daily loss " + Outcomes.money($loss) + " reached the limit"));
 * </pre>
 */
public final class Outcomes {

    private Outcomes() {
    }

    public static Rejection reject(RuleContext rule, Proposal proposal, String message) {
        return new Rejection(proposal.proposalId(), reason(rule, message));
    }

    /** Caps the proposal at {@code maxQuantity}, never below zero. */
    public static Cap cap(RuleContext rule, Proposal proposal, BigDecimal maxQuantity, String message) {
        return new Cap(proposal.proposalId(), maxQuantity.max(BigDecimal.ZERO), reason(rule, message));
    }

    public static Flag flag(RuleContext rule, Proposal proposal, String message) {
        return new Flag(proposal.proposalId(), reason(rule, message));
    }

    public static Halt halt(RuleContext rule, HaltScope scope, String target, String message) {
        return new Halt(scope, target, reason(rule, message));
    }

    /** Only position-reducing orders may go out in the scope; opening orders are refused (rule L4-REDUCE-ONLY). */
    public static ReduceOnly reduceOnly(RuleContext rule, HaltScope scope, String target, String message) {
        return new ReduceOnly(scope, target, reason(rule, message));
    }

    /** Caps the proposal at the most whole lots worth no more than {@code maxNotional} at its price. */
    public static Cap capNotional(RuleContext rule, Proposal proposal, BigDecimal maxNotional, BigDecimal lotSize,
                                  String message) {
        BigDecimal quantity = floorToStep(maxNotional.divide(proposal.price(), 8, RoundingMode.DOWN), lotSize);
        return new Cap(proposal.proposalId(), quantity, reason(rule, message));
    }

    /**
     * A strategy rule's proposal. Its id is the rule's reason code and the symbol, so the same
     * inputs always give the same id. It used the models whose predictions the rule matched, so the model layer
     * (L5) gates it by those.
     */
    public static Proposal propose(RuleContext rule, String accountId, String symbol, Side side, BigDecimal quantity,
                                   BigDecimal price, double conviction) {
        RuleMetadata meta = RuleMetadata.of(rule.getRule());
        List<String> models = rule.getMatch().getObjects().stream()
                .filter(Prediction.class::isInstance).map(p -> ((Prediction) p).model()).toList();
        return new Proposal(meta.reasonCode() + ":" + symbol, accountId, symbol, side, quantity, price, conviction,
                meta.rule(), models);
    }

    /** A client's order intent as a proposal, keeping the intent's id and the models it names. */
    public static Proposal fromIntent(OrderIntent intent) {
        return new Proposal(intent.intentId(), intent.accountId(), intent.symbol(), intent.side(), intent.quantity(),
                intent.limitPrice(), intent.conviction(), "intent " + intent.intentId() + " (" + intent.strategy() + ")",
                intent.models());
    }

    /** The stop-loss that protects a proposal, inserted beside it by the rule that made it. */
    public static ProtectiveStop stop(Proposal proposal, BigDecimal price) {
        return new ProtectiveStop(proposal.proposalId(), price);
    }

    /** Largest multiple of {@code step} not above {@code value} (and not below zero). */
    public static BigDecimal floorToStep(BigDecimal value, BigDecimal step) {
        if (value.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return value.divide(step, 0, RoundingMode.FLOOR).multiply(step).stripTrailingZeros();
    }

    /**
     * A quantity, price or count as people write it in a message: no exponent, no trailing zeros
     * ({@link Figures#plain}).
     */
    public static String amount(BigDecimal value) {
        return Figures.plain(value);
    }

    /**
     * Money (equity, exposure, order value, margin, a loss) as every sentence writes it: at least two decimals,
     * more only where the amount has them ({@link Figures#money}).
     */
    public static String money(BigDecimal value) {
        return Figures.money(value);
    }

    /** Money computed as a double in a rule, written as {@link #money(BigDecimal)}. */
    public static String money(double value) {
        return Figures.money(value);
    }

    /** A reading with two decimals, for percentages, ratios and indicators (never money: {@link #money}). */
    public static String amount2(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A reading with two decimals, for percentages, ratios and indicators (never money: {@link #money}). */
    public static String amount2(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * A number cut (not rounded) to four decimals, for a value said to be below a limit: 0.54996 reads
     * 0.5499, never 0.55 beside a minimum of 0.55.
     */
    public static String below4(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.DOWN).toPlainString();
    }

    private static Reason reason(RuleContext rule, String message) {
        RuleMetadata meta = RuleMetadata.of(rule.getRule());
        return new Reason(meta.rule(), meta.reasonCode(), meta.layer(), meta.legalSource(), message);
    }
}
