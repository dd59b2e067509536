package dev.arbiter.scenarios.margin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.scenarios.data.DataRoot;
import dev.arbiter.scenarios.run.RunResult;
import dev.arbiter.scenarios.run.Scenarios;
import dev.arbiter.scenarios.spec.ScenarioFiles;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A BTC-USDT-PERP long held through 2021: the funding the simulated venue booked equals the sum, over every row of
 * Binance's real funding-rate file from the fill to the end of the year, of rate &times; position notional at the mark
 * (the close of the hourly bar ending at the funding time), worked out here straight from the two CSV files.
 *
 * <p>The client's buy of 10,000 fills 0.343 BTC at the 2021-01-01T08:00 open (29,122.27 with slippage), so the first
 * funding it pays is 16:00's. Events by hand (payment = &minus;rate &times; 0.343 &times; mark; the mark is the close
 * of the hourly bar ending at the funding time):
 * <ul>
 *   <li>2021-01-01T16:00Z, rate 0.00034457, close of 15:00..16:00 29,210.84: 0.343 &times; 29,210.84 &times;
 *   0.00034457 = 3.4524 paid;</li>
 *   <li>2021-04-14T08:00Z (the April top), rate 0.00108567, close 64,382.35: 23.9750 paid;</li>
 *   <li>2021-05-19T16:00Z (the May crash), rate &minus;0.00089697, close 37,304.85: 11.4772 received;</li>
 *   <li>2021-12-31T16:00Z, rate 0.0001, close 48,004.73: 1.6466 paid.</li>
 * </ul>
 * Over the year: 1,094 funding times, 5,384.21 paid, 122.78 received, net &minus;5,261.43 (about half the position's
 * notional at entry: 2021's funding was mostly longs paying shorts).
  */
class FundingThrough2021IT {

    private static final String BARS = "roshan7869-algotrading/futures/BTC_USDT_USDT-1h-futures.csv";
    private static final String RATES = "roshan7869-algotrading/futures/BTC_USDT_USDT-funding_rate.csv";

    private static final String SCENARIO = """
            name: funding-2021
            market:
              - symbol: BTC-USDT-PERP
                file: "data:%s"
                funding: "data:%s"
                period: PT1H
                resample: PT8H
                cluster: majors
                lotSize: 0.001
                tickSize: 0.1
                minNotional: 5
            from: "2021-01-01T00:00:00Z"
            to: "2022-01-01T00:00:00Z"
            windowBars: 30
            account: {id: sim-1, cash: 100000}
            rules: {riskLayers: false, parameters: {allocation-risk-aversion: 0}}
            strategies: false
            exits: {useStops: false, maxHoldingBars: 100000}
            clients:
              - {name: holder, everyBars: 100000, notional: 10000, stopFraction: none, symbols: [BTC-USDT-PERP]}
            """.formatted(BARS, RATES);

    @Test
    void fundingOfALongHeldThrough2021IsTheFileRatesTimesNotionalAtTheMark() throws IOException {
        Path root = DataRoot.find().orElse(null);
        Assumptions.assumeTrue(root != null, "shared market data not found: set ARBITER_DATA_DIR to the folder holding "
                + RATES + " (the repository's ../shared/data)");
        ScenarioSpec spec = ScenarioFiles.parse(SCENARIO, Path.of("").toAbsolutePath());
        RunResult run = Scenarios.run(spec);

        var entry = run.fills().get(0);
        BigDecimal quantity = BigDecimal.valueOf(entry.quantity());
        Instant opened = entry.time();
        Instant end = Instant.parse("2022-01-01T00:00:00Z");
        Map<Instant, BigDecimal> closeAtEnd = new HashMap<>(); // hourly close, by the bar's end time
        for (String line : Files.readAllLines(root.resolve(BARS))) {
            if (!line.startsWith("date")) {
                String[] c = line.split(",");
                closeAtEnd.put(Instant.parse(c[0]).plus(Duration.ofHours(1)), new BigDecimal(c[4]));
            }
        }
        BigDecimal expected = BigDecimal.ZERO;
        int events = 0;
        for (String line : Files.readAllLines(root.resolve(RATES))) {
            if (line.startsWith("date")) {
                continue;
            }
            String[] c = line.split(",");
            Instant at = Instant.parse(c[0]);
            if (at.isAfter(opened) && !at.isAfter(end)) {
                // a long pays rate x notional at the mark (receives when the rate is negative)
                expected = expected.subtract(new BigDecimal(c[1]).multiply(quantity).multiply(closeAtEnd.get(at)));
                events++;
            }
        }
        assertThat(quantity).isEqualByComparingTo("0.343");
        assertThat(events).isEqualTo(1094);
        assertThat(run.margin().funding()).hasSize(events);
        assertThat(run.margin().fundingNet()).isEqualByComparingTo(expected);
        assertThat(run.margin().fundingNet()).isEqualByComparingTo("-5261.4320983433370");
        assertThat(run.margin().funding()).filteredOn(p -> p.at().equals(Instant.parse("2021-05-19T16:00:00Z")))
                .singleElement().satisfies(p -> {
                    assertThat(p.mark()).isEqualByComparingTo("37304.85");
                    assertThat(p.rate()).isEqualByComparingTo("-0.00089697");
                    assertThat(p.amount()).isEqualByComparingTo("11.4772366374435");
                });
        assertThat(run.margin().liquidations()).isEmpty();
    }
}
