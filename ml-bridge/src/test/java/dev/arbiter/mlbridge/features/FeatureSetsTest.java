package dev.arbiter.mlbridge.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FeatureSetsTest {

    @Test
    void theCatalogueHasMoreThanAHundredIndicatorsEachBuildableFromItsOwnColumnName() {
        assertThat(IndicatorCatalogue.all()).hasSizeGreaterThan(100);
        for (IndicatorDefinition d : IndicatorCatalogue.all()) {
            String name = d.columnName(d.defaults());
            assertThat(Feature.parse(name).name()).isEqualTo(name);
            assertThat(name).isEqualTo(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void theDefaultSetHasTheColumnsTheIssueNames() {
        assertThat(FeatureSets.builtIn().get("default").columns()).contains("sma_20", "ema_20", "rsi_14", "macd_12_26_9",
                "macdsignal_12_26_9", "macdhist_12_26_9", "bbupper_20_2", "bbmiddle_20_2", "bblower_20_2", "atr_14", "adx_14",
                "cci_20", "mfi_14", "obv", "stochk_14_3_3", "stochd_14_3_3", "willr_14", "roc_10");
    }

    @Test
    void anUnknownFeatureNameFailsTheFileNamingTheSetThePositionAndTheName() {
        String yaml = """
                fast:
                  - sma_20
                  - smaa_20
                """;

        assertThatThrownBy(() -> FeatureSets.read(stream(yaml), "my-sets.yaml"))
                .hasMessageContaining("my-sets.yaml: feature set 'fast' features[1]: feature 'smaa_20' is not accepted")
                .hasMessageContaining("'smaa' is not one of");
    }

    @Test
    void parametersAreCheckedByCountKindAndRange() {
        assertThatThrownBy(() -> Feature.parse("macd_12_26"))
                .hasMessageContaining("macd with 3 parameters [fast, slow, signal], e.g. macd_12_26_9");
        assertThatThrownBy(() -> Feature.parse("sma_2.5")).hasMessageContaining("a whole number for sma's period");
        assertThatThrownBy(() -> Feature.parse("sma_0")).hasMessageContaining("a value in [1, 1000] for sma's period");
        assertThatThrownBy(() -> Feature.parse("sma_x")).hasMessageContaining("a number for sma's period");
        assertThatThrownBy(() -> Feature.parse("sma_020")).hasMessageContaining("the canonical spelling 'sma_20'");
        assertThat(Feature.parse("bbupper_20_2.5").name()).isEqualTo("bbupper_20_2.5");
    }

    @Test
    void aSetNamesEachFeatureOnceAndAnUnknownSetListsTheKnownOnes() {
        assertThatThrownBy(() -> FeatureSets.read(stream("a: [sma_20, sma_20]"), "x.yaml"))
                .hasMessageContaining("'sma_20' is listed twice");
        assertThatThrownBy(() -> FeatureSets.builtIn().get("nope"))
                .hasMessageContaining("feature set 'nope' is not defined; expected one of [default, talib, model]");
    }

    @Test
    void docsIndicatorsMdHoldsTheCatalogueAsGenerated() throws IOException {
        Path doc = Path.of("..", "docs", "indicators.md");
        String text = Files.readString(doc);
        String generated = CatalogueTable.render();
        if (Boolean.getBoolean("arbiter.docs.write")) {
            int start = text.indexOf(CatalogueTable.START);
            int end = text.indexOf(CatalogueTable.END) + CatalogueTable.END.length() + 1;
            text = text.substring(0, start) + generated + text.substring(end);
            Files.writeString(doc, text);
        }
        assertThat(text).as("docs/indicators.md is out of date: run this test with -Darbiter.docs.write=true")
                .contains(generated);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
