package dev.arbiter.engine.service;

import dev.arbiter.engine.models.ModelLifecycle;
import dev.arbiter.engine.models.QualityBar;
import dev.arbiter.engine.service.store.AuditLog;
import dev.arbiter.engine.service.store.ModelCandidateTable;
import dev.arbiter.mlbridge.model.ModelRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The model lifecycle over the service's model registry, store and audit chain, with the configured quality bar. */
@Configuration(proxyBeanMethods = false)
class ModelLifecycleConfiguration {

    @Bean
    ModelCandidateTable modelCandidateTable(JdbcTemplate jdbc, AuditLog audit) {
        return new ModelCandidateTable(jdbc, audit);
    }

    /** The bar a model's validation must clear before it may be approved ({@code arbiter.models.quality-bar.*}). */
    @Bean
    QualityBar qualityBar(@Value("${arbiter.models.quality-bar.min-accuracy-lift:0.0}") double minAccuracyLift,
                          @Value("${arbiter.models.quality-bar.max-log-loss:0.6931}") double maxLogLoss,
                          @Value("${arbiter.models.quality-bar.min-auc:0.52}") double minAuc,
                          @Value("${arbiter.models.quality-bar.max-fold-spread:0.05}") double maxFoldSpread,
                          @Value("${arbiter.models.quality-bar.max-calibration-error:0.05}") double maxCalibrationError,
                          @Value("${arbiter.models.quality-bar.min-samples:1000}") int minSamples) {
        return new QualityBar(minAccuracyLift, maxLogLoss, minAuc, maxFoldSpread, maxCalibrationError, minSamples);
    }

    /** After a restart the models last activated are active again: they are read from the store. */
    @Bean
    ModelLifecycle modelLifecycle(ModelRegistry registry, ModelCandidateTable candidates, QualityBar bar, Clock clock) {
        return new ModelLifecycle(registry, candidates, bar, clock);
    }
}
