package dev.arbiter.engine.service;

import dev.arbiter.engine.json.ArbiterJson;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring's JSON mapper with Arbiter's settings, so that what the controllers return as records and maps (an account's
 * view, a batch's answer) reads like the decisions and traces: amounts as plain decimals ({@code 100000}, never
 * {@code 1E+5}), times in ISO-8601.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer arbiterJson() {
        return ArbiterJson::configure;
    }
}
