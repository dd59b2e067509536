package dev.arbiter.reasoning.explain;

import static dev.arbiter.reasoning.explain.Decision.decision;
import static dev.arbiter.reasoning.explain.Decision.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.kb.outcome.Cap;
import dev.arbiter.kb.outcome.Flag;
import dev.arbiter.kb.outcome.Halt;
import dev.arbiter.kb.outcome.HaltScope;
import dev.arbiter.kb.outcome.Layer;
import dev.arbiter.kb.outcome.Reason;
import dev.arbiter.kb.outcome.ReduceOnly;
import dev.arbiter.kb.outcome.Rejection;
import dev.arbiter.reasoning.proof.LimitViolation;
import dev.arbiter.reasoning.proof.ProofVerdict;
import java.math.BigDecimal;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A proposal's status is decided in Java with a fixed precedence (proof, halt, rejection, allocation), and
 * the Prolog theory answers {@code status/2} and explains with exactly that status.
 */
class StatusPrecedenceTest {

    private static final Reason LOSS = reason("daily-loss-limit", "L3-DAILY-LOSS", Layer.L3, "", "daily loss 5200 of 5000");
    private static final Reason KILL = reason("kill-switch", "L4-KILL-SWITCH", Layer.L4, "", "kill switch pulled");
    private static final Reason QTY = reason("max-order-quantity", "L1-MAX-ORDER-QTY", Layer.L1, "", "quantity above 4");

    private static PrologExplainer explainer;

    @BeforeAll
    static void loadTheory() {
        explainer = new PrologExplainer();
    }

    /** Proposal P1 buys 10 BTC-USD for account ACC-1; each case adds what the decision concluded about it. */
    static Stream<Arguments> cases() {
        return Stream.of(
                c("sized in full", ProposalStatus.APPROVED, d -> d.sized("P1", "10")),
                c("sized in full, flagged", ProposalStatus.APPROVED, d -> d.sized("P1", "10.000")
                        .outcome(new Flag("P1", QTY))),
                c("sized below the request", ProposalStatus.CAPPED, d -> d.sized("P1", "9.99")),
                c("capped by a rule, sized at the cap", ProposalStatus.CAPPED, d -> d.sized("P1", "4")
                        .outcome(new Cap("P1", new BigDecimal("4"), QTY))),
                c("sized at 0", ProposalStatus.NOT_ALLOCATED, d -> d.sized("P1", "0.00")),
                c("not sized at all", ProposalStatus.NOT_ALLOCATED, d -> d),
                c("rejected", ProposalStatus.REJECTED, d -> d.outcome(new Rejection("P1", LOSS))),
                c("rejected although sized", ProposalStatus.REJECTED, d -> d.sized("P1", "10")
                        .outcome(new Rejection("P1", LOSS))),
                c("another proposal rejected", ProposalStatus.APPROVED, d -> d.sized("P1", "10")
                        .outcome(new Rejection("P2", LOSS))),
                c("a global halt", ProposalStatus.HALTED, d -> d.sized("P1", "10")
                        .outcome(new Halt(HaltScope.GLOBAL, "*", KILL))),
                c("its account halted, and rejected", ProposalStatus.HALTED, d -> d
                        .outcome(new Rejection("P1", LOSS)).outcome(new Halt(HaltScope.ACCOUNT, "ACC-1", KILL))),
                c("its instrument halted", ProposalStatus.HALTED, d -> d
                        .outcome(new Halt(HaltScope.INSTRUMENT, "BTC-USD", KILL))),
                c("another account and instrument halted", ProposalStatus.APPROVED, d -> d.sized("P1", "10")
                        .outcome(new Halt(HaltScope.ACCOUNT, "ACC-2", KILL))
                        .outcome(new Halt(HaltScope.INSTRUMENT, "ETH-USD", KILL))),
                c("reduce-only alone", ProposalStatus.APPROVED, d -> d.sized("P1", "10")
                        .outcome(new ReduceOnly(HaltScope.ACCOUNT, "ACC-1", KILL))),
                c("the proof found a broken limit", ProposalStatus.BLOCKED_BY_PROOF, d -> d.sized("P1", "10")
                        .outcome(new Halt(HaltScope.GLOBAL, "*", KILL))
                        .proof(ProofVerdict.VIOLATED, new LimitViolation("gross-exposure", "over by 1"))),
                c("the proof did not finish", ProposalStatus.BLOCKED_BY_PROOF, d -> d.sized("P1", "10")
                        .proof(ProofVerdict.UNKNOWN)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void decidesTheStatusOnceAndTheTheoryExplainsThatStatus(String name, ProposalStatus expected,
                                                             UnaryOperator<Decision> concluded) {
        DecisionFacts facts = concluded.apply(decision()
                .buy("P1", "ACC-1", "BTC-USD", "10", "50000")
                .buy("P2", "ACC-1", "BTC-USD", "1", "50000")).facts();

        assertThat(facts.status("P1")).isEqualTo(expected);
        Explanation explanation = explainer.explain(facts, "P1");
        assertThat(explanation.status()).isEqualTo(expected);
        assertThat(explanation.because()).isNotEmpty();
        assertThat(explainer.query(facts, "status('P1', S)"))
                .containsExactly("S = " + expected.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void citesEveryHaltThatCoversTheProposalAndNoOther() {
        DecisionFacts facts = decision()
                .buy("P1", "ACC-1", "BTC-USD", "10", "50000")
                .outcome(new Halt(HaltScope.ACCOUNT, "ACC-2", KILL))
                .outcome(new Halt(HaltScope.INSTRUMENT, "BTC-USD", KILL))
                .outcome(new Halt(HaltScope.GLOBAL, "*", KILL))
                .facts();

        assertThat(facts.haltsCovering("P1")).extracting(Halt::scope)
                .containsExactly(HaltScope.INSTRUMENT, HaltScope.GLOBAL);
        assertThat(explainer.query(facts, "halt_covers('P1', Scope, _, _, _, _)"))
                .containsExactly("Scope = instrument", "Scope = global");
    }

    @Test
    void refusesAProposalTheDecisionDoesNotHave() {
        DecisionFacts facts = decision().buy("P1", "ACC-1", "BTC-USD", "10", "50000").facts();

        assertThatThrownBy(() -> facts.status("P9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("proposalId: 'P9' is not a proposal of this decision; expected one of [P1]");
    }

    private static Arguments c(String name, ProposalStatus expected, UnaryOperator<Decision> concluded) {
        return Arguments.of(name, expected, concluded);
    }
}
