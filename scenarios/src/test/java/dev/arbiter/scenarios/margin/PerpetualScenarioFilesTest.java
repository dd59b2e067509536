package dev.arbiter.scenarios.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.scenarios.spec.InvalidScenarioException;
import dev.arbiter.scenarios.spec.ScenarioFiles;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a scenario file may say about perpetuals, and the errors a bad one gets. */
class PerpetualScenarioFilesTest {

    private static final String PERP = """
            name: perp
            market:
              - symbol: BTC-USDT-PERP
                period: PT1H
                generate: {start: "2024-01-01T00:00:00Z", bars: 50, price: 40000, seed: 1}
            """;

    @TempDir
    Path folder;

    @Test
    void readsFundingAndTheMakerAndTakerRates() {
        ScenarioSpec spec = ScenarioFiles.parse(PERP + """
                    funding: "rates.csv"
                fills: {feeRate: 0.001, makerFeeRate: 0.0001, takerFeeRate: 0.0004}
                clients: [{name: no-stop, notional: 1000, stopFraction: none}]
                """, folder);
        assertThat(spec.market().get(0).funding()).isEqualTo("rates.csv");
        assertThat(spec.fills().feeRate()).isEqualTo(0.001);
        assertThat(spec.fills().makerFeeRate()).isEqualTo(0.0001);
        assertThat(spec.fills().takerFeeRate()).isEqualTo(0.0004);
        assertThat(spec.clients().get(0).stopFraction()).isEmpty();
        assertThat(Contracts.of(spec.market(), spec.rules().instruments()).perpetual("BTC-USDT-PERP")).isTrue();
    }

    @Test
    void refusesAPerpetualWithoutFunding() {
        assertThatThrownBy(() -> ScenarioFiles.parse(PERP, folder))
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.field()).isEqualTo("market[0].funding"))
                .hasMessageContaining("BTC-USDT-PERP, a linear perpetual")
                .hasMessageContaining("funding-rate file");
    }

    @Test
    void refusesFundingOnASpotInstrument() {
        assertThatThrownBy(() -> ScenarioFiles.parse("""
                name: spot
                market:
                  - symbol: BTC-USDT
                    period: PT1H
                    generate: {bars: 50}
                    funding: "data:roshan7869-algotrading/futures/BTC_USDT_USDT-funding_rate.csv"
                """, folder))
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.field()).isEqualTo("market[0].funding"))
                .hasMessageContaining("BTC-USDT, a spot instrument")
                .hasMessageContaining("[BTC-USDT-PERP, ETH-USDT-PERP, XRP-USDT-PERP]");
    }

    @Test
    void refusesANegativeFee() {
        assertThatThrownBy(() -> ScenarioFiles.parse(PERP + """
                    funding: "rates.csv"
                fills: {takerFeeRate: -0.0005}
                """, folder))
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.field()).isEqualTo("fills.takerFeeRate"))
                .hasMessageContaining("-0.0005")
                .hasMessageContaining("[0");
    }

    @Test
    void refusesAnUnknownFundingFile() {
        assertThatThrownBy(() -> FundingFiles.load("BTC-USDT-PERP", "no-such-rates.csv", "market[0].funding", folder,
                Optional.empty(), Duration.ofHours(8), Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-01-03T00:00:00Z")))
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.field()).isEqualTo("market[0].funding"))
                .hasMessageContaining("'no-such-rates.csv' (no such file)")
                .hasMessageContaining("e.g. data:roshan7869-algotrading/futures/BTC_USDT_USDT-funding_rate.csv");
    }

    @Test
    void refusesAFundingFileThatDoesNotCoverTheRun() throws Exception {
        java.nio.file.Files.writeString(folder.resolve("short.csv"), """
                date,open,high,low,close,volume
                2024-01-01T00:00:00Z,0.0001,0,0,0,0
                2024-01-01T08:00:00Z,0.0001,0,0,0,0
                """);
        assertThatThrownBy(() -> FundingFiles.load("BTC-USDT-PERP", "short.csv", "market[0].funding", folder,
                Optional.empty(), Duration.ofHours(8), Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-01-03T00:00:00Z")))
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.field()).isEqualTo("market[0].funding"))
                .hasMessageContaining("2024-01-01T00:00:00Z .. 2024-01-01T08:00:00Z")
                .hasMessageContaining("a rate every 8 h over the run");
    }
}
