package dev.arbiter.solver;

import static dev.arbiter.solver.Fixtures.proposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationCandidateTest {

    private static final Proposal BTC = proposal("P-BTC", "BTC-USD", Side.BUY, "0.5", "60000", 0.9);

    @Test
    void rejectsANegativeMaxQuantity() {
        assertThatThrownBy(() -> candidate("-0.1", "0.01", "L1-MAX-ORDER-QTY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AllocationCandidate.maxQuantity: -0.1 is not accepted; expected a number >= 0");
    }

    @Test
    void rejectsALotSizeOfZero() {
        assertThatThrownBy(() -> candidate("0.3", "0", "L1-MAX-ORDER-QTY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AllocationCandidate.lotSize: 0 is not accepted; expected a number > 0");
    }

    @Test
    void rejectsAMaxQuantityAboveWhatTheProposalAsksFor() {
        assertThatThrownBy(() -> candidate("0.6", "0.01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AllocationCandidate.maxQuantity: 0.6 is not accepted; expected a number <= the "
                        + "proposal's quantity (0.5 for P-BTC)");
    }

    @Test
    void rejectsACapBelowTheProposalWithoutTheReasonsThatSetIt() {
        assertThatThrownBy(() -> candidate("0.3", "0.01"))
                .isInstanceOf(InvalidFactException.class)
                .hasMessage("AllocationCandidate.capReasons: [] is not accepted; expected the reason codes of the caps "
                        + "that set maxQuantity 0.3 below the proposal's quantity 0.5");
    }

    @Test
    void rejectsABlankOrMissingReasonCode() {
        List<String> withNull = new ArrayList<>(Arrays.asList("L1-MAX-ORDER-QTY", null));

        assertThatThrownBy(() -> candidate("0.3", "0.01", " "))
                .hasMessageContaining("AllocationCandidate.capReasons")
                .hasMessageEndingWith("expected a list of non-blank reason codes, e.g. [L1-MAX-ORDER-QTY]");
        assertThatThrownBy(() -> new AllocationCandidate(BTC, new BigDecimal("0.3"), new BigDecimal("0.01"), withNull))
                .hasMessageEndingWith("expected a list of non-blank reason codes, e.g. [L1-MAX-ORDER-QTY]");
    }

    @Test
    void rejectsMissingFields() {
        assertThatThrownBy(() -> new AllocationCandidate(null, BigDecimal.ONE, BigDecimal.ONE, List.of()))
                .hasMessage("AllocationCandidate.proposal: null is not accepted; expected a value (the field is required)");
        assertThatThrownBy(() -> new AllocationCandidate(BTC, new BigDecimal("0.5"), new BigDecimal("0.01"), null))
                .hasMessage("AllocationCandidate.capReasons: null is not accepted; expected a value (the field is required)");
    }

    @Test
    void acceptsTheFullProposedQuantityWithoutReasonsAndKeepsItsReasonsImmutable() {
        List<String> reasons = new ArrayList<>(List.of("L1-MAX-ORDER-QTY"));
        AllocationCandidate capped = new AllocationCandidate(BTC, new BigDecimal("0.3"), new BigDecimal("0.01"), reasons);
        reasons.add("L9-LATER");

        assertThat(AllocationCandidate.uncapped(BTC, new BigDecimal("0.01")).maxQuantity()).isEqualTo("0.5");
        assertThat(capped.capReasons()).containsExactly("L1-MAX-ORDER-QTY");
        assertThatThrownBy(() -> capped.capReasons().add("L2-OTHER")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static AllocationCandidate candidate(String maxQuantity, String lotSize, String... reasons) {
        return new AllocationCandidate(BTC, new BigDecimal(maxQuantity), new BigDecimal(lotSize), List.of(reasons));
    }
}
