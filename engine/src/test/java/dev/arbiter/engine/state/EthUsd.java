package dev.arbiter.engine.state;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.mlbridge.marketdata.Ta4jJsonBars;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Real ETH-USD 5-minute bars (13–15 March 2023, from ta4j's examples) and the instrument's terms, for state tests. */
final class EthUsd {

    static final Instrument INSTRUMENT = new Instrument("ETH-USD", "binance-us", "majors", new BigDecimal("0.01"),
            new BigDecimal("0.01"), BigDecimal.TEN, new BigDecimal("1000000"));

    static final Function<String, Optional<Instrument>> LISTED =
            symbol -> symbol.equals(INSTRUMENT.symbol()) ? Optional.of(INSTRUMENT) : Optional.empty();

    private EthUsd() {
    }

    static List<Bar> bars() {
        try (InputStream in = EthUsd.class.getResourceAsStream("/ETH-USD-PT5M-2023-3-13_2023-3-15.json")) {
            return Ta4jJsonBars.read(in, "ETH-USD", Duration.ofMinutes(5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bars that ended at or before {@code time}. */
    static List<Bar> barsUntil(Instant time) {
        return bars().stream().filter(b -> !b.endTime().isAfter(time)).toList();
    }
}
