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
import dev.arbiter.kb.outcome.Rejection;
import dev.arbiter.reasoning.proof.LimitViolation;
import dev.arbiter.reasoning.proof.ProofVerdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrologExplainerTest {

    private static final String DAILY_LOSS_MESSAGE = "daily loss 5200 exceeds the limit 5000";

    private static PrologExplainer explainer;

    @BeforeAll
    static void loadTheory() {
        explainer = new PrologExplainer();
    }

    @Test
    void explainsAnApprovalWithTheLayersThatCheckedItAndItsFlags() {
        DecisionFacts facts = decision()
                .buy("P1", "ACC-1", "BTC-USD", "10", "50000")
                .fired("momentum-entry", Layer.STRATEGY, "")
                .fired("max-position", Layer.L1, "L1-MAX-POSITION")
                .fired("daily-loss-limit", Layer.L3, "L3-DAILY-LOSS")
                .fired("margin-check", Layer.L3, "L3-MARGIN")
                .fired("feed-lag-watch", Layer.L6, "L6-FEED-LAG", "feed lag 800 ms")
                .outcome(new Flag("P1", reason("feed-lag-watch", "L6-FEED-LAG", Layer.L6, "RTS 6 Art. 17",
                        "feed lag 800 ms is above 500 ms")))
                .sized("P1", "10")
                .facts();

        Explanation explanation = explainer.explain(facts, "P1");

        assertThat(explanation.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(explanation.because()).containsExactly(
                "the allocation gave it the full 10 requested",
                "checked without objection by L1 (position), L3 (account), L6 (operational)",
                "flagged by L6-FEED-LAG at L6 (operational), under RTS 6 Art. 17: feed lag 800 ms is above 500 ms",
                "rule feed-lag-watch matched feed lag 800 ms");
        assertThat(explanation.query()).isEqualTo("explain('P1', approved, Sentences)");
    }

    @Test
    void explainsAnApprovalWhenNoRiskRuleFired() {
        DecisionFacts facts = decision().buy("P1", "ACC-1", "BTC-USD", "1", "50000").sized("P1", "1.0").facts();

        Explanation explanation = explainer.explain(facts, "P1");

        assertThat(explanation.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(explanation.because()).containsExactly("the allocation gave it the full 1 requested",
                "no risk rule fired, so no risk layer objected");
    }

    @Test
    void explainsACapWithTheCapAndTheConstraintsThatBoundTheSize() {
        DecisionFacts facts = decision()
                .buy("P1", "ACC-1", "BTC-USD", "10", "50000")
                .fired("max-position", Layer.L1, "L1-MAX-POSITION", "position 14 of max 20")
                .outcome(new Cap("P1", new BigDecimal("6"), reason("max-position", "L1-MAX-POSITION", Layer.L1,
                        "MiFID II Art. 57", "position 14 plus 10 would exceed the max 20")))
                .sized("P1", "6", "the cap of 6 from L1-MAX-POSITION binds")
                .facts();

        Explanation explanation = explainer.explain(facts, "P1");

        assertThat(explanation.status()).isEqualTo(ProposalStatus.CAPPED);
        assertThat(explanation.because()).containsExactly(
                "the allocation sized it at 6 of the 10 requested",
                "capped at 6 by L1-MAX-POSITION at L1 (position), under MiFID II Art. 57: position 14 plus 10 would"
                        + " exceed the max 20",
                "rule max-position matched position 14 of max 20",
                "the cap of 6 from L1-MAX-POSITION binds");
    }

    @Test
    void comparesQuantitiesExactlyWhenDecidingACap() {
        DecisionFacts facts = decision()
                .buy("P1", "ACC-1", "BTC-USD", "0.30000000000000000001", "50000")
                .buy("P2", "ACC-1", "BTC-USD", "0.3", "50000")
                .sized("P1", "0.3")
                .sized("P2", "0.30000")
                .facts();

        assertThat(explainer.explain(facts, "P1").status()).isEqualTo(ProposalStatus.CAPPED);
        assertThat(explainer.explain(facts, "P2").status()).isEqualTo(ProposalStatus.APPROVED);
    }

    @Test
    void explainsARejectionListingEveryRejectionWithLayerCodeSourceAndMessage() {
        DecisionFacts facts = decision()
                .buy("P1", "ACC-1", "BTC-USD", "10", "50000")
                .fired("daily-loss-limit", Layer.L3, "L3-DAILY-LOSS", "daily loss 5200", "loss limit 5000")
                .fired("restricted-list", Layer.L7, "L7-RESTRICTED")
                .outcome(new Rejection("P1", reason("daily-loss-limit", "L3-DAILY-LOSS", Layer.L3,
                        "RTS 6 Art. 15(1)(b)", DAILY_LOSS_MESSAGE)))
                .outcome(new Rejection("P1", reason("restricted-list", "L7-RESTRICTED", Layer.L7, "",
                        "BTC-USD is on the restricted list")))
                .outcome(new Cap("P1", BigDecimal.ONE, reason("max-position", "L1-MAX-POSITION", Layer.L1, "",
                        "position near the max")))
                .sized("P1", "1")
                .facts();

        Explanation explanation = explainer.explain(facts, "P1");

        assertThat(explanation.status()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(explanation.because()).containsExactly(
                "rejected by L3-DAILY-LOSS at L3 (account), under RTS 6 Art. 15(1)(b): " + DAILY_LOSS_MESSAGE,
                "rule daily-loss-limit matched daily loss 5200; loss limit 5000",
                "rejected by L7-RESTRICTED at L7 (compliance): BTC-USD is on the restricted list");
    }

    static Stream<Arguments> haltsCoveringTheProposal() {
        return Stream.of(
                Arguments.of(HaltScope.GLOBAL, "*",
                        "all trading is halted by L4-KILL-SWITCH at L4 (systemic): kill switch pulled"),
                Arguments.of(HaltScope.ACCOUNT, "ACC-1",
                        "trading is halted for account ACC-1 by L4-KILL-SWITCH at L4 (systemic): kill switch pulled"),
                Arguments.of(HaltScope.INSTRUMENT, "BTC-USD",
                        "trading is halted for instrument BTC-USD by L4-KILL-SWITCH at L4 (systemic): kill switch pulled"));
    }

    @ParameterizedTest(name = "a {0} halt of {1}")
    @MethodSource("haltsCoveringTheProposal")
    void explainsAHaltThatCoversTheProposal(HaltScope scope, String target, String sentence) {
        DecisionFacts facts = decision()
                .buy("P1", "ACC-1", "BTC-USD", "10", "50000")
                .outcome(new Halt(scope, target, killSwitch()))
                .outcome(new Halt(HaltScope.ACCOUNT, "ACC-2", killSwitch()))
                .outcome(new Halt(HaltScope.INSTRUMENT, "ETH-USD", killSwitch()))
                .sized("P1", "10")
                .facts();

        Explanation explanation = explainer.explain(facts, "P1");

        assertThat(explanation.status()).isEqualTo(ProposalStatus.HALTED);
        assertThat(explanation.because()).containsExactly(sentence);
    }

    @Test
    void ignoresHaltsOfOtherAccountsAndInstruments() {
        DecisionFacts facts = decision()
                .buy("P1", "ACC-1", "BTC-USD", "10", "50000")
                .outcome(new Halt(HaltScope.ACCOUNT, "ACC-2", killSwitch()))
                .outcome(new Halt(HaltScope.INSTRUMENT, "ETH-USD", killSwitch()))
                .sized("P1", "10")
                .facts();

        assertThat(explainer.explain(facts, "P1").status()).isEqualTo(ProposalStatus.APPROVED);
    }

    @Test
    void aHaltBeatsARejection() {
        DecisionFacts facts = decision()
                .buy("P1", "ACC-1", "BTC-USD", "10", "50000")
                .outcome(new Rejection("P1", reason("daily-loss-limit", "L3-DAILY-LOSS", Layer.L3, "",
                        DAILY_LOSS_MESSAGE)))
                .outcome(new Halt(HaltScope.ACCOUNT, "ACC-1", killSwitch()))
                .facts();

        Explanation explanation = explainer.explain(facts, "P1");

        assertThat(explanation.status()).isEqualTo(ProposalStatus.HALTED);
        assertThat(explanation.because()).containsExactly(
                "trading is halted for account ACC-1 by L4-KILL-SWITCH at L4 (systemic): kill switch pulled");
    }

    @Test
    void aProposalThatActedOnAModelSaysWhichWayTheModelLeanedAndWhy() {
        ModelLean lean = new ModelLean("logit-eth-5m", "1", 0.22729, -1.22424, 0.02, List.of(
                new ModelLean.Contribution("rsi_14", -0.41), new ModelLean.Contribution("roc_1", 0.12),
                new ModelLean.Contribution("atr_14", -0.05)));
        DecisionFacts facts = decision()
                .buyOn("i-1", "ETH-USD", "2", "1693", "logit-eth-5m")
                .buyOn("i-2", "ETH-USD", "1", "1693")
                .buyOn("i-3", "ETH-USD", "1", "1693", "gbm-direction")
                .sized("i-1", "2").sized("i-2", "1").sized("i-3", "1")
                .leaned(lean)
                .facts();

        assertThat(explainer.explain(facts, "i-1").because()).contains("model logit-eth-5m 1 put an up move at 0.2273"
                + " (log-odds -1.2242 from its base +0.0200); the features that moved it most: rsi_14 -0.4100,"
                + " roc_1 +0.1200, atr_14 -0.0500");
        // an intent that used no model, and one that used a client's model the engine did not run, say nothing of it
        assertThat(explainer.explain(facts, "i-2").because()).noneMatch(s -> s.startsWith("model "));
        assertThat(explainer.explain(facts, "i-3").because()).noneMatch(s -> s.startsWith("model "));
    }

    @Test
    void explainsAProposalTheAllocationGaveNoSize() {
        DecisionFacts facts = decision()
                .buy("P1", "ACC-1", "BTC-USD", "10", "50000")
                .buy("P2", "ACC-1", "ETH-USD", "5", "3000")
                .sized("P1", "0.00", "the buy budget of 25000 went to proposals with more conviction")
                .facts();

        Explanation sizedZero = explainer.explain(facts, "P1");
        Explanation notSized = explainer.explain(facts, "P2");

        assertThat(sizedZero.status()).isEqualTo(ProposalStatus.NOT_ALLOCATED);
        assertThat(sizedZero.because()).containsExactly("the allocation sized it at 0 of the 10 requested",
                "the buy budget of 25000 went to proposals with more conviction");
        assertThat(notSized.status()).isEqualTo(ProposalStatus.NOT_ALLOCATED);
        assertThat(notSized.because()).containsExactly("the allocation gave it no size of the 5 requested");
    }

    @Test
    void aFailedProofBlocksEveryProposalWhateverElseHappened() {
        LimitViolation grossExposure = new LimitViolation("gross-exposure",
                "gross exposure 61234.50 exceeds the limit 50000");
        DecisionFacts facts = decision()
                .buy("P1", "ACC-1", "BTC-USD", "1", "50000")
                .buy("P2", "ACC-2", "BTC-USD", "1", "50000")
                .buy("P3", "ACC-3", "ETH-USD", "2", "3000")
                .outcome(new Halt(HaltScope.ACCOUNT, "ACC-1", killSwitch()))
                .outcome(new Rejection("P2", reason("daily-loss-limit", "L3-DAILY-LOSS", Layer.L3, "",
                        DAILY_LOSS_MESSAGE)))
                .sized("P1", "1").sized("P2", "1").sized("P3", "2")
                .proof(ProofVerdict.VIOLATED, grossExposure)
                .facts();

        for (String proposalId : List.of("P1", "P2", "P3")) {
            Explanation explanation = explainer.explain(facts, proposalId);

            assertThat(explanation.status()).isEqualTo(ProposalStatus.BLOCKED_BY_PROOF);
            assertThat(explanation.because()).containsExactly(
                    "the proof that the orders respect every hard limit found a broken limit, so no order of this"
                            + " decision may be sent",
                    "hard limit gross-exposure is broken: gross exposure 61234.50 exceeds the limit 50000");
        }
    }

    @Test
    void aProofThatDidNotFinishBlocksEveryProposal() {
        DecisionFacts facts = decision()
                .buy("P1", "ACC-1", "BTC-USD", "1", "50000")
                .sized("P1", "1")
                .proof(ProofVerdict.UNKNOWN)
                .facts();

        Explanation explanation = explainer.explain(facts, "P1");

        assertThat(explanation.status()).isEqualTo(ProposalStatus.BLOCKED_BY_PROOF);
        assertThat(explanation.because()).containsExactly("the proof that the orders respect every hard limit did not"
                + " finish in time, so no order of this decision may be sent (fail closed)");
    }

    @Test
    void carriesQuotesBackslashesAndLineBreaksThroughUnchanged() {
        String message = "it's a \"quoted\" \\ backslash \\n not a newline\nbut this is one\r\n\ttab "
                + "'). halt. :- assert(status(x, approved)). % not a comment /* nor this */ \u00e9\u2713\uD83D\uDE00";
        String source = "RTS 6 Art. 15 'quoted' \\";
        String matched = "note: O'Brien's \\\\ share\nsecond line";
        String bound = "budget 'spent' \\ up\n";
        DecisionFacts facts = decision()
                .buy("P1", "ACC-1", "BTC-USD", "10", "50000")
                .buy("P2", "ACC-1", "ETH-USD", "10", "3000")
                .fired("daily-loss-limit", Layer.L3, "L3-DAILY-LOSS", matched)
                .outcome(new Rejection("P1", reason("daily-loss-limit", "L3-DAILY-LOSS", Layer.L3, source, message)))
                .sized("P2", "0", bound)
                .facts();

        Explanation rejected = explainer.explain(facts, "P1");
        Explanation notAllocated = explainer.explain(facts, "P2");
        List<String> answers = explainer.query(facts, "rejected(P, Code, _, Source, Message)");

        assertThat(rejected.because()).containsExactly(
                "rejected by L3-DAILY-LOSS at L3 (account), under " + source + ": " + message,
                "rule daily-loss-limit matched " + matched);
        assertThat(notAllocated.because()).containsExactly("the allocation sized it at 0 of the 10 requested", bound);
        assertThat(answers).containsExactly("P = 'P1', Code = 'L3-DAILY-LOSS', Source = 'RTS 6 Art. 15 \\'quoted\\' \\\\', "
                + "Message = " + PrologText.quoted(message));
        assertThat(PrologText.quoted(message)).startsWith("'it\\'s a \"quoted\" \\\\ backslash \\\\n not a newline\\nbut");
    }

    @Test
    void answersARawQueryWithEverySolution() {
        DecisionFacts facts = threeProposals();

        assertThat(explainer.query(facts, "status(P, S)")).containsExactly(
                "P = 'P1', S = approved", "P = 'P2', S = rejected", "P = 'P3', S = not_allocated");
        assertThat(explainer.query(facts, "status(P, rejected).")).containsExactly("P = 'P2'");
        assertThat(explainer.query(facts, "status('P1', approved)")).containsExactly("true");
        assertThat(explainer.query(facts, "status('P1', halted)")).isEmpty();
    }

    @Test
    void answersWhyNotApproved() {
        DecisionFacts facts = threeProposals();

        assertThat(explainer.query(facts, "why_not_list(approved('P2'), Reasons)")).containsExactly(
                "Reasons = [status(rejected), rejection('L3-DAILY-LOSS', l3, '', '" + DAILY_LOSS_MESSAGE + "')]");
        assertThat(explainer.query(facts, "why_not_list(approved('P1'), Reasons)")).containsExactly("Reasons = []");
        assertThat(explainer.query(facts, "why_not(approved('P2'), Tree)")).containsExactly(
                "Tree = because(not(approved('P2')), [because(rejected('P2'), [because(rejection('L3-DAILY-LOSS', l3, '', '"
                        + DAILY_LOSS_MESSAGE + "'), [because(fired('daily-loss-limit', l3, 'L3-DAILY-LOSS'), [])])])])");
        assertThat(explainer.query(facts, "why_not(approved('P1'), Tree)")).containsExactly("Tree = holds(approved('P1'))");
        assertThat(explainer.query(facts, "why(rejected('P1'), Tree)")).isEmpty();
        assertThat(explainer.query(facts, "why('P3', S, Reasons)")).containsExactly(
                "S = not_allocated, Reasons = [no_allocation('2')]");
    }

    @Test
    void rejectsAMalformedGoalNamingTheGoalAndTheProblem() {
        assertThatThrownBy(() -> explainer.query(threeProposals(), "status(P, "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Prolog goal 'status(P, ' is malformed: ")
                .hasMessageContaining("expected one goal such as why_not(approved('P-1'), Reasons)");
        assertThatThrownBy(() -> explainer.query(threeProposals(), " . "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is empty");
    }

    @Test
    void refusesRawGoalsThatWouldChangeTheEngineOrReachJava() {
        DecisionFacts facts = threeProposals();

        assertThatThrownBy(() -> explainer.query(facts, "load_library('alice.tuprolog.lib.OOLibrary')"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("permission_error(call, '/'(load_library, 1))");
        assertThatThrownBy(() -> explainer.query(facts, "status(P, S), assert(status('P2', approved))"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("assert, 1");
        assertThatThrownBy(() -> explainer.query(facts, "G = retract(status(_, _)), call(G)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("call, 1");

        assertThat(explainer.explain(facts, "P2").status()).isEqualTo(ProposalStatus.REJECTED);
    }

    @Test
    void reportsAPrologErrorRaisedByAGoal() {
        assertThatThrownBy(() -> explainer.query(threeProposals(), "atom_length(X, Y)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Prolog goal 'atom_length(X, Y)' raised the Prolog error error(instantiation_error");
    }

    @Test
    void refusesAGoalWithMoreThanAThousandSolutions() {
        // 8 x 8 x 8 x 2 = 1024 solutions.
        assertThatThrownBy(() -> explainer.query(threeProposals(), "layer(A, _, _), layer(B, _, _), layer(C, _, _),"
                + " member(D, [x, y])"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("has more than 1000 solutions; narrow it down");
    }

    @Test
    void rejectsADecisionThatNamesTwoProposalsAlike() {
        assertThatThrownBy(() -> decision()
                .buy("P1", "ACC-1", "BTC-USD", "1", "50000")
                .buy("P1", "ACC-2", "ETH-USD", "1", "3000")
                .facts())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DecisionFacts.proposals: 'P1' is not accepted; expected each proposalId once"
                        + " (it names the proposal in every explanation)");
    }

    @Test
    void stopsAGoalThatNeverFinishes() {
        assertThatThrownBy(() -> explainer.query(threeProposals(), "length(L, N), N == -1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("Prolog goal 'length\\(L, N\\), N == -1' (did not finish within PT5S|went too deep).*");

        assertThat(explainer.explain(threeProposals(), "P1").status()).isEqualTo(ProposalStatus.APPROVED);
    }

    @Test
    void explainsARejectionAsATreeAcrossLayersDownToTheFactsTheRuleMatched() {
        DecisionFacts facts = decision()
                .buy("P1", "ACC-1", "BTC-USD", "1", "50000")
                .fired("Daily loss limit reached", Layer.L3, "L3-DAILY-LOSS", "realised loss today 5.2% of equity",
                        "Limit max-daily-loss 5%")
                .outcome(new Rejection("P1", reason("Daily loss limit reached", "L3-DAILY-LOSS", Layer.L3, "",
                        "realised loss today 5.2% > limit 5%")))
                .facts();

        assertThat(explainer.whyNotApprovedTree(facts, "P1")).containsExactly(
                "not: P1 is approved",
                "  because P1 is rejected",
                "    because rejected by L3-DAILY-LOSS at L3 (account): realised loss today 5.2% > limit 5%",
                "      because rule Daily loss limit reached (L3-DAILY-LOSS, L3 (account)) fired",
                "        because it matched realised loss today 5.2% of equity",
                "        because it matched Limit max-daily-loss 5%");
        assertThat(explainer.whyTree(facts, "P1")).startsWith("P1 is rejected",
                "  because rejected by L3-DAILY-LOSS at L3 (account): realised loss today 5.2% > limit 5%");
    }

    @Test
    void stopsARunawayQueryAtItsStepLimitAndStaysUsable() {
        QueryLimits fewSteps = new QueryLimits(5_000, java.time.Duration.ofSeconds(30));

        assertThatThrownBy(() -> explainer.query(threeProposals(), "length(L, N), N == -1", fewSteps))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.kind()).isEqualTo(QueryException.Kind.STEP_LIMIT))
                .hasMessage("Prolog goal 'length(L, N), N == -1' took more than 5000 resolution steps; it may loop,"
                        + " or ask for too much at once");
        // Endless recursion through the theory's own predicates, e.g. an ever longer list of reasons.
        assertThatThrownBy(() -> explainer.query(threeProposals(), "append(X, [a], Y), length(X, -1)", fewSteps))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.kind()).isEqualTo(QueryException.Kind.STEP_LIMIT));

        assertThat(explainer.query(threeProposals(), "status(P, rejected)", fewSteps)).containsExactly("P = 'P2'");
    }

    @Test
    void stopsARunawayQueryAtItsTimeLimit() {
        QueryLimits shortTime = new QueryLimits(100_000_000, java.time.Duration.ofMillis(300));

        assertThatThrownBy(() -> explainer.query(threeProposals(), "length(L, N), N == -1", shortTime))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.kind()).isEqualTo(QueryException.Kind.TIME_LIMIT))
                .hasMessageMatching("Prolog goal 'length\\(L, N\\), N == -1' (did not finish within PT0.3S|went too deep).*");
        assertThat(explainer.explain(threeProposals(), "P1").status()).isEqualTo(ProposalStatus.APPROVED);
    }

    @Test
    void malformedAndForbiddenQueriesSayWhichKindOfProblemTheyAre() {
        assertThatThrownBy(() -> explainer.query(threeProposals(), "why(P", QueryLimits.DEFAULT))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.kind()).isEqualTo(QueryException.Kind.MALFORMED));
        assertThatThrownBy(() -> explainer.query(threeProposals(), "halt", QueryLimits.DEFAULT))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.kind()).isEqualTo(QueryException.Kind.FORBIDDEN));
        assertThatThrownBy(() -> new QueryLimits(0, java.time.Duration.ofSeconds(1)))
                .hasMessage("maxSteps: 0 is not accepted; expected 1 to 100000000");
    }

    @Test
    void rejectsAProposalTheDecisionDoesNotHave() {
        assertThatThrownBy(() -> explainer.explain(threeProposals(), "P9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("proposalId: 'P9' is not a proposal of this decision; expected one of [P1, P2, P3]");
    }

    @Test
    void givesTheSameExplanationsWhenAskedFromManyThreads() throws Exception {
        DecisionFacts facts = threeProposals();
        List<Explanation> expected = List.of(explainer.explain(facts, "P1"), explainer.explain(facts, "P2"),
                explainer.explain(facts, "P3"));

        List<Future<Explanation>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 30; i++) {
                String proposalId = "P" + (i % 3 + 1);
                futures.add(pool.submit(() -> explainer.explain(facts, proposalId)));
            }
        }

        for (int i = 0; i < futures.size(); i++) {
            assertThat(futures.get(i).get()).isEqualTo(expected.get(i % 3));
        }
    }

    private static DecisionFacts threeProposals() {
        return decision()
                .buy("P1", "ACC-1", "BTC-USD", "1", "50000")
                .buy("P2", "ACC-1", "BTC-USD", "1", "50000")
                .buy("P3", "ACC-1", "ETH-USD", "2", "3000")
                .fired("daily-loss-limit", Layer.L3, "L3-DAILY-LOSS")
                .outcome(new Rejection("P2", reason("daily-loss-limit", "L3-DAILY-LOSS", Layer.L3, "",
                        DAILY_LOSS_MESSAGE)))
                .sized("P1", "1")
                .facts();
    }

    private static dev.arbiter.kb.outcome.Reason killSwitch() {
        return reason("kill-switch", "L4-KILL-SWITCH", Layer.L4, "", "kill switch pulled");
    }
}
