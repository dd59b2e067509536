package dev.arbiter.mlbridge.marketdata;

import dev.arbiter.kb.fact.Bar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/** The real ETH-USD 5-minute bars (Binance.US, 2023-03-13..15) shipped inside org.ta4j:ta4j-examples. */
public final class EthUsdBars {

    public static final String RESOURCE = "/ETH-USD-PT5M-2023-3-13_2023-3-15.json";

    private EthUsdBars() {
    }

    public static List<Bar> load() {
        try (InputStream in = EthUsdBars.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path (org.ta4j:ta4j-examples)");
            }
            return Ta4jJsonBars.read(in, "ETH-USD", Duration.ofMinutes(5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
