package dev.arbiter.mlbridge.features;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import dev.arbiter.kb.fact.Bar;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The TA-Lib Java port's values for the columns of the {@code talib} set, aligned to bar index (NaN before TA-Lib's first value). */
final class TaLibReference {

    private final Core core = new Core();
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final int n;

    TaLibReference(List<Bar> bars) {
        n = bars.size();
        open = bars.stream().mapToDouble(b -> b.open().doubleValue()).toArray();
        high = bars.stream().mapToDouble(b -> b.high().doubleValue()).toArray();
        low = bars.stream().mapToDouble(b -> b.low().doubleValue()).toArray();
        close = bars.stream().mapToDouble(b -> b.close().doubleValue()).toArray();
        volume = bars.stream().mapToDouble(b -> b.volume().doubleValue()).toArray();
    }

    Map<String, double[]> columns() {
        Map<String, double[]> c = new LinkedHashMap<>();
        c.put("sma_20", one((b, k, o) -> core.sma(0, n - 1, close, 20, b, k, o)));
        c.put("ema_20", one((b, k, o) -> core.ema(0, n - 1, close, 20, b, k, o)));
        c.put("wma_20", one((b, k, o) -> core.wma(0, n - 1, close, 20, b, k, o)));
        c.put("rsi_14", one((b, k, o) -> core.rsi(0, n - 1, close, 14, b, k, o)));
        double[][] macd = many(3, (b, k, o) -> core.macd(0, n - 1, close, 12, 26, 9, b, k, o[0], o[1], o[2]));
        c.put("macd_12_26_9", macd[0]);
        c.put("macdsignal_12_26_9", macd[1]);
        c.put("macdhist_12_26_9", macd[2]);
        double[][] bb = many(3, (b, k, o) -> core.bbands(0, n - 1, close, 20, 2, 2, MAType.Sma, b, k, o[0], o[1], o[2]));
        c.put("bbupper_20_2", bb[0]);
        c.put("bbmiddle_20_2", bb[1]);
        c.put("bblower_20_2", bb[2]);
        c.put("atr_14", one((b, k, o) -> core.atr(0, n - 1, high, low, close, 14, b, k, o)));
        c.put("adx_14", one((b, k, o) -> core.adx(0, n - 1, high, low, close, 14, b, k, o)));
        c.put("cci_20", one((b, k, o) -> core.cci(0, n - 1, high, low, close, 20, b, k, o)));
        c.put("mfi_14", one((b, k, o) -> core.mfi(0, n - 1, high, low, close, volume, 14, b, k, o)));
        c.put("obv", one((b, k, o) -> core.obv(0, n - 1, close, volume, b, k, o)));
        double[][] stoch = many(2, (b, k, o) -> core.stoch(0, n - 1, high, low, close, 14, 3, MAType.Sma, 3, MAType.Sma, b, k, o[0], o[1]));
        c.put("stochk_14_3_3", stoch[0]);
        c.put("stochd_14_3_3", stoch[1]);
        c.put("willr_14", one((b, k, o) -> core.willR(0, n - 1, high, low, close, 14, b, k, o)));
        c.put("roc_10", one((b, k, o) -> core.roc(0, n - 1, close, 10, b, k, o)));
        return c;
    }

    private interface One {
        RetCode call(MInteger begin, MInteger count, double[] out);
    }

    private interface Many {
        RetCode call(MInteger begin, MInteger count, double[][] out);
    }

    private double[] one(One f) {
        return many(1, (b, k, o) -> f.call(b, k, o[0]))[0];
    }

    private double[][] many(int outputs, Many f) {
        double[][] raw = new double[outputs][n];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        RetCode code = f.call(begin, count, raw);
        if (code != RetCode.Success) {
            throw new IllegalStateException("TA-Lib returned " + code);
        }
        double[][] aligned = new double[outputs][n];
        for (int o = 0; o < outputs; o++) {
            Arrays.fill(aligned[o], Double.NaN);
            System.arraycopy(raw[o], 0, aligned[o], begin.value, count.value);
        }
        return aligned;
    }

    double firstVolume() {
        return volume[0];
    }

    double[] open() {
        return open;
    }
}
