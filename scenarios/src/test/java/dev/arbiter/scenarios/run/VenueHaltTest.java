package dev.arbiter.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.ProposalVerdict;
import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.DeskEvent;
import dev.arbiter.engine.state.EngineDecisions;
import dev.arbiter.engine.state.InMemoryJournal;
import dev.arbiter.engine.state.OfficerAction;
import dev.arbiter.engine.state.StateSettings;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.fact.TradingControl;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.outcome.HaltScope;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.scenarios.data.DataRoot;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A venue's outage stays a halt: Binance's spot market stopped from 2018-02-08 01:00 to 2018-02-09 10:00 UTC (the
 * 33-hour maintenance after its February 2018 incident, a real gap in the hourly BTC/USDT file). When the bars return
 * the engine halts BTC-USDT with the silence as evidence; the returning bars do not reopen it; an officer does.
 */
class VenueHaltTest {

    private static final String FILE = "roshan7869-algotrading/spot_1h/BTC_USDT-1h.csv";
    private static final Instant FROM = Instant.parse("2018-02-06T00:00:00Z");
    private static final Instant TO = Instant.parse("2018-02-10T00:00:00Z");
    private static DecisionPipeline pipeline;

    @BeforeAll
    static void pipeline() {
        pipeline = DecisionPipeline.withShippedDefaults();
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    private static List<Bar> bars() throws IOException {
        Path root = DataRoot.find().orElse(null);
        Assumptions.assumeTrue(root != null, "shared market data not found: set ARBITER_DATA_DIR to the folder holding "
                + FILE + " (the repository's ../shared/data)");
        return Files.readAllLines(root.resolve(FILE)).stream().skip(1).map(l -> l.split(","))
                .filter(r -> !Instant.parse(r[0]).isBefore(FROM) && Instant.parse(r[0]).isBefore(TO))
                .map(r -> new Bar("BTC-USDT", Instant.parse(r[0]), Duration.ofHours(1), new BigDecimal(r[1]),
                        new BigDecimal(r[2]), new BigDecimal(r[3]), new BigDecimal(r[4]), new BigDecimal(r[5])))
                .toList();
    }

    private static TradingControl control(TradingCore core) {
        return core.desk().controls().stream().filter(c -> c.scope() == HaltScope.INSTRUMENT
                && c.target().equals("BTC-USDT")).findFirst().orElse(null);
    }

    private static ProposalVerdict buy(EngineDecisions decisions, String id, Instant asOf) {
        OrderIntent intent = new OrderIntent("i-" + id, "acct-1", "BTC-USDT", Side.BUY, new BigDecimal("0.1"),
                new BigDecimal("8200.00"), new BigDecimal("7800.00"), "client", 0.6);
        DecisionResult result = decisions.decide("dec-" + id, new ClientRequest("r-" + id, asOf,
                new ClientRequest.ClaimedAccount("acct-1", null, null, null, null, null), null, null, null, null, null,
                null, List.of(intent), null), pipeline);
        return result.decision().proposals().stream().filter(p -> p.proposalId().equals("i-" + id)).findFirst()
                .orElseThrow();
    }

    @Test
    void theOutageHaltsTheInstrumentUntilAnOfficerResumesIt() throws IOException {
        List<Bar> bars = bars();
        TradingCore core = new TradingCore(new InMemoryJournal(),
                StateSettings.DEFAULTS.withVenueHaltGap(Duration.ofHours(4)), IndicatorFacts.DEFAULT_SET);
        EngineDecisions decisions = new EngineDecisions(core);
        core.submit(new AccountEvent.Opened("acct-1", FROM, new BigDecimal("100000"), null), null);

        Bar lastBefore = null;
        Bar firstAfter = null;
        for (Bar bar : bars) {
            if (lastBefore != null && firstAfter == null && bar.openTime().isAfter(lastBefore.endTime())) {
                assertThat(control(core)).as("no halt before the bars return").isNull();
                firstAfter = bar;
            }
            if (firstAfter == null) {
                lastBefore = bar;
            }
            core.bar(bar);
        }
        assertThat(lastBefore.openTime()).isEqualTo(Instant.parse("2018-02-08T00:00:00Z"));
        assertThat(firstAfter.openTime()).isEqualTo(Instant.parse("2018-02-09T10:00:00Z"));

        // halted with the silence as evidence, by the engine, and still halted 14 bars after the return
        TradingControl halt = control(core);
        assertThat(halt.state()).isEqualTo(TradingState.HALTED);
        assertThat(halt.changedBy()).isEqualTo(TradingCore.ENGINE);
        assertThat(halt.reason()).contains("no market data from 2018-02-08T01:00:00Z to 2018-02-09T10:00:00Z (33 h)",
                "venue halt or a delisting");
        Instant asOf = bars.get(bars.size() - 1).endTime();
        ProposalVerdict halted = buy(decisions, "1", asOf);
        assertThat(halted.status()).isEqualTo("HALTED");
        assertThat(halted.reasonCodes()).contains("L4-HALTED");

        core.submit(new DeskEvent(asOf, HaltScope.INSTRUMENT, "BTC-USDT", OfficerAction.RESUME, "risk-officer",
                "checked: the venue's maintenance, the same asset"));
        assertThat(control(core)).isNull();
        assertThat(buy(decisions, "2", asOf.plusSeconds(1)).reasonCodes()).doesNotContain("L4-HALTED");
    }

    @Test
    void aShorterSilenceIsNoHalt() throws IOException {
        TradingCore core = new TradingCore(new InMemoryJournal(),
                StateSettings.DEFAULTS.withVenueHaltGap(Duration.ofHours(34)), IndicatorFacts.DEFAULT_SET);
        bars().forEach(core::bar);
        assertThat(control(core)).isNull();
    }
}
