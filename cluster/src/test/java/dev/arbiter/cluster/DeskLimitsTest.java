package dev.arbiter.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.cluster.core.DeskLimits;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The desk's limits file: read when valid, refused in our words, naming the field and what is accepted, when not. */
class DeskLimitsTest {

    @Test
    void readsLeasesAndRefusesWhatCannotHold() {
        DeskLimits limits = DeskLimits.fromJson("{\"grossExposure\": 30000, \"leases\": {\"desk-a\": 7500}}");
        assertThat(limits.lease("desk-a")).isEqualByComparingTo("7500");
        assertThat(limits.lease("desk-x")).as("an unlisted account has no lease").isEqualByComparingTo(BigDecimal.ZERO);

        assertRefused("{\"grossExposure\": 10000, \"leases\": {\"a\": 7500, \"b\": 7500}}",
                "leases: they add up to 15000, more than the desk's gross exposure limit of 10000");
        assertRefused("{\"grossExposure\": -5, \"leases\": {}}", "grossExposure: -5 is not accepted");
        assertRefused("{\"grossExposure\": 100, \"leases\": {\"a\": -1}}", "leases.a: -1 is not accepted");
        assertRefused("{\"grossExposure\": 100, \"leases\": {}, \"venues\": {}}", "venues");
        assertRefused("{\"grossExposure\": \"lots\", \"leases\": {}}", "grossExposure");
        assertRefused("{\"grossExposure\": 100, ", "not accepted");
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> DeskLimits.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("jackson")
                        .doesNotContain("dev.arbiter"));
    }
}
