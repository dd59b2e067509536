package dev.arbiter.mlbridge.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.kb.fact.Bar;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ta4jJsonBarsTest {

    @Test
    void readsTheRealEthUsdFileAsOrderedFiveMinuteBars() {
        List<Bar> bars = EthUsdBars.load();

        assertThat(bars).hasSize(580);
        Bar first = bars.get(0);
        assertThat(first.symbol()).isEqualTo("ETH-USD");
        assertThat(first.endTime()).isEqualTo(Instant.parse("2023-03-13T18:05:00Z"));
        assertThat(first.openTime()).isEqualTo(Instant.parse("2023-03-13T18:00:00Z"));
        assertThat(first.close()).isEqualByComparingTo("1672.99");
        assertThat(bars.get(579).endTime()).isEqualTo(Instant.parse("2023-03-15T18:20:00Z"));
        assertThat(bars.get(579).close()).isEqualByComparingTo("1629.52");
    }

    @Test
    void rejectsABarWhoseCloseIsNotANumber() {
        String json = """
                {"ohlc":[{"endTime":1678730699999,"openPrice":1,"highPrice":2,"lowPrice":1,"closePrice":"x","volume":1}]}""";

        assertThatThrownBy(() -> Ta4jJsonBars.read(stream(json), "ETH-USD", Duration.ofMinutes(5)))
                .isInstanceOf(BarFileException.class)
                .hasMessageContaining("ohlc[0].closePrice")
                .hasMessageContaining("a number");
    }

    @Test
    void rejectsOutOfOrderAndDuplicateBarsNamingTheBar() {
        Bar a = bar("2023-03-13T18:00:00Z");
        Bar b = bar("2023-03-13T18:05:00Z");

        assertThatThrownBy(() -> BarSeriesCheck.requireOrderedSeries("bars", List.of(a, b, b)))
                .hasMessageContaining("bars[2].openTime")
                .hasMessageContaining("duplicate bar");
        assertThatThrownBy(() -> BarSeriesCheck.requireOrderedSeries("bars", List.of(b, a)))
                .hasMessageContaining("bars[1].openTime")
                .hasMessageContaining("time order");
    }

    private static Bar bar(String openTime) {
        BigDecimal price = new BigDecimal("100");
        return new Bar("ETH-USD", Instant.parse(openTime), Duration.ofMinutes(5), price, price, price, price,
                BigDecimal.ONE);
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
