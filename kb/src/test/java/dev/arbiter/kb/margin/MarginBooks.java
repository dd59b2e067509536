package dev.arbiter.kb.margin;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** Published bracket tables the tests measure against. */
final class MarginBooks {

    private MarginBooks() {
    }

    /** Binance BTCUSDT perpetual brackets as published in 2020-2021 (floor, cap, max leverage, maintenance rate). */
    static ContractTerms btcusdt(String leverage) {
        return ContractTerms.tiered("BTCUSDT", BigDecimal.ONE, List.of(
                bracket("0", "50000", "125", "0.004"),
                bracket("50000", "250000", "100", "0.005"),
                bracket("250000", "1000000", "50", "0.01"),
                bracket("1000000", "5000000", "20", "0.025"),
                bracket("5000000", "20000000", "10", "0.05"),
                bracket("20000000", "50000000", "5", "0.1"),
                bracket("50000000", "100000000", "4", "0.125"),
                bracket("100000000", "200000000", "3", "0.15"),
                bracket("200000000", "300000000", "2", "0.25"),
                bracket("300000000", null, "1", "0.5")), Duration.ofHours(8), new BigDecimal(leverage));
    }

    /** Binance ETHUSDT perpetual brackets as published in 2021. */
    static ContractTerms ethusdt(String leverage) {
        return ContractTerms.tiered("ETHUSDT", BigDecimal.ONE, List.of(
                bracket("0", "10000", "100", "0.005"),
                bracket("10000", "100000", "75", "0.0065"),
                bracket("100000", "500000", "50", "0.01"),
                bracket("500000", "1000000", "25", "0.02"),
                bracket("1000000", "2000000", "10", "0.05"),
                bracket("2000000", "5000000", "5", "0.1"),
                bracket("5000000", "10000000", "4", "0.125"),
                bracket("10000000", "20000000", "3", "0.15"),
                bracket("20000000", "50000000", "2", "0.25"),
                bracket("50000000", null, "1", "0.5")), Duration.ofHours(8), new BigDecimal(leverage));
    }

    static ContractTerms.Bracket bracket(String floor, String cap, String leverage, String rate) {
        return new ContractTerms.Bracket(new BigDecimal(floor), cap == null ? null : new BigDecimal(cap),
                new BigDecimal(leverage), new BigDecimal(rate));
    }
}
