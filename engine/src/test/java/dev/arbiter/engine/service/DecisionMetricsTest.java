package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.ModelHealth;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class DecisionMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DecisionMetrics metrics = new DecisionMetrics(registry);

    @Test
    void eachModelVersionHasItsLatestVerdictAsAGaugeAndItsVerdictsCounted() {
        metrics.judged(new ModelHealth("logit-eth-5m", "1", false, false, "OK: max PSI 0.04"));
        metrics.judged(new ModelHealth("logit-eth-5m", "1", true, false, "DRIFTED: max PSI 0.31"));
        metrics.judged(new ModelHealth("gbm-btc-1h", "3", false, true, "STALE: training data ends 2020-12-31"));

        assertThat(health("logit-eth-5m", "1")).isEqualTo(DecisionMetrics.MODEL_DRIFTED);
        assertThat(health("gbm-btc-1h", "3")).isEqualTo(DecisionMetrics.MODEL_STALE);
        assertThat(registry.get("arbiter.model.verdicts").tag("model", "logit-eth-5m").tag("status", "OK").counter()
                .count()).isEqualTo(1);
        assertThat(registry.get("arbiter.model.verdicts").tag("model", "logit-eth-5m").tag("status", "DRIFTED")
                .counter().count()).isEqualTo(1);

        metrics.judged(new ModelHealth("logit-eth-5m", "1", false, false, "OK: max PSI 0.05"));

        assertThat(health("logit-eth-5m", "1")).isEqualTo(DecisionMetrics.MODEL_OK);
        assertThat(registry.get("arbiter.model.health").gauges()).hasSize(2);
    }

    private double health(String model, String version) {
        return registry.get("arbiter.model.health").tag("model", model).tag("version", version).gauge().value();
    }
}
