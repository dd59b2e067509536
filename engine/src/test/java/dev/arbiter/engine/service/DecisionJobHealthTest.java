package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** In gateway mode the service is not healthy while the Kafka brokers cannot be reached: nothing could reach the job. */
class DecisionJobHealthTest {

    @Test
    void isDownWhileNoBrokerAnswers() {
        // nothing listens on port 1 of this machine
        ClusterSettings settings = ClusterSettings.of("127.0.0.1:1", "", "", "", "", "PT5S").orElseThrow();
        try (DecisionJobHealth health = new DecisionJobHealth(settings)) {
            Health answer = health.health();

            assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
            assertThat(answer.getDetails().get("reason").toString())
                    .contains("127.0.0.1:1").contains("arbiter.decisions").doesNotContain("Exception");
        }
    }
}
