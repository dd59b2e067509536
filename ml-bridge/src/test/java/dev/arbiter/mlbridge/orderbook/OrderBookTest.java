package dev.arbiter.mlbridge.orderbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sequencing rules on a small book (the real feed is replayed in {@code BinanceBookTest}). */
class OrderBookTest {

    private static OrderBook.Level l(double price, double quantity) {
        return new OrderBook.Level(price, quantity);
    }

    private final OrderBook book = new OrderBook();

    @Test
    void diffsTheSnapshotCoversAreSkippedTheNextMustCoverItAndThenFollowWithoutGaps() {
        book.snapshot(100, List.of(l(99, 1), l(98, 2)), List.of(l(101, 1), l(102, 3)));

        assertThat(book.apply(90, 100, List.of(l(99, 5)), List.of())).isEqualTo(OrderBook.Applied.SKIPPED_OLD);
        assertThat(book.apply(95, 105, List.of(l(99, 0), l(100, 4)), List.of())).isEqualTo(OrderBook.Applied.APPLIED);
        assertThat(book.bids(2)).containsExactly(l(100, 4), l(98, 2));
        assertThat(book.apply(106, 107, List.of(), List.of(l(101, 0)))).isEqualTo(OrderBook.Applied.APPLIED);
        assertThat(book.asks(1)).containsExactly(l(102, 3));

        assertThat(book.apply(109, 110, List.of(), List.of())).isEqualTo(OrderBook.Applied.REJECTED_BOOK_INVALID);
        assertThat(book.invalidReason()).isEqualTo("missed updates: diff [109, 110] does not start at 108 (last applied 107); "
                + "a new snapshot is needed");
        book.snapshot(200, List.of(l(99, 1)), List.of(l(101, 1)));
        assertThat(book.valid()).isTrue();
    }

    @Test
    void aCrossedBookIsInvalid() {
        book.snapshot(1, List.of(l(99, 1)), List.of(l(101, 1)));

        book.apply(2, 2, List.of(l(101.5, 1)), List.of());

        assertThat(book.invalidReason()).isEqualTo("crossed book: best bid 101.5 >= best ask 101.0");
    }

    @Test
    void micropriceLeansTowardTheThinnerSideAndImbalanceCountsDepth() {
        book.snapshot(1, List.of(l(99, 3), l(98, 1)), List.of(l(101, 1), l(102, 1)));

        BookFeatures f = BookFeatures.of(book, 2);

        assertThat(f.microprice()).isEqualTo((99 * 1 + 101 * 3) / 4.0);
        assertThat(f.imbalance()).isEqualTo((4 - 2) / 6.0);
        assertThat(f.spreadBps()).isEqualTo(1e4 * 2 / 100);
    }

    @Test
    void tradeFlowForgetsTradesOlderThanItsWindow() {
        TradeFlow flow = new TradeFlow(Duration.ofSeconds(10));
        Instant t = Instant.parse("2024-08-08T23:59:00Z");
        flow.add(t, 3, false); // buyer aggressed
        flow.add(t.plusSeconds(5), 1, true); // seller aggressed

        assertThat(flow.imbalance(t.plusSeconds(6))).isEqualTo(0.5);
        assertThat(flow.imbalance(t.plusSeconds(12))).isEqualTo(-1.0);
    }
}
