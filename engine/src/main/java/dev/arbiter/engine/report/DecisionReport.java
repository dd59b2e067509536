package dev.arbiter.engine.report;

import dev.arbiter.engine.decision.Decision;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.decision.MarketSeries;
import dev.arbiter.engine.decision.OutcomeRecord;
import dev.arbiter.engine.decision.ProposalVerdict;
import dev.arbiter.engine.decision.RiskContext;
import dev.arbiter.kb.outcome.Layer;
import dev.arbiter.reasoning.explain.Explanation;
import dev.arbiter.reasoning.proof.ProofResult;
import dev.arbiter.rules.session.Firing;
import dev.arbiter.rules.session.TracedFact;
import dev.arbiter.solver.AllocatedOrder;
import dev.arbiter.solver.Allocation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders one decision as a self-contained HTML page an auditor can read without help: what was decided, the
 * explanation in sentences, the rule firings layer by layer with reason codes and legal sources, every cap and
 * rejection, the allocation and what bound each size, the proof, the inputs, and the versions and chain hash
 * that make the page checkable. Everything shown comes from the stored decision and trace; nothing is recomputed.
 */
public final class DecisionReport {

    /** The section headings, in page order; a test checks each one is rendered. */
    public static final List<String> SECTIONS = List.of(
            "Outcome", "Explanation", "Rule firings by layer", "Caps, rejections and halts", "Allocation",
            "Proof", "Inputs", "Versions and integrity");

    private DecisionReport() {
    }

