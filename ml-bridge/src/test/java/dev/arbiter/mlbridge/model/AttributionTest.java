package dev.arbiter.mlbridge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arbiter.mlbridge.features.FeatureSets;
import dev.arbiter.mlbridge.marketdata.EthUsdBars;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Attributions on real ETH-USD 5-minute bars: for every row of the data, the contributions and the base value sum
 * to the model's own log-odds of an up move (taken from its probability, not from the attribution), and the base
 * is one number for the model, whatever the row.
 */
class AttributionTest {

    private static final Dataset DATA = DatasetBuilder.build(EthUsdBars.load(), FeatureSets.builtIn().get("model"),
            new ForwardReturnLabel(6));

    @Test
    void logisticRegressionContributionsAreExactAndSumToTheLogOdds() {
        ProbabilityModel model = Algorithm.LOGIT.fit(DATA.x(), DATA.y(), DATA.features(), 7);

        holdsOnEveryRow(model);
    }

    @Test
    void gradientBoostedTreesTreeShapSumsToTheLogOdds() {
        ProbabilityModel model = Algorithm.GBT.fit(DATA.x(), DATA.y(), DATA.features(), 7);

        holdsOnEveryRow(model);
    }

    @Test
    void theFeaturesThatMovedTheModelMostComeFirst() {
        ProbabilityModel model = Algorithm.LOGIT.fit(DATA.x(), DATA.y(), DATA.features(), 7);
        Attribution attribution = model.attribution(DATA.x()[0], DATA.features()).orElseThrow();

        List<Attribution.Contribution> top = attribution.largest(3);

        assertThat(top).hasSize(3);
        double third = Math.abs(top.get(2).contribution());
        assertThat(attribution.contributions()).filteredOn(c -> !top.contains(c))
                .allSatisfy(c -> assertThat(Math.abs(c.contribution())).isLessThanOrEqualTo(third));
        assertThat(top.get(0).value()).isEqualTo(DATA.x()[0][DATA.features().indexOf(top.get(0).feature())]);
    }

    @Test
    void baselinesAndForestsGiveNone() {
        assertThat(Algorithm.MAJORITY.fit(DATA.x(), DATA.y(), DATA.features(), 7).attribution(DATA.x()[0], DATA.features()))
                .isEmpty();
        assertThat(Algorithm.RF.fit(DATA.x(), DATA.y(), DATA.features(), 7).attribution(DATA.x()[0], DATA.features()))
                .isEmpty();
    }

    private static void holdsOnEveryRow(ProbabilityModel model) {
        double base = Double.NaN;
        assertThat(DATA.size()).isGreaterThan(400);
        for (double[] row : DATA.x()) {
            Attribution attribution = model.attribution(row, DATA.features()).orElseThrow();
            double logOdds = Math.log(model.probabilityUp(row) / (1 - model.probabilityUp(row)));
            double sum = attribution.baseValue()
                    + attribution.contributions().stream().mapToDouble(Attribution.Contribution::contribution).sum();

            assertThat(attribution.output()).isCloseTo(logOdds, within(1e-9));
            assertThat(sum).as("base + contributions, row %s", Arrays.toString(row)).isCloseTo(logOdds, within(1e-9));
            assertThat(attribution.contributions()).extracting(Attribution.Contribution::feature)
                    .containsExactlyElementsOf(DATA.features());
            if (Double.isNaN(base)) {
                base = attribution.baseValue();
            }
            assertThat(attribution.baseValue()).as("the base is the model's, not the row's").isCloseTo(base, within(1e-9));
        }
        assertThat(Math.abs(base)).isLessThan(5);
    }
}
