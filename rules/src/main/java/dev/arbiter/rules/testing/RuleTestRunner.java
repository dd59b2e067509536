package dev.arbiter.rules.testing;

import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.ClusterExposure;
import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.Portfolio;
import dev.arbiter.kb.margin.BookFacts;
import dev.arbiter.kb.fact.FeedStatus;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.Limit;
import dev.arbiter.kb.fact.Parameter;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.VenueExposure;
import dev.arbiter.kb.outcome.Cap;
import dev.arbiter.kb.outcome.Halt;
import dev.arbiter.kb.outcome.ReduceOnly;
import dev.arbiter.kb.outcome.RuleOutcome;
import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.RuleMetadata;
import dev.arbiter.rules.session.Firing;
import dev.arbiter.rules.session.RuleSessionRunner;
import dev.arbiter.rules.session.SessionResult;
import dev.arbiter.rules.session.StandingSessions;
import dev.arbiter.rules.session.TracedFact;
import dev.arbiter.rules.testing.RuleTestCase.ExpectedOutcome;
import dev.arbiter.rules.testing.RuleTestCase.ExpectedProposal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Runs rule-test cases against a compiled rule set and reports, per case, what did not hold. */
public final class RuleTestRunner {

    private final RuleSessionRunner sessions = new RuleSessionRunner();

    /**
     * @param reference the rule set's limits and parameters as facts; every case starts from them, overridden by the
     *                  values the tests' background pins (the numbers the cases were written against) except the
     *                  limits a case reads at the release's value, and may override any of them
     */
    public RuleTestReport run(CompiledRuleSet rules, List<?> reference, RuleTestFiles tests) {
        List<Object> background = merge(new ArrayList<Object>(reference), tests.background());
        List<RuleTestReport.Result> results = new ArrayList<>();
        try (StandingSessions standing = new StandingSessions(); StandingSessions carried = new StandingSessions()) {
            RuleTestCase previous = null;
            for (RuleTestCase testCase : tests.cases()) {
                List<Object> release = reference.stream().filter(f -> f instanceof Limit limit
                        && testCase.releaseLimits().contains(limit.name())).map(Object.class::cast).toList();
                List<String> unknown = testCase.releaseLimits().stream().filter(name -> release.stream()
                        .noneMatch(f -> ((Limit) f).name().equals(name))).toList();
                if (!unknown.isEmpty()) {
                    results.add(new RuleTestReport.Result(testCase, List.of("releaseLimits names " + unknown
                            + ", which the rule set's limits.json does not define")));
                    continue;
                }
                List<Object> facts = BookFacts.complete(merge(merge(background, release), testCase.given()));
                SessionResult session = sessions.run(rules, facts);
                List<String> failures = failures(testCase, session);
                failures.addAll(standingAgrees(rules, standing, testCase, facts, session));
                if (previous != null) { // the first case's session is built for it, as checked just above
                    failures.addAll(carriedAgrees(rules, carried, previous, facts, session));
                } else {
                    carried.run(rules, CARRIED, facts);
                }
                results.add(new RuleTestReport.Result(testCase, failures));
                previous = testCase;
            }
        }
        return new RuleTestReport(results, untested(rules, tests));
    }

    /**
     * The pre-trade gate keeps the book's conclusions in a standing session and adds each check's own facts to it
     * ({@link StandingSessions}); a rule set must conclude the same that way, built fresh and used again, as in a
     * fresh session, or the gate would decide otherwise than the rules' tests say.
     */
    private static List<String> standingAgrees(CompiledRuleSet rules, StandingSessions standing, RuleTestCase testCase,
                                               List<Object> facts, SessionResult fresh) {
        String key = testCase.file() + "/" + testCase.name();
        for (String attempt : List.of("built for the case", "used again")) {
            SessionResult gate = standing.run(rules, key, facts);
            if (!StandingSessions.agree(fresh, gate)) {
                return List.of("the rules conclude otherwise when the book's conclusions are drawn before the check's"
                        + " own facts arrive (standing session " + attempt + "): fresh " + summary(fresh)
                        + ", standing " + summary(gate) + "; a rule probably depends on which rule fires first");
            }
        }
        return List.of();
    }

