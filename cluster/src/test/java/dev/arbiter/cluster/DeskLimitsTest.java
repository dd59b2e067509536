package dev.arbiter.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.cluster.core.DeskLimits;
import dev.arbiter.rules.pack.LimitSet;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The desk's limits file: read when valid, refused in our words, naming the field and what is accepted, when not; and
 * each account decided with its leases as its own limits.
 */
class DeskLimitsTest {

    @Test
    void readsLeasesAndRefusesWhatCannotHold() {
        DeskLimits limits = DeskLimits.fromJson("""
                {"grossExposure": {"limit": 30000, "leases": {"desk-a": 7500}},
                 "venueExposure": {"limit": 20000, "leases": {"desk-a": 5000, "desk-b": 15000}}}""");
        assertThat(limits.grossExposure().lease("desk-a")).isEqualByComparingTo("7500");
        assertThat(limits.grossExposure().lease("desk-x")).as("an unlisted account has no lease")
                .isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(limits.venueExposure().lease("desk-b")).isEqualByComparingTo("15000");

        assertRefused("{\"grossExposure\": {\"limit\": 10000, \"leases\": {\"a\": 7500, \"b\": 7500}}}",
                "grossExposure.leases: they add up to 15000, more than the desk's limit of 10000");
        assertRefused("{\"venueExposure\": {\"limit\": 10000, \"leases\": {\"a\": 7500, \"b\": 7500}}}",
                "venueExposure.leases: they add up to 15000, more than the desk's limit of 10000");
        assertRefused("{\"grossExposure\": {\"limit\": -5, \"leases\": {}}}", "grossExposure.limit: -5 is not accepted");
        assertRefused("{\"venueExposure\": {\"leases\": {}}}", "venueExposure.limit: nothing is not accepted");
        assertRefused("{\"grossExposure\": {\"limit\": 100}}", "grossExposure.leases: nothing is not accepted");
        assertRefused("{\"grossExposure\": {\"limit\": 100, \"leases\": {\"a\": -1}}}",
                "grossExposure.leases.a: -1 is not accepted");
        assertRefused("{}", "grossExposure, venueExposure: neither is given");
        assertRefused("{\"grossExposure\": {\"limit\": 100, \"leases\": {}}, \"venues\": {}}", "venues");
        assertRefused("{\"grossExposure\": {\"limit\": \"lots\", \"leases\": {}}}", "limit");
        assertRefused("{\"grossExposure\": 100, ", "not accepted");
    }

    @Test
    void anAccountIsDecidedWithItsLeasesOrThePacksOwnLimitsWhereLower() {
        LimitSet pack = LimitSet.shippedDefault(); // max-gross-exposure 25000, max-venue-exposure 22500
        DeskLimits desk = DeskLimits.fromJson("""
                {"grossExposure": {"limit": 60000, "leases": {"desk-a": 7500, "desk-b": 40000}},
                 "venueExposure": {"limit": 40000, "leases": {"desk-a": 5000, "desk-b": 30000}}}""");

        LimitSet a = desk.leased(pack, "desk-a");
        assertThat(a.require("max-gross-exposure")).isEqualByComparingTo("7500");
        assertThat(a.require("max-venue-exposure")).isEqualByComparingTo("5000");
        LimitSet b = desk.leased(pack, "desk-b");
        assertThat(b.require("max-gross-exposure")).as("the pack's own is lower").isEqualByComparingTo("25000");
        assertThat(b.require("max-venue-exposure")).as("the pack's own is lower").isEqualByComparingTo("22500");
        LimitSet x = desk.leased(pack, "desk-x");
        assertThat(x.require("max-gross-exposure")).as("no lease, no exposure").isEqualByComparingTo("0");
        assertThat(x.require("max-venue-exposure")).isEqualByComparingTo("0");

        LimitSet withoutVenueLimit = DeskLimits.fromJson("{\"venueExposure\": {\"limit\": 100, \"leases\": {\"a\": 60}}}")
                .leased(new LimitSet("pack", "v", Map.of("max-gross-exposure", new BigDecimal("1000"))), "a");
        assertThat(withoutVenueLimit.require("max-venue-exposure")).as("a pack without its own takes the lease")
                .isEqualByComparingTo("60");
        assertThat(withoutVenueLimit.require("max-gross-exposure")).as("no desk gross budget: the pack's own")
                .isEqualByComparingTo("1000");
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> DeskLimits.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("jackson")
                        .doesNotContain("dev.arbiter"));
    }
}
