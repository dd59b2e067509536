package dev.arbiter.engine.service;

import dev.arbiter.engine.service.store.DecisionRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gateway mode, when {@code arbiter.cluster.bootstrap} names Kafka brokers: decisions and account events go to the
 * decision job and are answered from its decisions topic ({@link ClusterGateway}); endpoints marked
 * {@link EmbeddedOnly} answer 409. Without a bootstrap none of this exists and the service decides in process.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ClusterConfiguration.GatewayMode.class)
class ClusterConfiguration {

    /** Whether a Kafka bootstrap is configured. */
    static final class GatewayMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().getProperty("arbiter.cluster.bootstrap", "").isBlank();
        }
    }

    /**
     * The job's topics ({@code arbiter.cluster.topics.inputs}, {@code .desk}, {@code .market}, {@code .decisions}; the job's defaults
     * when unset) and how long a request waits for its answer ({@code arbiter.cluster.answer-timeout}).
     */
    @Bean
    ClusterSettings clusterSettings(@Value("${arbiter.cluster.bootstrap}") String bootstrap,
                                    @Value("${arbiter.cluster.topics.inputs:}") String inputs,
                                    @Value("${arbiter.cluster.topics.desk:}") String desk,
                                    @Value("${arbiter.cluster.topics.market:}") String market,
                                    @Value("${arbiter.cluster.topics.decisions:}") String decisions,
                                    @Value("${arbiter.cluster.answer-timeout:PT30S}") String answerTimeout) {
        return ClusterSettings.of(bootstrap, inputs, desk, market, decisions, answerTimeout).orElseThrow();
    }

    /** The link to the job, with a gauge of the answers awaited ({@code arbiter_cluster_answers_awaited}). */
    @Bean(destroyMethod = "close")
    ClusterGateway clusterGateway(ClusterSettings settings, MeterRegistry registry) {
        ClusterGateway gateway = ClusterGateway.start(settings);
        Gauge.builder("arbiter.cluster.answers.awaited", gateway, ClusterGateway::waiting)
                .description("inputs published to the decision job whose answers are awaited, late ones included")
                .register(registry);
        return gateway;
    }

    /** Down while the brokers do not answer or lack the job's topics: {@code GET /actuator/health} then says 503. */
    @Bean(destroyMethod = "close")
    DecisionJobHealth decisionJobHealth(ClusterSettings settings) {
        return new DecisionJobHealth(settings);
    }

    @Bean(destroyMethod = "close")
    ClusterDecisions clusterDecisions(ClusterGateway gateway, DecisionRepository decisions) {
        return new ClusterDecisions(gateway, decisions);
    }

    @Bean
    ClusterEvents clusterEvents(ClusterGateway gateway) {
        return new ClusterEvents(gateway);
    }

    @Bean
    WebMvcConfigurer embeddedOnlyGuard() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new EmbeddedOnlyGuard());
            }
        };
    }
}
