package dev.arbiter.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.engine.stream.Topics;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterSettingsTest {

    @Test
    void staysEmbeddedWithoutABootstrap() {
        assertThat(ClusterSettings.of("", null, null, null, null, "PT30S")).isEmpty();
        assertThat(ClusterSettings.of("  ", "x", "y", "m", "z", "nonsense")).isEmpty();
    }

    @Test
    void takesTheJobsTopicsUnlessNamed() {
        ClusterSettings settings = ClusterSettings.of(" broker:9092 ", "", null, null, "answers", "PT5S").orElseThrow();

        assertThat(settings.topics()).isEqualTo(new Topics("broker:9092", "arbiter.inputs", "arbiter.desk", "arbiter.market", "answers",
                "arbiter-decisions"));
        assertThat(settings.answerTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.lateAnswerWindow()).isEqualTo(Duration.ofSeconds(50));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "in puts   | arbiter.desk | arbiter.decisions | PT30S | arbiter.cluster.topics.inputs: 'in puts' is not accepted; expected a Kafka topic name",
            "same      | arbiter.desk | same              | PT30S | arbiter.cluster.topics: inputs 'same', desk 'arbiter.desk', market 'arbiter.market' and decisions 'same' are not accepted; expected four different topics",
            "arbiter.i | arbiter.desk | arbiter.decisions | 30s   | arbiter.cluster.answer-timeout: '30s' is not accepted; expected an ISO-8601 duration, e.g. PT30S",
            "arbiter.i | arbiter.desk | arbiter.decisions | PT0S  | arbiter.cluster.answer-timeout: PT0S is not accepted; expected a positive duration, e.g. PT30S",
            "arbiter.i | arbiter.desk | arbiter.decisions | -PT1S | arbiter.cluster.answer-timeout: PT-1S is not accepted; expected a positive duration, e.g. PT30S"})
    void refusesSettingsNamingThePropertyAndWhatIsAccepted(String inputs, String desk, String decisions,
                                                            String timeout, String message) {
        assertThatThrownBy(() -> ClusterSettings.of("broker:9092", inputs, desk, null, decisions, timeout))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }
}
