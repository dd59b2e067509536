package dev.arbiter.mlbridge.features;

import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.num.Num;

/** A yes/no ta4j indicator (a candle pattern, a trend flag) as a number: 1 when true, 0 when false. */
final class BooleanFlag extends CachedIndicator<Num> {

    private final Indicator<Boolean> flag;

    BooleanFlag(Indicator<Boolean> flag) {
        super(flag);
        this.flag = flag;
    }

    @Override
    protected Num calculate(int index) {
        return Boolean.TRUE.equals(flag.getValue(index)) ? getBarSeries().numFactory().one() : getBarSeries().numFactory().zero();
    }

    @Override
    public int getCountOfUnstableBars() {
        return flag.getCountOfUnstableBars();
    }
}