    /** The key of the one session every case runs through in turn. */
    private static final String CARRIED = "one account, case after case";

    /**
     * The gate keeps one session per account while its book changes, updating it fact by fact; the cases, run one
     * after another through one such session, are books that change, so each must conclude as in a fresh session.
     */
    private static List<String> carriedAgrees(CompiledRuleSet rules, StandingSessions carried, RuleTestCase previous,
                                              List<Object> facts, SessionResult fresh) {
        SessionResult gate = carried.run(rules, CARRIED, facts);
        if (StandingSessions.agree(fresh, gate)) {
            return List.of();
        }
        return List.of("the rules conclude otherwise when a standing session that held the book of "
                + "case '" + previous.name() + "' (" + previous.file() + ")"
                + " is brought up to date for this case's book: fresh " + summary(fresh) + ", updated "
                + summary(gate) + "; a rule probably depends on facts it does not match (a consequence that reads"
                + " the session) or changes them");
    }

    private static String summary(SessionResult session) {
        return session.outcomes().stream().map(RuleTestRunner::describe).toList() + " from "
                + session.firings().stream().map(Firing::rule).toList();
    }

    /**
     * The case's facts on top of the background: a given fact replaces the background fact it stands
     * for (the same limit or parameter name, the same account, the same instrument's data).
     */
    static List<Object> merge(List<Object> background, List<Object> given) {
        Set<String> givenKeys = given.stream().map(RuleTestRunner::key).filter(Objects::nonNull).collect(Collectors.toSet());
        List<Object> facts = new ArrayList<>();
        for (Object fact : background) {
            if (!givenKeys.contains(key(fact))) {
                facts.add(fact);
            }
        }
        facts.addAll(given);
        return facts;
    }

    private static String key(Object fact) {
        return switch (fact) {
            case Limit limit -> "Limit:" + limit.name();
            case Parameter parameter -> "Parameter:" + parameter.name();
            case IndicatorValue value -> "IndicatorValue:" + value.symbol() + ":" + value.name();
            case Account account -> "Account:" + account.accountId();
            case Instrument instrument -> "Instrument:" + instrument.symbol();
            case FeedStatus feed -> "FeedStatus:" + feed.symbol();
            case Exposure exposure -> "Exposure:" + exposure.accountId() + ":" + exposure.symbol();
            case Portfolio portfolio -> "Portfolio:" + portfolio.accountId();
            case ClusterExposure cluster -> "ClusterExposure:" + cluster.accountId() + ":" + cluster.cluster();
            case VenueExposure venue -> "VenueExposure:" + venue.accountId() + ":" + venue.venue();
            default -> null;
        };
    }

    private static List<String> failures(RuleTestCase testCase, SessionResult session) {
        List<String> failures = new ArrayList<>();
        Set<String> fired = session.firings().stream().map(Firing::reasonCode).collect(Collectors.toCollection(TreeSet::new));
        for (String code : testCase.expect().fired()) {
            if (!fired.contains(code)) {
                failures.add(code + " did not fire; fired: " + fired);
            }
        }
        for (String code : testCase.expect().notFired()) {
            if (fired.contains(code)) {
                failures.add(code + " fired but must not: " + session.firings().stream()
                        .filter(f -> f.reasonCode().equals(code)).flatMap(f -> f.concluded().stream())
                        .map(TracedFact::describe).toList());
            }
        }
        for (ExpectedOutcome expected : testCase.expect().outcomes()) {
            if (session.outcomes().stream().noneMatch(o -> matches(expected, o))) {
                failures.add("no outcome " + describe(expected) + "; outcomes: "
                        + session.outcomes().stream().map(RuleTestRunner::describe).toList());
            }
        }
        for (ExpectedProposal expected : testCase.expect().proposals()) {
            if (session.proposals().stream().noneMatch(p -> matches(expected, p))) {
                failures.add("no proposal " + expected.proposal()
                        + (expected.side() == null ? "" : " " + expected.side())
                        + (expected.quantity() == null ? "" : " " + expected.quantity().toPlainString())
                        + "; proposals: " + session.proposals().stream()
                        .map(p -> p.proposalId() + " " + p.side() + " " + p.quantity().toPlainString()).toList());
            }
        }
        return failures;
    }

