package dev.arbiter.engine.service;

import dev.arbiter.engine.stream.Topics;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the decision job runs, for the service in gateway mode: the Kafka bootstrap servers and topics it shares with
 * the job, and how long a request waits for the job's answer. Validated at start-up; an empty bootstrap means no
 * gateway (the embedded single-process mode).
 *
 * @param answerTimeout how long a request waits for its answer before the client is told to try again
 */
record ClusterSettings(Topics topics, Duration answerTimeout) {

    /** How many answer timeouts a published request's answer is still awaited for after its client was answered. */
    static final int LATE_ANSWER_TIMEOUTS = 10;

    ClusterSettings {
        Objects.requireNonNull(topics, "topics");
        if (answerTimeout == null || answerTimeout.isNegative() || answerTimeout.isZero()) {
            throw new IllegalArgumentException("arbiter.cluster.answer-timeout: " + answerTimeout
                    + " is not accepted; expected a positive duration, e.g. PT30S");
        }
    }

    /**
     * The settings from the service's properties, or none for an empty bootstrap.
     *
     * @throws IllegalArgumentException naming the property, its value and what is accepted
     */
    static Optional<ClusterSettings> of(String bootstrap, String inputs, String desk, String market, String decisions,
                                        String answerTimeout) {
        if (bootstrap == null || bootstrap.isBlank()) {
            return Optional.empty();
        }
        Topics defaults = Topics.defaults(bootstrap.strip());
        Topics topics = new Topics(defaults.bootstrap(), topic("inputs", inputs, defaults.inputs()),
                topic("desk", desk, defaults.desk()), topic("market", market, defaults.market()),
                topic("decisions", decisions, defaults.decisions()), defaults.transactionPrefix());
        if (Stream.of(topics.inputs(), topics.desk(), topics.market(), topics.decisions()).distinct()
                .count() < 4) {
            throw new IllegalArgumentException("arbiter.cluster.topics: inputs '" + topics.inputs() + "', desk '"
                    + topics.desk() + "', market '" + topics.market() + "' and decisions '" + topics.decisions()
                    + "' are not accepted; expected four different topics");
        }
        return Optional.of(new ClusterSettings(topics, duration(answerTimeout)));
    }

    /** How long a request's answer is still taken after its client was told there was none in time. */
    Duration lateAnswerWindow() {
        return answerTimeout.multipliedBy(LATE_ANSWER_TIMEOUTS);
    }

    private static String topic(String name, String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String topic = value.strip();
        // Kafka's own rule for topic names
        if (topic.length() > 249 || !topic.matches("[a-zA-Z0-9._-]+") || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException("arbiter.cluster.topics." + name + ": '" + value + "' is not accepted;"
                    + " expected a Kafka topic name: 1 to 249 letters, digits, '.', '_' or '-'");
        }
        return topic;
    }

    private static Duration duration(String value) {
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("arbiter.cluster.answer-timeout: '" + value + "' is not accepted;"
                    + " expected an ISO-8601 duration, e.g. PT30S");
        }
    }
}
