package dev.arbiter.mlbridge.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.mlbridge.marketdata.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SpreadMonitorTest {

    @Test
    void realBinanceQuotesHaveNoBlowOutUntilTheLastSpreadWidensTenfold() throws Exception {
        Optional<Path> file = SharedData.file("nautechsystems-nautilus_trader/btcusdt-quotes_from_parquet.csv");
        Assumptions.assumeTrue(file.isPresent(), "Binance quotes sample not found beside the repository; skipping");
        List<Quote> quotes = readQuotes(file.get());

        assertThat(SpreadMonitor.DEFAULTS.check("BTC-USDT", quotes)).isEmpty();

        Quote last = quotes.get(quotes.size() - 1);
        double mid = (last.bid() + last.ask()) / 2;
        List<Quote> widened = new ArrayList<>(quotes);
        widened.add(new Quote(last.time().plusMillis(100), mid * (1 - 0.0005), mid * (1 + 0.0005)));
        assertThat(SpreadMonitor.DEFAULTS.check("BTC-USDT", widened)).hasValueSatisfying(a ->
                assertThat(a.evidence()).startsWith("spread 10.00 bps"));
    }

    @Test
    void aCrossedQuoteIsRefused() {
        assertThatThrownBy(() -> new Quote(Instant.EPOCH, 101, 100)).hasMessageContaining("Quote.ask: 100.0 is not accepted");
    }

    private static List<Quote> readQuotes(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(","));
        int bid = header.indexOf("bid");
        int ask = header.indexOf("ask");
        int ts = header.indexOf("timestamp");
        List<Quote> quotes = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            quotes.add(new Quote(Instant.parse(c[ts]), Double.parseDouble(c[bid]), Double.parseDouble(c[ask])));
        }
        return quotes;
    }
}
