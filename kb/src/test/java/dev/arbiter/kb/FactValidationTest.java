package dev.arbiter.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.Limit;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Prediction;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.outcome.Cap;
import dev.arbiter.kb.outcome.Halt;
import dev.arbiter.kb.outcome.HaltScope;
import dev.arbiter.kb.outcome.Layer;
import dev.arbiter.kb.outcome.Reason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Invalid facts cannot be constructed, and the error names the fact, the field, the value and what is accepted. */
class FactValidationTest {

    private static final Instant T = Instant.parse("2023-03-15T13:30:00Z");
    private static final BigDecimal P = new BigDecimal("1692.84");

    @Test
    void barRefusesNegativePriceAndInconsistentRange() {
        refused(() -> bar("-1", "1700", "1690", "1695"), "Bar.open: -1 is not accepted; expected a number > 0");
        refused(() -> bar("1692", "1690", "1700", "1695"), "Bar.high: 1690 is not accepted; expected a price >= low (1700)");
        refused(() -> bar("1692", "1700", "1690", "1701"),
                "Bar.close: 1701 is not accepted; expected a price between low (1690) and high (1700)");
        refused(() -> new Bar("ETH-USD", T, Duration.ZERO, P, P, P, P, BigDecimal.ONE),
                "Bar.period: PT0S is not accepted; expected a positive duration such as PT5M");
        assertThat(bar("1692", "1700", "1690", "1695").endTime()).isEqualTo(T.plusSeconds(300));
    }

    @Test
    void indicatorAndPredictionRefuseNaNAndOutOfRange() {
        refused(() -> new IndicatorValue("ETH-USD", "rsi_14", T, Double.NaN),
                "IndicatorValue.value: NaN is not accepted; expected a finite number");
        refused(() -> new Prediction("ETH-USD", "gbm", "1", T, 0.5, 0.0, 1.2),
                "Prediction.confidence: 1.2 is not accepted; expected a number between 0 and 1");
        refused(() -> new Prediction("ETH-USD", "gbm", "1", T, 0.5, Double.POSITIVE_INFINITY, 0.5),
                "Prediction.expectedReturn: Infinity is not accepted; expected a finite number");
        assertThat(new Prediction("ETH-USD", "gbm", "1", T, 0.4, -0.002, 0.2).expectedReturn()).isEqualTo(-0.002);
    }

    @Test
    void intentRefusesNegativeQuantityAndUnknownSymbolCharacters() {
        refused(() -> new OrderIntent("i-1", "acct-1", "ETH-USD", Side.BUY, new BigDecimal("-2"), P, null, "s", 0.5),
                "OrderIntent.quantity: -2 is not accepted; expected a number > 0");
        refused(() -> new OrderIntent("i-1", "acct-1", "ETH USD", Side.BUY, BigDecimal.ONE, P, null, "s", 0.5),
                "OrderIntent.symbol: 'ETH USD' is not accepted");
        refused(() -> new OrderIntent("i-1", "acct-1", "ETH-USD", null, BigDecimal.ONE, P, null, "s", 0.5),
                "OrderIntent.side: null is not accepted; expected a value (the field is required)");
    }

    @Test
    void unknownEnumValueNamesTheAcceptedOnes() {
        refused(() -> Require.oneOf("OrderIntent", "side", Side.class, "LONG"),
                "OrderIntent.side: 'LONG' is not accepted; expected one of [BUY, SELL]");
        refused(() -> Layer.fromCode("L9"), "Reason.layer: 'L9' is not accepted; expected one of STRATEGY, L1, L2");
        assertThat(Require.oneOf("Account", "state", TradingState.class, "REDUCING")).isEqualTo(TradingState.REDUCING);
    }

    @Test
    void accountInstrumentLimitAndOutcomesCheckTheirInvariants() {
        refused(() -> new Account("acct-1", new BigDecimal("100"), BigDecimal.ZERO, new BigDecimal("90"), BigDecimal.ZERO,
                TradingState.ACTIVE), "Account.highWaterMark: 90 is not accepted; expected a number >= equity (100)");
        refused(() -> new Instrument("ETH-USD", "v", "c", new BigDecimal("0.01"), BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.TEN),
                "Instrument.lotSize: 0 is not accepted; expected a number > 0");
        refused(() -> new Limit("Max Qty", BigDecimal.ONE), "Limit.name: 'Max Qty' is not accepted");
        refused(() -> new Reason("r", "not a code", Layer.L1, "", "m"), "Reason.code: 'not a code' is not accepted");
        Reason reason = new Reason("r", "L1-X", Layer.L1, "", "m");
        refused(() -> new Cap("p", new BigDecimal("-1"), reason), "Cap.maxQuantity: -1 is not accepted; expected a number >= 0");
        refused(() -> new Halt(HaltScope.GLOBAL, "acct-1", reason), "Halt.target: 'acct-1' is not accepted; expected '*' for a GLOBAL halt");
        refused(() -> new Proposal("p", "a", "ETH-USD", Side.BUY, BigDecimal.ONE, P, 1.5, "o"),
                "Proposal.conviction: 1.5 is not accepted; expected a number between 0 and 1");
    }

    @Test
    void theExceptionCarriesItsPartsForApiErrors() {
        InvalidFactException e = new InvalidFactException("Bar", "close", new BigDecimal("-3"), "a number > 0");

        assertThat(e.fact()).isEqualTo("Bar");
        assertThat(e.field()).isEqualTo("close");
        assertThat(e.value()).isEqualTo("-3");
        assertThat(e.accepted()).isEqualTo("a number > 0");
    }

    private static Bar bar(String open, String high, String low, String close) {
        return new Bar("ETH-USD", T, Duration.ofMinutes(5), new BigDecimal(open), new BigDecimal(high), new BigDecimal(low),
                new BigDecimal(close), BigDecimal.ONE);
    }

    private static void refused(ThrowingCallable construction, String message) {
        assertThatThrownBy(construction).isInstanceOf(InvalidFactException.class).hasMessageStartingWith(message);
    }
}
