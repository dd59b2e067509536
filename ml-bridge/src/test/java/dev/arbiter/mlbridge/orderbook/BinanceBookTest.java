package dev.arbiter.mlbridge.orderbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.mlbridge.marketdata.SharedData;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Binance BTC/USDT feed of 2024-08-08 23:54–24:00: a 1000-level snapshot, 3,451 diffs, trades and book tickers. */
class BinanceBookTest {

    private Path feed;

    @BeforeEach
    void locate() {
        Optional<Path> file = SharedData.file("nkaz001-hftbacktest/spot_btcusdt_20240808_binance_raw_feed.txt");
        Assumptions.assumeTrue(file.isPresent(), "Binance raw feed not found beside the repository; skipping");
        feed = file.get();
    }

    @Test
    void theRebuiltBookStaysInSequenceAndAgreesWithTheExchangesBookTicker() throws Exception {
        BookSync sync = new BookSync(new TradeFlow(Duration.ofSeconds(10)));

        BinanceFeed.read(feed, sync);

        assertThat(sync.book().valid()).as(sync.book().invalidReason()).isTrue();
        assertThat(sync.appliedDiffs()).isGreaterThan(3400);
        assertThat(sync.tickerChecks()).as("book-ticker states compared").isGreaterThan(500);
        assertThat(sync.tickerMismatches()).isZero();
        BookFeatures features = BookFeatures.of(sync.book(), 10);
        assertThat(features.spread()).isPositive();
        assertThat(features.microprice()).isBetween(features.bid(), features.ask());
        assertThat(features.imbalance()).isBetween(-1.0, 1.0);
        assertThat(features.facts("BTC-USDT", sync.lastEvent())).extracting(v -> v.name())
                .containsExactly("spread_bps", "microprice", "imbalance_10");
    }

    @Test
    void oneMissedDiffInvalidatesTheBookWhichThenRefusesToAnswer() throws Exception {
        BookSync sync = new BookSync(new TradeFlow(Duration.ofSeconds(10)));
        int[] depthMessages = {0};

        BinanceFeed.read(feed, new BinanceFeed.Listener() {
            @Override
            public void snapshot(Instant r, long id, List<OrderBook.Level> b, List<OrderBook.Level> a) {
                sync.snapshot(r, id, b, a);
            }

            @Override
            public void depth(Instant r, Instant e, long first, long last, List<OrderBook.Level> b, List<OrderBook.Level> a) {
                if (++depthMessages[0] != 2000) { // the 2000th diff is lost on the way
                    sync.depth(r, e, first, last, b, a);
                }
            }

            @Override
            public void trade(Instant r, Instant t, double p, double q, boolean m) {
                sync.trade(r, t, p, q, m);
            }

            @Override
            public void bookTicker(Instant r, long id, double bid, double ask) {
                sync.bookTicker(r, id, bid, ask);
            }
        });

        assertThat(sync.book().valid()).isFalse();
        assertThat(sync.book().invalidReason()).startsWith("missed updates: diff [").contains("a new snapshot is needed");
        assertThatThrownBy(() -> BookFeatures.of(sync.book(), 5)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("order book is invalid: missed updates");
    }

    @Test
    void tradeFlowOverTheLastTenSecondsIsAnImbalanceBetweenMinusOneAndOne() throws Exception {
        TradeFlow flow = new TradeFlow(Duration.ofSeconds(10));
        BookSync sync = new BookSync(flow);

        BinanceFeed.read(feed, sync);

        assertThat(flow.tradesInWindow()).isPositive();
        assertThat(flow.imbalance(sync.lastEvent())).isBetween(-1.0, 1.0);
    }
}
