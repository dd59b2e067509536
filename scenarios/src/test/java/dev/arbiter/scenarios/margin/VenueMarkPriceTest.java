package dev.arbiter.scenarios.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.EngineDecisions;
import dev.arbiter.engine.state.InMemoryJournal;
import dev.arbiter.engine.state.StateSettings;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.MarkPrice;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.scenarios.data.DataRoot;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A perpetual valued at its venue's mark, not its last trade: Binance's XRPUSDT perpetual, hourly trade bars and the
 * venue's hourly mark price over the 56 hours of 17–19 November 2021 where both files overlap (freqtrade's test data).
 */
class VenueMarkPriceTest {

    private static final String FUTURES = "freqtrade-freqtrade-testdata/futures";
    private static final String SYMBOL = "XRP-USDT-PERP";
    private static final Duration HOUR = Duration.ofHours(1);

    private static DecisionPipeline pipeline;

    @BeforeAll
    static void pipeline() {
        pipeline = DecisionPipeline.withShippedDefaults();
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    private record Hour(Bar bar, MarkPrice mark) {
    }

    /** Each overlapping hour: the trade bar and the venue's mark at the bar's end (the mark candle's close). */
    private static List<Hour> hours() throws IOException {
        Path root = DataRoot.find().orElse(null);
        Assumptions.assumeTrue(root != null, "shared market data not found: set ARBITER_DATA_DIR to the folder holding "
                + FUTURES + " (the repository's ../shared/data)");
        Path trades = root.resolve(FUTURES).resolve("XRP_USDT_USDT-1h-futures.csv");
        Path marks = root.resolve(FUTURES).resolve("XRP_USDT_USDT-1h-mark.csv");
        Assumptions.assumeTrue(Files.isReadable(trades) && Files.isReadable(marks), "no XRP perpetual trade and mark"
                + " candles under " + root.resolve(FUTURES));
        Map<Instant, String[]> markRows = new TreeMap<>();
        rows(marks).forEach(r -> markRows.put(Instant.parse(r[0]), r));
        List<Hour> hours = new ArrayList<>();
        for (String[] r : rows(trades)) {
            Instant open = Instant.parse(r[0]);
            String[] m = markRows.get(open);
            if (m == null) {
                continue;
            }
            Bar bar = new Bar(SYMBOL, open, HOUR, new BigDecimal(r[1]), new BigDecimal(r[2]), new BigDecimal(r[3]),
                    new BigDecimal(r[4]), new BigDecimal(r[5]));
            hours.add(new Hour(bar, new MarkPrice(SYMBOL, open.plus(HOUR), new BigDecimal(m[4]), new BigDecimal("0.0001"),
                    null)));
        }
        return hours;
    }

    private static List<String[]> rows(Path file) throws IOException {
        return Files.readAllLines(file).stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
    }

    private static TradingCore core(InMemoryJournal journal) {
        return new TradingCore(journal, StateSettings.DEFAULTS, IndicatorFacts.DEFAULT_SET);
    }

    @Test
    void aLongIsValuedAtTheVenuesMarkEveryHourAndTheTradeCloseNeverStandsInForIt() throws IOException {
        List<Hour> hours = hours();
        assertThat(hours).as("hours where both files have data").hasSizeGreaterThan(50);
        TradingCore core = core(new InMemoryJournal());
        Instant start = hours.get(0).bar().openTime();
        core.submit(new AccountEvent.Opened("acct-1", start, new BigDecimal("10000"), null), null);
        core.submit(new AccountEvent.Filled("acct-1", start, "f-1", null, SYMBOL, Side.BUY, new BigDecimal("10000"),
                hours.get(0).bar().open(), BigDecimal.ZERO, false, true), "f-1");

        int apart = 0;
        BigDecimal widest = BigDecimal.ZERO;
        for (Hour hour : hours) {
            core.bar(hour.bar());
            core.markPrice(hour.mark());
            AccountState state = core.account("acct-1");
            assertThat(state.mark(SYMBOL).orElseThrow().price()).as("valued at %s", hour.mark().time())
                    .isEqualByComparingTo(hour.mark().price());
            BigDecimal gap = hour.mark().price().subtract(hour.bar().close()).abs();
            if (gap.signum() != 0) {
                apart++;
                widest = widest.max(gap);
            }
        }
        // the mark is not the last trade: on most hours the two differ, by up to about a tenth of a cent
        assertThat(apart).as("hours where mark and last close differ").isGreaterThan(hours.size() / 2);
        assertThat(widest).isPositive();
    }

    @Test
    void aBarNewerThanTheMarkValuesAtItsCloseAndARestartRestoresTheMark() throws IOException {
        List<Hour> hours = hours();
        InMemoryJournal journal = new InMemoryJournal();
        TradingCore core = core(journal);
        Hour first = hours.get(0);
        Hour second = hours.get(1);
        core.submit(new AccountEvent.Opened("acct-1", first.bar().openTime(), new BigDecimal("10000"), null), null);
        core.submit(new AccountEvent.Filled("acct-1", first.bar().openTime(), "f-1", null, SYMBOL, Side.BUY,
                new BigDecimal("1000"), first.bar().open(), BigDecimal.ZERO, false, true), "f-1");
        core.bar(first.bar());
        core.markPrice(first.mark());
        // the next hour's trades arrive, its mark does not: a mark older than the bar must not hide the move
        core.bar(second.bar());
        assertThat(core.account("acct-1").mark(SYMBOL).orElseThrow().price()).isEqualByComparingTo(second.bar().close());

        assertThat(core.markPrice(first.mark())).as("an identical repeat is ignored").isFalse();
        assertThatThrownBy(() -> core.markPrice(new MarkPrice(SYMBOL, first.mark().time(), BigDecimal.ONE,
                BigDecimal.ZERO, null))).isInstanceOf(InvalidFactException.class)
                .hasMessageContaining("time").hasMessageContaining("in time order");

        TradingCore restarted = core(journal);
        assertThat(restarted.markPrices(List.of(SYMBOL))).containsExactly(first.mark());
        assertThat(restarted.account("acct-1")).isEqualTo(core.account("acct-1"));
    }

    @Test
    void aDecisionValuesThePerpetualAtTheMarkAndTheFundingRuleReadsTheVenuesRate() throws IOException {
        List<Hour> hours = hours().subList(0, 30);
        TradingCore core = core(new InMemoryJournal());
        EngineDecisions decisions = new EngineDecisions(core);
        Instant start = hours.get(0).bar().openTime();
        core.submit(new AccountEvent.Opened("acct-1", start, new BigDecimal("100000"), null), null);
        core.submit(new AccountEvent.Filled("acct-1", start, "f-1", null, SYMBOL, Side.BUY, new BigDecimal("5000"),
                hours.get(0).bar().open(), BigDecimal.ZERO, false, true), "f-1");
        for (Hour hour : hours) {
            core.bar(hour.bar());
        }
        Hour last = hours.get(hours.size() - 1);
        // the venue's rate at its clamp: the next funding on a long costs 0.3 % of its notional
        MarkPrice clamp = new MarkPrice(SYMBOL, last.mark().time(), last.mark().price(), new BigDecimal("0.003"),
                last.mark().time().plus(Duration.ofHours(8)));
        core.markPrice(clamp);

        BigDecimal price = last.mark().price().setScale(4, java.math.RoundingMode.HALF_UP);
        OrderIntent buy = new OrderIntent("i-1", "acct-1", SYMBOL, Side.BUY, new BigDecimal("40000"), price,
                price.multiply(new BigDecimal("0.97")).setScale(4, java.math.RoundingMode.HALF_UP), "client", 0.6);
        ClientRequest request = new ClientRequest("r-1", clamp.time().plusSeconds(30),
                new ClientRequest.ClaimedAccount("acct-1", null, null, null, null, null), null, null, null, null, null,
                null, List.of(buy), null);
        DecisionResult result = decisions.decide("dec-1", request, pipeline);

        Exposure exposure = result.trace().exposures().stream().filter(e -> e.symbol().equals(SYMBOL)).findFirst()
                .orElseThrow();
        assertThat(exposure.markPrice()).isEqualByComparingTo(clamp.price());
        assertThat(result.trace().request().markPrices()).containsExactly(clamp);
        assertThat(result.decision().proposals()).filteredOn(v -> v.proposalId().equals("i-1")).singleElement()
                .satisfies(v -> assertThat(v.reasonCodes()).contains("L3-FUNDING-COST"));
    }
}
