package dev.arbiter.kb.margin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.MarginMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Liquidation prices against the venue's worked example: Binance, "How to Calculate Liquidation Price of USDⓈ-M
 * Futures Contracts" (FAQ b3c689c1f50a44cabb3a84e663b81d93). A wallet of 1,535,443.01 USDT holds two longs:
 * 109.488 BTCUSDT entered at 32,481.98 (mark 31,967.27) and 3,683.979 ETHUSDT entered at 1,456.84 (mark 1,335.18).
 * Published answers: isolated BTC 18,778.73, isolated ETH 1,114.78, cross BTC 26,316.89, cross ETH 1,153.26.
 */
class LiquidationPriceTest {

    private static final BigDecimal WALLET = new BigDecimal("1535443.01");

    @Test
    void the_maintenance_amounts_derived_from_the_brackets_are_the_published_ones() {
        // The FAQ: a 500,000 USDT BTCUSDT position has maintenance amount 1,300 (250,000 x (1% - 0.5%) + 50),
        // and a 264,000 USDT one a maintenance rate of 1%.
        ContractTerms btc = MarginBooks.btcusdt("20");
        assertThat(btc.tier(new BigDecimal("500000")).maintenanceAmount()).isEqualByComparingTo("1300");
        assertThat(btc.tier(new BigDecimal("264000")).maintenanceRate()).isEqualByComparingTo("0.01");
        assertThat(btc.tier(new BigDecimal("3500000")).maintenanceAmount()).isEqualByComparingTo("16300");
        assertThat(MarginBooks.ethusdt("5").tier(new BigDecimal("4200000")).maintenanceAmount())
                .isEqualByComparingTo("135365");
    }

    @Test
    void isolated_longs_equal_the_published_example() {
        // In the example the isolated wallet balance is the same 1,535,443.01 for each position.
        assertThat(isolated(MarginBooks.btcusdt("20"), "109.488", "32481.98")).isEqualByComparingTo("18778.73");
        assertThat(isolated(MarginBooks.ethusdt("5"), "3683.979", "1456.84")).isEqualByComparingTo("1114.78");
    }

    @Test
    void cross_longs_equal_the_published_example() {
        BookRisk book = BookRisk.measure(WALLET,
                List.of(new Holding("BTCUSDT", new BigDecimal("109.488"), new BigDecimal("32481.98"), MarginMode.CROSS),
                        new Holding("ETHUSDT", new BigDecimal("3683.979"), new BigDecimal("1456.84"), MarginMode.CROSS)),
                List.of(), Map.of("BTCUSDT", new BigDecimal("31967.27"), "ETHUSDT", new BigDecimal("1335.18")),
                symbol -> new Listing(symbol.equals("BTCUSDT") ? MarginBooks.btcusdt("20") : MarginBooks.ethusdt("5"),
                        "majors", symbol));

        // The example's intermediate figures: BTC's maintenance margin 71,200.81 and unrealised P&L -56,354.57
        // enter ETH's price; ETH's 356,512.51 and -448,192.89 enter BTC's.
        assertThat(cents(book.positions().get("BTCUSDT").maintenanceMargin())).isEqualByComparingTo("71200.81");
        assertThat(cents(book.positions().get("BTCUSDT").unrealisedPnl())).isEqualByComparingTo("-56354.57");
        assertThat(cents(book.positions().get("ETHUSDT").maintenanceMargin())).isEqualByComparingTo("356512.51");
        assertThat(cents(book.positions().get("ETHUSDT").unrealisedPnl())).isEqualByComparingTo("-448192.89");
        assertThat(cents(book.positions().get("BTCUSDT").liquidationPrice())).isEqualByComparingTo("26316.89");
        assertThat(cents(book.positions().get("ETHUSDT").liquidationPrice())).isEqualByComparingTo("1153.26");
    }

    @Test
    void isolated_short_and_long_at_ten_times_by_hand() {
        // 1 BTC at 30,000 with 10x isolated: margin 3,000, first bracket (0.4%, amount 0).
        // Short: (3,000 + 30,000) / (0.004 + 1) = 32,868.53; long: (3,000 - 30,000) / (0.004 - 1) = 27,108.43.
        ContractTerms btc = MarginBooks.btcusdt("10");
        BookRisk book = BookRisk.measure(new BigDecimal("10000"),
                List.of(new Holding("BTCUSDT", new BigDecimal("-1"), new BigDecimal("30000"), MarginMode.ISOLATED)),
                List.of(), Map.of("BTCUSDT", new BigDecimal("30000")), s -> new Listing(btc, "majors", "sov"));
        PositionRisk shortBtc = book.positions().get("BTCUSDT");
        assertThat(cents(shortBtc.liquidationPrice())).isEqualByComparingTo("32868.53");
        assertThat(shortBtc.liquidationDistance().setScale(4, RoundingMode.HALF_EVEN)).isEqualByComparingTo("0.0956");
        assertThat(isolated(btc, "1", "30000", "3000")).isEqualByComparingTo("27108.43");
    }

    @Test
    void at_the_liquidation_price_the_backing_equals_the_maintenance_margin() {
        Random random = new Random(15);
        ContractTerms btc = MarginBooks.btcusdt("20");
        for (int i = 0; i < 2_000; i++) {
            BigDecimal entry = BigDecimal.valueOf(5_000 + random.nextInt(60_000));
            BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(20_000), 3)
                    .multiply(BigDecimal.valueOf(random.nextBoolean() ? 1 : -1));
            BigDecimal wallet = btc.notional(quantity, entry)
                    .divide(BigDecimal.valueOf(2 + random.nextInt(18)), Decimals.CONTEXT);
            BigDecimal price = LiquidationPrice.of(btc, quantity, entry, wallet, BigDecimal.ZERO, BigDecimal.ZERO)
                    .orElseThrow();
            BigDecimal backing = wallet.add(price.subtract(entry).multiply(quantity));
            BigDecimal maintenance = btc.maintenanceMargin(btc.notional(quantity, price));
            assertThat(backing.subtract(maintenance).abs()).as("case %d", i).isLessThan(new BigDecimal("0.000001"));
            assertThat(price.compareTo(entry)).as("a long liquidates below entry, a short above")
                    .isEqualTo(-quantity.signum());
        }
    }

    @Test
    void spot_and_fully_backed_longs_have_none() {
        ContractTerms spot = ContractTerms.spot("BTC-USD");
        assertThat(LiquidationPrice.of(spot, BigDecimal.ONE, new BigDecimal("30000"), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO)).isEmpty();
        assertThat(LiquidationPrice.of(MarginBooks.btcusdt("1"), BigDecimal.ONE, new BigDecimal("30000"),
                new BigDecimal("40000"), BigDecimal.ZERO, BigDecimal.ZERO)).isEmpty();
    }

    private static BigDecimal isolated(ContractTerms terms, String quantity, String entry) {
        return isolated(terms, quantity, entry, WALLET.toPlainString());
    }

    private static BigDecimal isolated(ContractTerms terms, String quantity, String entry, String wallet) {
        return cents(LiquidationPrice.of(terms, new BigDecimal(quantity), new BigDecimal(entry), new BigDecimal(wallet),
                BigDecimal.ZERO, BigDecimal.ZERO).orElseThrow());
    }

    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN);
    }
}
