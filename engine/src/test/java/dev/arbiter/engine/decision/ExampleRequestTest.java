package dev.arbiter.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.marketdata.Ta4jJsonBars;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example request carries real bars: exactly bars 403..522 of ta4j's ETH-USD 5-minute file. */
class ExampleRequestTest {

    @Test
    void exampleBarsAreTheRealEthUsdBars() throws Exception {
        List<Bar> real;
        try (InputStream in = getClass().getResourceAsStream("/ETH-USD-PT5M-2023-3-13_2023-3-15.json")) {
            real = Ta4jJsonBars.read(in, "ETH-USD", Duration.ofMinutes(5));
        }

        List<Bar> example = ExampleRequests.example().marketData().get(0).toBars("marketData[0]");

        assertThat(example).hasSize(120);
        for (int i = 0; i < example.size(); i++) {
            Bar expected = real.get(403 + i);
            Bar actual = example.get(i);
            assertThat(actual.openTime()).isEqualTo(expected.openTime());
            assertThat(actual.open()).isEqualByComparingTo(expected.open());
            assertThat(actual.high()).isEqualByComparingTo(expected.high());
            assertThat(actual.low()).isEqualByComparingTo(expected.low());
            assertThat(actual.close()).isEqualByComparingTo(expected.close());
            assertThat(actual.volume()).isEqualByComparingTo(expected.volume());
        }
    }
}
