package dev.arbiter.engine.decision;

import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.reasoning.explain.DecisionFacts;
import dev.arbiter.reasoning.explain.Explanation;
import dev.arbiter.reasoning.explain.PrologExplainer;
import dev.arbiter.reasoning.explain.SizedOrder;
import dev.arbiter.reasoning.explain.StatusPrecedence;
import dev.arbiter.reasoning.kb.KnowledgeBase;
import dev.arbiter.reasoning.proof.HardLimits;
import dev.arbiter.reasoning.proof.HeldPosition;
import dev.arbiter.reasoning.proof.InstrumentTerms;
import dev.arbiter.reasoning.proof.LimitProver;
import dev.arbiter.reasoning.proof.OrderToProve;
import dev.arbiter.reasoning.proof.PortfolioCaps;
import dev.arbiter.reasoning.proof.PortfolioState;
import dev.arbiter.reasoning.proof.ProofResult;
import dev.arbiter.reasoning.proof.ProofVerdict;
import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.InstrumentSet;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.rules.session.SessionResult;
import dev.arbiter.rules.session.StandingSessions;
import dev.arbiter.solver.Allocation;
import dev.arbiter.solver.AllocationCandidate;
import dev.arbiter.solver.AllocationProblem;
import dev.arbiter.solver.AllocatorSettings;
import dev.arbiter.solver.CapitalAllocator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * One decision through every stage, in plain Java: facts → rules → sizing → proof → explanation.
 * Deterministic: the same request, rule set, limits, registered models and engine version give the same decision.
 * Fails closed: when the proof does not confirm every hard limit, no order goes out.
 *
 * <p>The decision (status, orders, each proposal's status) is complete before the explanation: statuses are decided
 * in Java ({@link StatusPrecedence}), and the explanation is worked out from the trace alone ({@link #explain}), so a
 * service may acknowledge first and explain after ({@link ExplanationTiming#AFTER_ACKNOWLEDGEMENT}) with the same
 * sentences as when both are done at once.
 */
public final class DecisionPipeline implements AutoCloseable {

    /** Limit the sizing and the proof read for the portfolio's gross exposure. */
    public static final String MAX_GROSS_EXPOSURE = "max-gross-exposure";
    /** Limit the rules, the sizing and the proof read for what an account may hold at any one venue. */
    public static final String MAX_VENUE_EXPOSURE = "max-venue-exposure";

    /**
     * Where the shipped pipeline looks for registered models, relative to the working directory. It may not
     * exist: then every model a request names is unknown.
     */
    public static final Path DEFAULT_MODEL_REGISTRY = Path.of("var", "models");

    /** Swapped whole by {@link #activate}; each decision reads it once and uses only what it read. */
    private final AtomicReference<RuleRelease> active;
    private final FactAssembler facts;
    /** One standing rule session per account: a check adds only its own facts to the book's (see StandingSessions). */
    private final StandingSessions sessions = new StandingSessions();
    private final Sizer sizer;
    /** One Z3 context and one Prolog engine per decision running now: no decision waits for another's. */
    private final Workers<LimitProver> provers;
    private final Workers<PrologExplainer> explainers;

    /** A pipeline with the shipped knowledge base and the model registry at {@link #DEFAULT_MODEL_REGISTRY}. */
    public DecisionPipeline(CompiledRuleSet rules, LimitSet limits, ParameterSet parameters, IndicatorFacts indicators,
                            Sizer sizer, LimitProver prover, PrologExplainer explainer) {
        this(rules, limits, parameters, indicators, sizer, prover, explainer, KnowledgeBase.shipped());
    }

    /** A pipeline with the model registry at {@link #DEFAULT_MODEL_REGISTRY}. */
    public DecisionPipeline(CompiledRuleSet rules, LimitSet limits, ParameterSet parameters, IndicatorFacts indicators,
                            Sizer sizer, LimitProver prover, PrologExplainer explainer, KnowledgeBase knowledgeBase) {
        this(rules, limits, parameters, indicators, sizer, prover, explainer, knowledgeBase,
                new ModelRegistry(DEFAULT_MODEL_REGISTRY));
    }

    /**
     * @param knowledgeBase derives restrictions (and their reasons) before the rules run
     * @param models        the registered models a request may name in {@code models}
     */
    public DecisionPipeline(CompiledRuleSet rules, LimitSet limits, ParameterSet parameters, IndicatorFacts indicators,
                            Sizer sizer, LimitProver prover, PrologExplainer explainer, KnowledgeBase knowledgeBase,
                            ModelRegistry models) {
        this.active = new AtomicReference<>(new RuleRelease(rules, limits, parameters,
                InstrumentSet.shippedDefault()));
        this.facts = new FactAssembler(indicators, Objects.requireNonNull(knowledgeBase, "knowledgeBase"),
                new ModelRunner(models));
        this.sizer = Objects.requireNonNull(sizer, "sizer");
        int ready = Runtime.getRuntime().availableProcessors();
        this.provers = new Workers<>(Objects.requireNonNull(prover, "prover"), LimitProver::another, LimitProver::close,
                ready);
        this.explainers = new Workers<>(Objects.requireNonNull(explainer, "explainer"), PrologExplainer::another,
                e -> { }, ready);
    }

    /**
     * The pipeline Arbiter ships: the default rule set, limits and parameters, the default indicator set,
     * Timefold sizing with a fixed seed, a Z3 prover with a one-second timeout, the Prolog explainer, the shipped
     * knowledge base and the model registry at {@link #DEFAULT_MODEL_REGISTRY}.
     */
    public static DecisionPipeline withShippedDefaults() {
        return withShippedDefaults(new ModelRegistry(DEFAULT_MODEL_REGISTRY));
    }

    /** The shipped pipeline, running the models a request names from {@code models}. */
    public static DecisionPipeline withShippedDefaults(ModelRegistry models) {
        return new DecisionPipeline(new RuleSetCompiler().compile(RuleSet.shippedDefault()), LimitSet.shippedDefault(),
                ParameterSet.shippedDefault(),
                new IndicatorFacts(IndicatorFacts.DEFAULT_SET), new CapitalAllocator(AllocatorSettings.defaults())::allocate,
                new LimitProver(Duration.ofSeconds(1)), new PrologExplainer(), KnowledgeBase.shipped(), models);
    }

    /**
     * The pre-trade check pipeline beside a decision release: the risk layers only ({@link PreTradeRelease}), each
     * intent at its requested size ({@link RequestedSizes}), still proven against every hard limit and explained.
     */
    public static DecisionPipeline preTradeChecks(RuleRelease decisions, ModelRegistry models) {
        RuleRelease release = PreTradeRelease.of(decisions);
        return new DecisionPipeline(release.rules(), release.limits(), release.parameters(),
                new IndicatorFacts(IndicatorFacts.DEFAULT_SET), new RequestedSizes(),
                new LimitProver(Duration.ofSeconds(1)), new PrologExplainer(), KnowledgeBase.shipped(), models);
    }

    /** Releases the prover's native Z3 context and the standing rule sessions. */
    @Override
    public void close() {
        sessions.close();
        provers.close();
    }

    /** The versions decisions are being made with now. */
    public Versions versions() {
        return active.get().versions();
    }

    /** The release decisions are being made with now. */
    public RuleRelease active() {
        return active.get();
    }

    /**
     * Makes {@code release} the one every decision that starts from now on uses, atomically: a decision
     * already running finishes with the release it started with. The release is complete by
     * construction (compiled, with its limits and parameters), so nothing half-loaded is ever used.
     *
     * @return the release it replaced, for a rollback
     */
    public RuleRelease activate(RuleRelease release) {
        return active.getAndSet(Objects.requireNonNull(release, "release"));
    }

    public DecisionResult decide(String decisionId, DecisionRequest request) {
        return decide(decisionId, request, active.get());
    }

    /**
     * Decides with a given release instead of the active one: a replay re-runs a stored decision with
     * the release it was made with.
     */
    public DecisionResult decide(String decisionId, DecisionRequest request, RuleRelease release) {
        return decide(decisionId, request, release, ExplanationTiming.WITH_DECISION);
    }

    /**
     * Decides with {@code release}; with {@link ExplanationTiming#AFTER_ACKNOWLEDGEMENT} the result carries no
     * explanation ({@link DecisionResult#explained()} is false) and {@link #explain} gives it later.
     */
    public DecisionResult decide(String decisionId, DecisionRequest request, RuleRelease release,
                                 ExplanationTiming timing) {
        DecisionResult decided = run(decisionId, request, release);
        if (timing == ExplanationTiming.AFTER_ACKNOWLEDGEMENT) {
            return decided;
        }
        long started = System.nanoTime();
        List<Explanation> explanations = explain(decided.trace());
        StageTimes stages = decided.stages().withExplanation(Duration.ofNanos(System.nanoTime() - started));
        return decided.explained(explanations).withStages(stages);
    }

    /**
     * The explanation of a decision, per proposal in the trace's order: the sentences the Prolog theory gives for the
     * status each proposal was decided to have. Read from the trace alone ({@link DecisionTrace#explanationFacts()}),
     * so a stored trace explains exactly as the trace did when it was made, at any time and on any worker.
     */
    public List<Explanation> explain(DecisionTrace trace) {
        DecisionFacts facts = trace.explanationFacts();
        return explainers.with(explainer -> facts.proposals().stream()
                .map(p -> explainer.explain(facts, p.proposalId()))
                .toList());
    }

    /**
     * An auditor's Prolog query against a stored decision, over the facts its trace holds (nothing is re-run),
     * within the explainer's default step and time limits.
     *
     * @throws dev.arbiter.reasoning.explain.QueryException when the goal is malformed, forbidden or runs away
     */
    public List<String> query(DecisionTrace trace, String goal) {
        return explainers.with(explainer -> explainer.query(trace.explanationFacts(), goal));
    }

    private DecisionResult run(String decisionId, DecisionRequest request, RuleRelease release) {
        Objects.requireNonNull(release, "release");
        LimitSet limits = release.limits();
        Versions versions = release.versions();
        long started = System.nanoTime();
        AssembledFacts assembled = facts.assemble(request, limits, release.parameters(), release.instruments());
        long factsDone = System.nanoTime();
        SessionResult session = sessions.run(release.rules(), request.account().accountId(), assembled.sessionFacts());
        long rulesDone = System.nanoTime();

        AllocationProblem problem = AllocationProblems.of(request, assembled, session.proposals(), session.outcomes(),
                limits, release.parameters());
        List<AllocationCandidate> candidates = problem.candidates();
        Allocation allocation = candidates.isEmpty()
                ? new Allocation(List.of(), "0hard/0soft", true, "no proposal survived the rules")
                : sizer.size(problem);
        long sizingDone = System.nanoTime();
        ProofResult proof = prove(problem, allocation);
        long proofDone = System.nanoTime();

        StageTimes stages = new StageTimes(Duration.ofNanos(factsDone - started), Duration.ofNanos(rulesDone - factsDone),
                Duration.ofNanos(sizingDone - rulesDone), Duration.ofNanos(proofDone - sizingDone), Duration.ZERO);

        List<Order> orders = proof.verdict() == ProofVerdict.PROVED
                ? allocation.orders().stream().filter(o -> o.quantity().signum() > 0)
                        .map(o -> new Order(Order.idOf(decisionId, o.proposalId()), o.proposalId(), o.symbol(), o.side(), o.quantity(), o.price(), o.notional()))
                        .toList()
                : List.of();
        List<ProposalVerdict> verdicts = verdicts(session, allocation, proof, orders);
        DecisionStatus status = status(session, proof, orders, request);
        Decision decision = new Decision(decisionId, request.requestId(), request.asOf(), status,
                summary(status, verdicts, orders, proof, session), orders, verdicts, versions);
        DecisionTrace trace = new DecisionTrace(decisionId, versions, request, assembled.indicators(), assembled.feeds(),
                assembled.exposures(), session.firings(), session.fault(),
                session.outcomes().stream().map(OutcomeRecord::of).toList(),
                problem, allocation, proof, null, session.proposals(), assembled.modelPredictions());
        return new DecisionResult(decision, trace, stages);
    }

    /**
     * Proves the allocation against every hard limit the allocator sized within, mapped from the same
     * problem: gross exposure, free balance, the caps, and the portfolio's holdings, account and limits.
     */
    private ProofResult prove(AllocationProblem problem, Allocation allocation) {
        Map<String, BigDecimal> caps = new LinkedHashMap<>();
        problem.candidates().forEach(c -> caps.put(c.proposal().proposalId(), c.maxQuantity()));
        List<OrderToProve> orders = allocation.orders().stream()
                .map(o -> new OrderToProve(o.proposalId(), o.symbol(), o.side(), o.quantity(), o.price()))
                .toList();
        HardLimits hardLimits = hardLimits(problem, caps);
        return provers.with(prover -> prover.prove(orders, hardLimits));
    }

    /**
     * The hard limits the proof holds orders to, mapped from the problem the sizer solved: its gross exposure, free
     * balance, holdings, account and limits, and each order's cap.
     */
    static HardLimits hardLimits(AllocationProblem problem, Map<String, BigDecimal> caps) {
        dev.arbiter.solver.AccountTerms account = problem.account();
        dev.arbiter.solver.PortfolioLimits limits = problem.limits();
        PortfolioState portfolio = new PortfolioState(account.equity(), account.marginUsed(), account.marginCapacity(),
                problem.holdings().stream().map(h -> new HeldPosition(h.symbol(), h.positionNotional(),
                        h.openBuyNotional(), h.openSellNotional(), h.positionQuantity())).toList(),
                problem.instruments().stream().map(i -> new InstrumentTerms(i.symbol(), i.cluster(), i.sector(),
                        i.minNotional(), i.kind(), i.leverage(), i.venue())).toList(),
                problem.stressedRegimes(),
                new PortfolioCaps(limits.maxNetExposure(), limits.maxLeverage(), limits.maxLeverageStressed(),
                        limits.marginRate(), limits.maxInstrumentShare(), limits.maxClusterShare(),
                        limits.maxSectorShare(), limits.maxPositionQuantity(), limits.maxMarginUtilisation(),
                        limits.maxVenueExposure()));
        return new HardLimits(limits.maxGrossExposure(), problem.currentGrossExposure(), account.freeBalance(),
                account.reservedByOpenOrders(), caps, portfolio);
    }

    /** Each proposal's status, decided here in Java; its explanation is left for {@link #explain}. */
    private static List<ProposalVerdict> verdicts(SessionResult session, Allocation allocation, ProofResult proof,
                                                  List<Order> orders) {
        List<SizedOrder> sized = allocation.orders().stream()
                .map(o -> new SizedOrder(o.proposalId(), o.quantity(), o.boundBy())).toList();
        List<ProposalVerdict> verdicts = new ArrayList<>();
        for (Proposal p : session.proposals()) {
            BigDecimal finalQuantity = orders.stream().filter(o -> o.proposalId().equals(p.proposalId()))
                    .map(Order::quantity).findFirst().orElse(BigDecimal.ZERO);
            List<String> codes = session.outcomes().stream()
                    .filter(o -> p.proposalId().equals(o.proposalId()) || o instanceof dev.arbiter.kb.outcome.Halt)
                    .map(o -> o.reason().code())
                    .distinct()
                    .toList();
            verdicts.add(new ProposalVerdict(p.proposalId(), p.origin(), p.symbol(), p.side(), p.quantity(),
                    finalQuantity, StatusPrecedence.of(p, session.outcomes(), sized, proof.verdict()).name(), codes,
                    null));
        }
        return verdicts;
    }

    private static DecisionStatus status(SessionResult session, ProofResult proof, List<Order> orders,
                                         DecisionRequest request) {
        if (session.proposals().isEmpty()) {
            return DecisionStatus.NO_PROPOSALS;
        }
        if (proof.verdict() != ProofVerdict.PROVED) {
            return DecisionStatus.BLOCKED;
        }
        if (!orders.isEmpty()) {
            return DecisionStatus.APPROVED;
        }
        boolean allHalted = session.proposals().stream()
                .allMatch(p -> Survivors.halted(p, session.outcomes()));
        return allHalted ? DecisionStatus.HALTED : DecisionStatus.REJECTED;
    }

    private static String summary(DecisionStatus status, List<ProposalVerdict> verdicts, List<Order> orders,
                                  ProofResult proof, SessionResult session) {
        if (session.fault() != null) {
            return "no order sent: " + session.fault().message();
        }
        Map<String, Long> byStatus = verdicts.stream()
                .collect(Collectors.groupingBy(ProposalVerdict::status, LinkedHashMap::new, Collectors.counting()));
        String counts = byStatus.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().toLowerCase().replace('_', ' '))
                .collect(Collectors.joining(", "));
        return switch (status) {
            case NO_PROPOSALS -> "nothing was proposed";
            case BLOCKED -> "no order sent: the limit proof " + proof.verdict().name().toLowerCase() + " ("
                    + proof.violations().stream().map(v -> v.limit()).collect(Collectors.joining(", ")) + ")";
            default -> orders.size() + " of " + verdicts.size() + " proposals go out as orders: " + counts;
        };
    }
}