    private static boolean matches(ExpectedOutcome expected, RuleOutcome outcome) {
        return (expected.kind() == null || expected.kind().equals(outcome.kind()))
                && (expected.code() == null || expected.code().equals(outcome.reason().code()))
                && (expected.message() == null || outcome.reason().message().contains(expected.message()))
                && (expected.proposal() == null || expected.proposal().equals(outcome.proposalId()))
                && (expected.maxQuantity() == null
                    || outcome instanceof Cap cap && cap.maxQuantity().compareTo(expected.maxQuantity()) == 0)
                && (expected.scope() == null || expected.scope().equals(scopeOf(outcome)))
                && (expected.target() == null || expected.target().equals(targetOf(outcome)));
    }

    private static boolean matches(ExpectedProposal expected, Proposal proposal) {
        return expected.proposal().equals(proposal.proposalId())
                && (expected.side() == null || expected.side() == proposal.side())
                && (expected.quantity() == null || expected.quantity().compareTo(proposal.quantity()) == 0);
    }

    private static String scopeOf(RuleOutcome outcome) {
        return switch (outcome) {
            case Halt h -> h.scope().name();
            case ReduceOnly r -> r.scope().name();
            default -> null;
        };
    }

    private static String targetOf(RuleOutcome outcome) {
        return switch (outcome) {
            case Halt h -> h.target();
            case ReduceOnly r -> r.target();
            default -> null;
        };
    }

    private static String describe(ExpectedOutcome e) {
        return "{" + String.join(", ", List.of(
                "kind=" + e.kind(), "code=" + e.code(), "proposal=" + e.proposal(), "message~" + e.message(),
                "maxQuantity=" + e.maxQuantity(), "scope=" + e.scope(), "target=" + e.target())
                .stream().filter(s -> !s.endsWith("=null") && !s.endsWith("~null")).toList()) + "}";
    }

    private static String describe(RuleOutcome o) {
        return o.kind() + " " + o.reason().code() + (o.proposalId() == null ? "" : " " + o.proposalId())
                + (o instanceof Cap c ? " max " + c.maxQuantity().toPlainString() : "") + ": " + o.reason().message();
    }

    /** Rules without a case where they fire, or without one where they stay quiet. */
    private static List<String> untested(CompiledRuleSet rules, RuleTestFiles tests) {
        Set<String> firing = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();
        for (RuleTestCase c : tests.cases()) {
            firing.addAll(c.expect().fired());
            c.expect().outcomes().stream().map(ExpectedOutcome::code).filter(Objects::nonNull).forEach(firing::add);
            quiet.addAll(c.expect().notFired());
        }
        List<String> untested = new ArrayList<>();
        for (RuleMetadata rule : rules.rules().values().stream()
                .sorted(java.util.Comparator.comparing(RuleMetadata::reasonCode)).toList()) {
            if (!firing.contains(rule.reasonCode())) {
                untested.add(rule.reasonCode() + " (\"" + rule.rule() + "\") has no case where it fires");
            }
            if (!quiet.contains(rule.reasonCode())) {
                untested.add(rule.reasonCode() + " (\"" + rule.rule() + "\") has no case where it stays quiet");
            }
        }
        return untested;
    }
}
