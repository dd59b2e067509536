package dev.arbiter.mlbridge.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.features.FeatureSets;
import dev.arbiter.mlbridge.marketdata.EthUsdBars;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardTest {

    private final List<Bar> bars = EthUsdBars.load();
    private final Dataset data = DatasetBuilder.build(bars, FeatureSets.builtIn().get("model"), new ForwardReturnLabel(6));

    @Test
    void theDatasetHasASampleWhereEveryFeatureIsWarmAndTheLabelIsKnown() {
        assertThat(data.size()).isBetween(450, 530);
        int last = data.barIndex()[data.size() - 1];
        assertThat(last).isEqualTo(bars.size() - 1 - 6);
        int i = 100;
        double close = bars.get(data.barIndex()[i]).close().doubleValue();
        double later = bars.get(data.barIndex()[i] + 6).close().doubleValue();
        assertThat(data.y()[i]).isEqualTo(later > close ? 1 : 0);
        assertThat(data.dataSha256()).hasSize(64).isEqualTo(DatasetBuilder.sha256(bars));
    }

    @Test
    void noTrainingLabelReachesItsTestWindowAndTheEmbargoHolds() {
        WalkForward walkForward = new WalkForward(4, 150, 1000, 12);

        List<WalkForward.Split> splits = walkForward.splits(data);

        assertThat(splits).hasSize(4);
        for (WalkForward.Split split : splits) {
            int testStartBar = data.barIndex()[split.test()[0]];
            assertThat(split.train()).isNotEmpty();
            for (int row : split.train()) {
                assertThat(data.barIndex()[row] + data.label().horizon()).isLessThan(testStartBar - 12);
            }
            assertThat(split.test()).doesNotContain(split.train());
        }
        assertThat(splits.get(3).test()[splits.get(3).test().length - 1]).isEqualTo(data.size() - 1);
    }

    @Test
    void theSameSeedGivesTheSameProbabilitiesAndEveryModelIsScored() {
        WalkForward walkForward = new WalkForward(3, 200, 1000, 6);
        List<Algorithm> all = List.of(Algorithm.values());

        WalkForwardEvaluation.Report a = WalkForwardEvaluation.run(data, walkForward, all, 42);
        WalkForwardEvaluation.Report b = WalkForwardEvaluation.run(data, walkForward, all, 42);

        assertThat(a.results()).extracting(r -> r.pooled()).isEqualTo(b.results().stream().map(r -> r.pooled()).toList());
        assertThat(a.results()).allSatisfy(r -> {
            assertThat(r.pooled().accuracy()).isBetween(0.0, 1.0);
            assertThat(r.pooled().logLoss()).isPositive();
        });
        assertThat(a.toMarkdown()).contains("| gbt |").contains("| majority |").contains("| previous-return-sign |");
    }
}