    /**
     * The page for a decision and its trace.
     *
     * @param stamp the decision's place in the audit chain, or null when it was not stored
     */
    public static String render(Decision decision, DecisionTrace trace, AuditStamp stamp) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(trace, "trace");
        if (!decision.decisionId().equals(trace.decisionId())) {
            throw new IllegalArgumentException("trace.decisionId: '" + trace.decisionId()
                    + "' does not match the decision '" + decision.decisionId() + "'");
        }
        Html html = new Html();
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .element("title", "Decision " + decision.decisionId() + " — " + decision.status())
                .open("style").raw(ReportStyle.CSS).close("style")
                .raw("</head>\n<body>\n");
        header(html, decision);
        outcome(html, decision);
        explanation(html, trace.explanations());
        firings(html, trace);
        outcomes(html, trace.outcomes());
        allocation(html, trace.allocation());
        proof(html, trace.proof());
        inputs(html, trace);
        integrity(html, decision, stamp);
        html.open("footer").text("Generated from the stored decision and its trace. Quantities and prices are exact "
                + "decimals as decided; times are UTC.").close("footer");
        return html.raw("</body>\n</html>\n").toString();
    }

    private static void header(Html html, Decision decision) {
        html.element("h1", "Decision " + decision.decisionId())
                .open("p").open("span", "class=\"status " + decision.status().name() + "\"")
                .text(decision.status()).close("span").text(" " + decision.summary()).close("p")
                .keyValues(List.of(
                        List.of("Request", decision.requestId()),
                        List.of("Decided as of", decision.asOf())));
    }

    private static void outcome(Html html, Decision decision) {
        html.element("h2", "Outcome").element("h3", "Orders that go out");
        html.recordTable(decision.orders(), "No order goes out.");
        html.element("h3", "Every proposal and its verdict");
        if (decision.proposals().isEmpty()) {
            html.element("p", "class=\"empty\"", "Nothing was proposed.");
            return;
        }
        html.open("table").open("thead").open("tr");
        Stream.of("proposal", "origin", "symbol", "side", "requested", "final", "verdict", "reason codes")
                .forEach(column -> html.element("th", column));
        html.close("tr").close("thead").open("tbody");
        for (ProposalVerdict verdict : decision.proposals()) {
            html.open("tr").element("td", verdict.proposalId()).element("td", verdict.origin())
                    .element("td", verdict.symbol()).element("td", verdict.side())
                    .element("td", verdict.requestedQuantity()).element("td", verdict.finalQuantity())
                    .element("td", verdict.status()).element("td", verdict.reasonCodes()).close("tr");
        }
        html.close("tbody").close("table");
        html.element("p", "class=\"empty\"", "Each verdict is explained in sentences in the next section.");
    }

    private static void explanation(Html html, List<Explanation> explanations) {
        html.element("h2", "Explanation");
        if (explanations == null) {
            // the service completes the explanation before any report is rendered; the command line explains at once
            html.element("p", "class=\"empty\"", "Not explained yet.");
            return;
        }
        if (explanations.isEmpty()) {
            html.element("p", "class=\"empty\"", "No proposal to explain.");
            return;
        }
        for (Explanation explanation : explanations) {
            html.element("h3", explanation.proposalId() + ": " + explanation.status());
            html.list(explanation.because(), "No reasons recorded.");
        }
    }

    private static void firings(Html html, DecisionTrace trace) {
        html.element("h2", "Rule firings by layer");
        if (trace.sessionFault() != null) {
            html.element("p", "class=\"fault\"", "Engine fault: " + trace.sessionFault().message());
        }
        Map<Layer, List<Firing>> byLayer = new EnumMap<>(Layer.class);
        for (Firing firing : trace.firings()) {
            byLayer.computeIfAbsent(firing.layer(), layer -> new ArrayList<>()).add(firing);
        }
        if (byLayer.isEmpty()) {
            html.element("p", "class=\"empty\"", "No rule fired.");
        }
        byLayer.forEach((layer, firings) -> {
            html.element("h3", layer.code() + " " + layer.title() + " (" + firings.size() + " firing"
                    + (firings.size() == 1 ? "" : "s") + ")");
            html.open("table").open("thead").open("tr");
            Stream.of("#", "rule", "reason code", "severity", "legal source", "matched", "concluded")
                    .forEach(column -> html.element("th", column));
            html.close("tr").close("thead").open("tbody");
            for (Firing firing : firings) {
                html.open("tr").element("td", firing.sequence()).element("td", firing.rule())
                        .element("td", firing.reasonCode()).element("td", firing.severity())
                        .element("td", firing.legalSource());
                facts(html.open("td"), firing.matched()).close("td");
                facts(html.open("td"), firing.concluded()).close("td").close("tr");
            }
            html.close("tbody").close("table");
        });
    }

    /** Each fact as its type name, then its fields: <b>Limit</b> name = price-collar, value = 0.05. */
    private static Html facts(Html html, List<TracedFact> facts) {
        if (facts.isEmpty()) {
            return html;
        }
        html.open("ul", "class=\"facts\"");
        for (TracedFact fact : facts) {
            html.open("li").element("b", fact.type()).text(" ");
            if (fact instanceof TracedFact.Text text) {
                html.element("span", "class=\"text\"", text.text());
            } else {
                html.text(fact.fields().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                        .collect(Collectors.joining(", ")));
            }
            html.close("li");
        }
        return html.close("ul");
    }

    private static void outcomes(Html html, List<OutcomeRecord> outcomes) {
        html.element("h2", "Caps, rejections and halts");
        if (outcomes.isEmpty()) {
            html.element("p", "class=\"empty\"", "No rule capped, rejected, flagged or halted anything.");
            return;
        }
        html.open("table").open("thead").open("tr");
        Stream.of("kind", "proposal", "scope", "max quantity", "layer", "reason code", "rule", "legal source",
                "message").forEach(column -> html.element("th", column));
        html.close("tr").close("thead").open("tbody");
        for (OutcomeRecord outcome : outcomes) {
            String scope = outcome.scope() == null ? "" : outcome.scope() + " " + outcome.target();
            html.open("tr").element("td", outcome.kind()).element("td", outcome.proposalId())
                    .element("td", scope).element("td", outcome.maxQuantity())
                    .element("td", outcome.reason().layer().code()).element("td", outcome.reason().code())
                    .element("td", outcome.reason().rule()).element("td", outcome.reason().legalSource())
                    .element("td", outcome.reason().message()).close("tr");
        }
        html.close("tbody").close("table");
    }

    private static void allocation(Html html, Allocation allocation) {
        html.element("h2", "Allocation");
        if (allocation == null) {
            html.element("p", "class=\"empty\"", "No allocation was run: nothing survived the risk layers.");
            return;
        }
        html.keyValues(List.of(
                List.of("Feasible", allocation.feasible() ? "yes" : "no"),
                List.of("Score", allocation.score()),
                List.of("Note", allocation.note())));
        html.element("h3", "Sizes and what binds them");
        html.open("table").open("thead").open("tr");
        Stream.of("proposal", "symbol", "side", "quantity", "price", "notional", "bound by")
                .forEach(column -> html.element("th", column));
        html.close("tr").close("thead").open("tbody");
        for (AllocatedOrder order : allocation.orders()) {
            html.open("tr").element("td", order.proposalId()).element("td", order.symbol())
                    .element("td", order.side()).element("td", order.quantity()).element("td", order.price())
                    .element("td", order.notional()).open("td").list(order.boundBy(), "").close("td").close("tr");
        }
        html.close("tbody").close("table");
        html.element("h3", "Constraint justifications");
        html.list(allocation.justifications(), "No constraint was binding.");
    }

    private static void proof(Html html, ProofResult proof) {
        html.element("h2", "Proof");
        if (proof == null) {
            html.element("p", "class=\"empty\"", "No proof was needed: no order was sized.");
            return;
        }
        html.keyValues(List.of(
                List.of("Verdict", proof.verdict()),
                List.of("Limits checked", proof.checkedLimits()),
                List.of("Check time", proof.checkMicros() + " µs")));
        if (!proof.violations().isEmpty()) {
            html.element("h3", "Violated limits");
            html.recordTable(proof.violations(), "");
        }
    }

    private static void inputs(Html html, DecisionTrace trace) {
        var request = trace.request();
        html.element("h2", "Inputs");
        if (request.state() != null) {
            html.element("h3", "Engine state");
            html.keyValues(List.of(
                    List.of("Account journal position", request.state().journalPosition()),
                    List.of("State hash", request.state().stateHash())));
            html.element("h3", "Reconciliation breaks").recordTable(request.state().breaks(),
                    "The trading system claimed nothing that differs from the engine's figures.");
        }
        html.element("h3", "Account (the engine's figures)").recordTable(List.of(request.account()), "");
        html.element("h3", "Order intents").recordTable(request.intents(), "No client intents.");
        html.element("h3", "Positions").recordTable(request.positions(), "No positions.");
        html.element("h3", "Open orders").recordTable(request.openOrders(), "No open orders.");
        html.element("h3", "Instruments").recordTable(request.instruments(), "No instruments.");
        html.element("h3", "Market data").recordTable(request.marketData().stream()
                .map(DecisionReport::seriesSummary).toList(), "No market data.");
        html.element("h3", "Indicators").recordTable(trace.indicators(), "No indicator values.");
        html.element("h3", "Feeds").recordTable(trace.feeds(), "No feed status.");
        html.element("h3", "Predictions").recordTable(request.predictions(), "No predictions.");
        html.element("h3", "Exposures").recordTable(trace.exposures(), "No exposures.");
        context(html, request.context());
    }

    private static void context(Html html, RiskContext context) {
        html.element("h3", "Trading controls").recordTable(context.tradingControls(), "No trading controls.");
        html.element("h3", "Restrictions").recordTable(context.restrictions(), "No restrictions.");
        html.element("h3", "Regimes").recordTable(context.regimes(), "No regimes supplied.");
        html.element("h3", "Anomalies").recordTable(context.anomalies(), "No anomalies supplied.");
        html.element("h3", "Model health").recordTable(context.modelHealth(), "No model health supplied.");
        List<Record> state = Stream.of(context.activity(), context.lossHistory(), context.margin(),
                context.killSwitch()).filter(Objects::nonNull).map(Record.class::cast).toList();
        for (Record item : state) {
            html.element("h3", item.getClass().getSimpleName()).recordTable(List.of(item), "");
        }
    }

    private static void integrity(Html html, Decision decision, AuditStamp stamp) {
        html.element("h2", "Versions and integrity");
        List<List<Object>> rows = new ArrayList<>(List.of(
                List.of("Rule set", decision.versions().ruleSet()),
                List.of("Limits", decision.versions().limits()),
                List.of("Parameters", decision.versions().parameters()),
                List.of("Instruments", Objects.requireNonNullElse(decision.versions().instruments(),
                        "none: decided before instruments belonged to a release")),
                List.of("Engine", decision.versions().engine())));
        if (stamp == null) {
            rows.add(List.of("Audit chain", "not stored: this decision is not part of the audit chain"));
        } else {
            rows.add(List.of("Audit record", "#" + stamp.sequence() + ", stored " + stamp.storedAt()));
            rows.add(List.of("Record hash", stamp.recordHash()));
            rows.add(List.of("Previous record hash", stamp.previousHash()));
        }
        html.keyValues(rows);
    }

    /** What an auditor needs of a bar series: its extent and last close, not every bar. */
    record SeriesSummary(String symbol, java.time.Duration period, int bars, java.time.Instant firstOpen,
                         java.time.Instant lastOpen, java.math.BigDecimal lastClose) {
    }

    private static SeriesSummary seriesSummary(MarketSeries series) {
        List<MarketSeries.Row> bars = series.bars();
        if (bars.isEmpty()) {
            return new SeriesSummary(series.symbol(), series.period(), 0, null, null, null);
        }
        return new SeriesSummary(series.symbol(), series.period(), bars.size(), bars.getFirst().openTime(),
                bars.getLast().openTime(), bars.getLast().close());
    }
}
