package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionPipeline;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java pipeline and the decision store into the service. */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    @Bean(destroyMethod = "close")
    DecisionPipeline decisionPipeline() {
        return DecisionPipeline.withShippedDefaults();
    }

    @Bean
    DecisionStore decisionStore(@Value("${arbiter.decisions.retained:10000}") int retained) {
        return new DecisionStore(retained);
    }
}
