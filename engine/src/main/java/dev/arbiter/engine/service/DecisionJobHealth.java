package dev.arbiter.engine.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Gateway mode's part of the service's health: up while the Kafka brokers answer and hold the decision job's topics,
 * down otherwise, so that a load balancer or an orchestrator stops sending requests a gateway could only answer with
 * 503. It asks the brokers each time it is asked, within {@link #WITHIN}.
 */
final class DecisionJobHealth implements HealthIndicator, AutoCloseable {

    /** How long the brokers have to answer a health check. */
    static final Duration WITHIN = Duration.ofSeconds(2);

    private final ClusterSettings settings;
    private final Admin admin;

    DecisionJobHealth(ClusterSettings settings) {
        this.settings = settings;
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.topics().bootstrap());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "arbiter-gateway-health");
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) WITHIN.toMillis());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WITHIN.toMillis());
        this.admin = Admin.create(properties);
    }

    @Override
    public Health health() {
        String bootstrap = settings.topics().bootstrap();
        List<String> topics = List.of(settings.topics().inputs(), settings.topics().desk(), settings.topics().market(),
                settings.topics().decisions());
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) WITHIN.toMillis()))
                    .nodes().get(WITHIN.toMillis(), TimeUnit.MILLISECONDS).size();
            admin.describeTopics(topics, new DescribeTopicsOptions().timeoutMs((int) WITHIN.toMillis()))
                    .allTopicNames().get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            return Health.up().withDetails(Map.of("brokers", brokers, "bootstrap", bootstrap, "topics", topics)).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(bootstrap, topics);
        } catch (Exception e) {
            return down(bootstrap, topics);
        }
    }

    private static Health down(String bootstrap, List<String> topics) {
        return Health.down().withDetail("reason", "the Kafka brokers at " + bootstrap + " did not answer within "
                + WITHIN.toSeconds() + " s, or do not hold the decision job's topics " + topics
                + ": decisions and account events cannot reach the job").build();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
