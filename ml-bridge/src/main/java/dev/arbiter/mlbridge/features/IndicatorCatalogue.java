package dev.arbiter.mlbridge.features;

import static dev.arbiter.mlbridge.features.Parameter.bars;
import static dev.arbiter.mlbridge.features.Parameter.factor;
import static dev.arbiter.mlbridge.features.Parameter.window;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.AccelerationDecelerationIndicator;
import org.ta4j.core.indicators.AwesomeOscillatorIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.CMOIndicator;
import org.ta4j.core.indicators.ChandelierExitLongIndicator;
import org.ta4j.core.indicators.ChandelierExitShortIndicator;
import org.ta4j.core.indicators.ChopIndicator;
import org.ta4j.core.indicators.CoppockCurveIndicator;
import org.ta4j.core.indicators.DistanceFromMAIndicator;
import org.ta4j.core.indicators.FisherIndicator;
import org.ta4j.core.indicators.IntraDayMomentumIndexIndicator;
import org.ta4j.core.indicators.KRIIndicator;
import org.ta4j.core.indicators.KSTIndicator;
import org.ta4j.core.indicators.KalmanFilterIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.MassIndexIndicator;
import org.ta4j.core.indicators.PPOIndicator;
import org.ta4j.core.indicators.PVOIndicator;
import org.ta4j.core.indicators.ParabolicSarIndicator;
import org.ta4j.core.indicators.RAVIIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.StochasticRSIIndicator;
import org.ta4j.core.indicators.UlcerIndexIndicator;
import org.ta4j.core.indicators.WilliamsRIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.DXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.MinusDMIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDMIndicator;
import org.ta4j.core.indicators.aroon.AroonDownIndicator;
import org.ta4j.core.indicators.aroon.AroonOscillatorIndicator;
import org.ta4j.core.indicators.aroon.AroonUpIndicator;
import org.ta4j.core.indicators.averages.ATMAIndicator;
import org.ta4j.core.indicators.averages.DoubleEMAIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.HMAIndicator;
import org.ta4j.core.indicators.averages.KAMAIndicator;
import org.ta4j.core.indicators.averages.LSMAIndicator;
import org.ta4j.core.indicators.averages.LWMAIndicator;
import org.ta4j.core.indicators.averages.MCGinleyMAIndicator;
import org.ta4j.core.indicators.averages.MMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.averages.SMMAIndicator;
import org.ta4j.core.indicators.averages.TMAIndicator;
import org.ta4j.core.indicators.averages.TripleEMAIndicator;
import org.ta4j.core.indicators.averages.VIDYAIndicator;
import org.ta4j.core.indicators.averages.VWMAIndicator;
import org.ta4j.core.indicators.averages.WMAIndicator;
import org.ta4j.core.indicators.averages.WildersMAIndicator;
import org.ta4j.core.indicators.averages.ZLEMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandWidthIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.candles.BearishEngulfingIndicator;
import org.ta4j.core.indicators.candles.BearishHaramiIndicator;
import org.ta4j.core.indicators.candles.BullishEngulfingIndicator;
import org.ta4j.core.indicators.candles.BullishHaramiIndicator;
import org.ta4j.core.indicators.candles.DojiIndicator;
import org.ta4j.core.indicators.candles.HammerIndicator;
import org.ta4j.core.indicators.candles.HangingManIndicator;
import org.ta4j.core.indicators.candles.InvertedHammerIndicator;
import org.ta4j.core.indicators.candles.LowerShadowIndicator;
import org.ta4j.core.indicators.candles.RealBodyIndicator;
import org.ta4j.core.indicators.candles.ShootingStarIndicator;
import org.ta4j.core.indicators.candles.ThreeBlackCrowsIndicator;
import org.ta4j.core.indicators.candles.ThreeWhiteSoldiersIndicator;
import org.ta4j.core.indicators.candles.UpperShadowIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelLowerIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelMiddleIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;
import org.ta4j.core.indicators.helpers.CloseLocationValueIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceDifferenceIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceRatioIndicator;
import org.ta4j.core.indicators.helpers.GainIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LossIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.helpers.MedianPriceIndicator;
import org.ta4j.core.indicators.helpers.PreviousValueIndicator;
import org.ta4j.core.indicators.helpers.TRIndicator;
import org.ta4j.core.indicators.helpers.TypicalPriceIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuKijunSenIndicator;
import org.ta4j.core.indicators.ichimoku.IchimokuTenkanSenIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelLowerIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelMiddleIndicator;
import org.ta4j.core.indicators.keltner.KeltnerChannelUpperIndicator;
import org.ta4j.core.indicators.statistics.CovarianceIndicator;
import org.ta4j.core.indicators.statistics.MeanDeviationIndicator;
import org.ta4j.core.indicators.statistics.PearsonCorrelationIndicator;
import org.ta4j.core.indicators.statistics.SigmaIndicator;
import org.ta4j.core.indicators.statistics.SimpleLinearRegressionIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.statistics.StandardErrorIndicator;
import org.ta4j.core.indicators.statistics.VarianceIndicator;
import org.ta4j.core.indicators.supertrend.SuperTrendIndicator;
import org.ta4j.core.indicators.supertrend.SuperTrendLowerBandIndicator;
import org.ta4j.core.indicators.supertrend.SuperTrendUpperBandIndicator;
import org.ta4j.core.indicators.trend.DownTrendIndicator;
import org.ta4j.core.indicators.trend.UpTrendIndicator;
import org.ta4j.core.indicators.volume.AccumulationDistributionIndicator;
import org.ta4j.core.indicators.volume.ChaikinMoneyFlowIndicator;
import org.ta4j.core.indicators.volume.ChaikinOscillatorIndicator;
import org.ta4j.core.indicators.volume.IIIIndicator;
import org.ta4j.core.indicators.volume.MVWAPIndicator;
import org.ta4j.core.indicators.volume.MoneyFlowIndexIndicator;
import org.ta4j.core.indicators.volume.NVIIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.indicators.volume.PVIIndicator;
import org.ta4j.core.indicators.volume.ROCVIndicator;
import org.ta4j.core.indicators.volume.RelativeVolumeStandardDeviationIndicator;
import org.ta4j.core.indicators.volume.TimeSegmentedVolumeIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.num.Num;

/**
 * Every indicator a feature set may name, each a ta4j indicator with its parameters and warm-up.
 * Column names are {@code <key>_<param>_<param>…} in lower case ({@code sma_20}, {@code macd_12_26_9},
 * {@code obv}). Indicators whose ta4j value at a bar depends on later bars (Ichimoku's Chikou span,
 * displaced and centred averages) are left out on purpose: a feature must never see the future;
 * so are indicators that compute the whole series when built (Jurik's JMA) or whose value depends
 * on how many bars follow (the periodical growth rate): they cannot stream. The random walk index
 * is out too: its inner ATRs over several lookbacks restart when a bounded stream drops old bars.
 */
public final class IndicatorCatalogue {

    /** Window of a one-period indicator: the first full window ends at bar {@code period - 1}. */
    private static final IndicatorDefinition.Window PERIOD = p -> (int) p[0] - 1;

    private static final Map<String, IndicatorDefinition> ENTRIES = new LinkedHashMap<>();

    static {
        movingAverages();
        momentum();
        trend();
        volatility();
        volume();
        statistics();
        priceAndCandles();
    }

    private IndicatorCatalogue() {
    }

    /** All entries, in catalogue order. */
    public static Collection<IndicatorDefinition> all() {
        return ENTRIES.values();
    }

    public static Optional<IndicatorDefinition> find(String key) {
        return Optional.ofNullable(ENTRIES.get(key));
    }

    private static void movingAverages() {
        String g = "moving average";
        add("sma", g, "simple moving average of the close", PERIOD, List.of(bars("period", 20)),
                (s, p) -> new SMAIndicator(close(s), n(p, 0)));
        add("ema", g, "exponential moving average of the close (ta4j seeds with the first close)", PERIOD,
                List.of(bars("period", 20)), (s, p) -> new EMAIndicator(close(s), n(p, 0)));
        add("wma", g, "linearly weighted moving average of the close", PERIOD, List.of(bars("period", 20)),
                (s, p) -> new WMAIndicator(close(s), n(p, 0)));
        add("dema", g, "double exponential moving average", p -> 2 * (n(p, 0) - 1), List.of(bars("period", 20)),
                (s, p) -> new DoubleEMAIndicator(close(s), n(p, 0)));
        add("tema", g, "triple exponential moving average", p -> 3 * (n(p, 0) - 1), List.of(bars("period", 20)),
                (s, p) -> new TripleEMAIndicator(close(s), n(p, 0)));
        add("hma", g, "Hull moving average", p -> n(p, 0) + (int) Math.sqrt(n(p, 0)), List.of(window("period", 20)),
                (s, p) -> new HMAIndicator(close(s), n(p, 0)));
        add("kama", g, "Kaufman adaptive moving average", PERIOD,
                List.of(bars("efficiency", 10), bars("fast", 2), bars("slow", 30)),
                (s, p) -> new KAMAIndicator(close(s), n(p, 0), n(p, 1), n(p, 2)));
        add("lsma", g, "least-squares (linear regression) moving average", PERIOD, List.of(window("period", 25)),
                (s, p) -> new LSMAIndicator(close(s), n(p, 0)));
        add("lwma", g, "linearly weighted moving average, ta4j's LWMA", PERIOD, List.of(bars("period", 20)),
                (s, p) -> new LWMAIndicator(close(s), n(p, 0)));
        add("mcginley", g, "McGinley dynamic", PERIOD, List.of(bars("period", 14)),
                (s, p) -> new MCGinleyMAIndicator(close(s), n(p, 0)));
        add("mma", g, "modified (Wilder's) moving average", PERIOD, List.of(bars("period", 14)),
                (s, p) -> new MMAIndicator(close(s), n(p, 0)));
        add("smma", g, "smoothed moving average", PERIOD, List.of(bars("period", 14)),
                (s, p) -> new SMMAIndicator(close(s), n(p, 0)));
        add("tma", g, "triangular moving average", p -> 2 * n(p, 0), List.of(bars("period", 20)),
                (s, p) -> new TMAIndicator(close(s), n(p, 0)));
        add("vidya", g, "variable index dynamic average (CMO-weighted)", p -> Math.max(n(p, 0), n(p, 1)),
                List.of(window("cmo", 9), bars("period", 12)), (s, p) -> new VIDYAIndicator(close(s), n(p, 0), n(p, 1)));
        add("wilders", g, "Wilder's moving average", PERIOD, List.of(bars("period", 14)),
                (s, p) -> new WildersMAIndicator(close(s), n(p, 0)));
        add("zlema", g, "zero-lag exponential moving average", PERIOD, List.of(window("period", 20)),
                (s, p) -> new ZLEMAIndicator(close(s), n(p, 0)));
        add("vwma", g, "volume-weighted moving average of the close", PERIOD, List.of(bars("period", 20)),
                (s, p) -> new VWMAIndicator(close(s), n(p, 0)));
        add("atma", g, "asymmetric triangular moving average", p -> 2 * n(p, 0), List.of(window("period", 20)),
                (s, p) -> new ATMAIndicator(close(s), n(p, 0)));
        add("kalman", g, "Kalman-filtered close", p -> 20,
                List.of(factor("process", 1e-5, 1e-12, 1), factor("measurement", 0.1, 1e-12, 1e6)),
                (s, p) -> new KalmanFilterIndicator(close(s), p[0], p[1]));
    }

    private static void momentum() {
        String g = "momentum";
        add("rsi", g, "relative strength index, Wilder smoothing", PERIOD, List.of(bars("period", 14)),
                (s, p) -> new RSIIndicator(close(s), n(p, 0)));
        List<Parameter> macd = List.of(bars("fast", 12), bars("slow", 26), bars("signal", 9));
        add("macd", g, "MACD line: EMA(fast) - EMA(slow) of the close", p -> n(p, 1) - 1, macd,
                (s, p) -> new MACDIndicator(close(s), n(p, 0), n(p, 1)));
        add("macdsignal", g, "MACD signal line: EMA(signal) of the MACD line", p -> n(p, 1) + n(p, 2) - 2, macd,
                (s, p) -> new MACDIndicator(close(s), n(p, 0), n(p, 1)).getSignalLine(n(p, 2)));
        add("macdhist", g, "MACD histogram: MACD line - signal line", p -> n(p, 1) + n(p, 2) - 2, macd,
                (s, p) -> new MACDIndicator(close(s), n(p, 0), n(p, 1)).getHistogram(n(p, 2)));
        add("ppo", g, "percentage price oscillator", p -> n(p, 1) - 1, List.of(bars("fast", 12), bars("slow", 26)),
                (s, p) -> new PPOIndicator(close(s), n(p, 0), n(p, 1)));
        add("pvo", g, "percentage volume oscillator", p -> n(p, 1) - 1, List.of(bars("fast", 12), bars("slow", 26)),
                (s, p) -> new PVOIndicator(s, n(p, 0), n(p, 1)));
        add("roc", g, "rate of change of the close, percent", PERIOD, List.of(bars("period", 10)),
                (s, p) -> new ROCIndicator(close(s), n(p, 0)));
        add("cmo", g, "Chande momentum oscillator", PERIOD, List.of(bars("period", 14)),
                (s, p) -> new CMOIndicator(close(s), n(p, 0)));
        List<Parameter> stoch = List.of(bars("k", 14), bars("slowk", 3), bars("slowd", 3));
        add("stochk", g, "slow stochastic %K: SMA(slowk) of fast %K(k)", p -> n(p, 0) + n(p, 1) - 2, stoch,
                (s, p) -> new SMAIndicator(new StochasticOscillatorKIndicator(s, n(p, 0)), n(p, 1)));
        add("stochd", g, "slow stochastic %D: SMA(slowd) of slow %K", p -> n(p, 0) + n(p, 1) + n(p, 2) - 3, stoch,
                (s, p) -> new SMAIndicator(new SMAIndicator(new StochasticOscillatorKIndicator(s, n(p, 0)), n(p, 1)), n(p, 2)));
        add("stochfastk", g, "fast stochastic %K", PERIOD, List.of(bars("k", 14)),
                (s, p) -> new StochasticOscillatorKIndicator(s, n(p, 0)));
        add("stochrsi", g, "stochastic of the RSI", p -> 2 * n(p, 0), List.of(bars("period", 14)),
                (s, p) -> new StochasticRSIIndicator(close(s), n(p, 0)));
        add("willr", g, "Williams %R, -100..0", PERIOD, List.of(bars("period", 14)),
                (s, p) -> new WilliamsRIndicator(s, n(p, 0)));
        add("cci", g, "commodity channel index", PERIOD, List.of(bars("period", 20)),
                (s, p) -> new CCIIndicator(s, n(p, 0)));
        add("ao", g, "Awesome oscillator: SMA(fast) - SMA(slow) of the median price", p -> n(p, 1) - 1,
                List.of(bars("fast", 5), bars("slow", 34)), (s, p) -> new AwesomeOscillatorIndicator(new MedianPriceIndicator(s), n(p, 0), n(p, 1)));
        add("ac", g, "acceleration/deceleration oscillator", p -> n(p, 1) + n(p, 0) - 2,
                List.of(bars("fast", 5), bars("slow", 34)), (s, p) -> new AccelerationDecelerationIndicator(s, n(p, 0), n(p, 1)));
        add("kst", g, "Know Sure Thing (ta4j defaults 10/10, 10/15, 10/20, 15/30)", p -> 45, List.of(),
                (s, p) -> new KSTIndicator(close(s)));
        add("coppock", g, "Coppock curve", p -> Math.max(n(p, 0), n(p, 1)) + n(p, 2),
                List.of(bars("longroc", 14), bars("shortroc", 11), bars("wma", 10)),
                (s, p) -> new CoppockCurveIndicator(close(s), n(p, 0), n(p, 1), n(p, 2)));
        add("fisher", g, "Fisher transform of the median price", p -> 2 * n(p, 0), List.of(bars("period", 10)),
                (s, p) -> new FisherIndicator(new MedianPriceIndicator(s), n(p, 0)));
        add("ravi", g, "range action verification index", p -> n(p, 1) - 1, List.of(bars("fast", 7), bars("slow", 65)),
                (s, p) -> new RAVIIndicator(close(s), n(p, 0), n(p, 1)));
        add("kri", g, "Kairi relative index: percent distance from the SMA", PERIOD, List.of(bars("period", 20)),
                (s, p) -> new KRIIndicator(close(s), n(p, 0)));
        add("imi", g, "intraday momentum index", PERIOD, List.of(bars("period", 14)),
                (s, p) -> new IntraDayMomentumIndexIndicator(s, n(p, 0)));
        add("distsma", g, "distance of the close from its SMA, as a fraction", PERIOD, List.of(bars("period", 20)),
                (s, p) -> new DistanceFromMAIndicator(s, new SMAIndicator(close(s), n(p, 0))));
    }

    private static void trend() {
        String g = "trend";
        add("adx", g, "average directional index, Wilder smoothing", p -> 2 * n(p, 0) - 1, List.of(bars("period", 14)),
                (s, p) -> new ADXIndicator(s, n(p, 0)));
        add("dx", g, "directional movement index", PERIOD, List.of(bars("period", 14)), (s, p) -> new DXIndicator(s, n(p, 0)));
        add("plusdi", g, "plus directional indicator", PERIOD, List.of(bars("period", 14)), (s, p) -> new PlusDIIndicator(s, n(p, 0)));
        add("minusdi", g, "minus directional indicator", PERIOD, List.of(bars("period", 14)), (s, p) -> new MinusDIIndicator(s, n(p, 0)));
        add("plusdm", g, "plus directional movement (one bar)", p -> 1, List.of(), (s, p) -> new PlusDMIndicator(s));
        add("minusdm", g, "minus directional movement (one bar)", p -> 1, List.of(), (s, p) -> new MinusDMIndicator(s));
        add("aroonup", g, "Aroon up", PERIOD, List.of(bars("period", 25)), (s, p) -> new AroonUpIndicator(s, n(p, 0)));
        add("aroondown", g, "Aroon down", PERIOD, List.of(bars("period", 25)), (s, p) -> new AroonDownIndicator(s, n(p, 0)));
        add("aroonosc", g, "Aroon oscillator: up - down", PERIOD, List.of(bars("period", 25)),
                (s, p) -> new AroonOscillatorIndicator(s, n(p, 0)));
        add("sar", g, "parabolic SAR", p -> 2, List.of(factor("step", 0.02, 0.001, 1), factor("max", 0.2, 0.01, 1)),
                (s, p) -> new ParabolicSarIndicator(s, s.numFactory().numOf(p[0]), s.numFactory().numOf(p[1])));
        add("supertrend", g, "SuperTrend line", PERIOD, List.of(bars("period", 10), factor("multiplier", 3, 0.1, 20)),
                (s, p) -> new SuperTrendIndicator(s, n(p, 0), p[1]));
        add("supertrendupper", g, "SuperTrend upper band", PERIOD, List.of(bars("period", 10), factor("multiplier", 3, 0.1, 20)),
                (s, p) -> new SuperTrendUpperBandIndicator(s, new ATRIndicator(s, n(p, 0)), p[1]));
        add("supertrendlower", g, "SuperTrend lower band", PERIOD, List.of(bars("period", 10), factor("multiplier", 3, 0.1, 20)),
                (s, p) -> new SuperTrendLowerBandIndicator(s, new ATRIndicator(s, n(p, 0)), p[1]));
        add("tenkan", g, "Ichimoku conversion line (Tenkan-sen)", PERIOD, List.of(bars("period", 9)),
                (s, p) -> new IchimokuTenkanSenIndicator(s, n(p, 0)));
        add("kijun", g, "Ichimoku base line (Kijun-sen)", PERIOD, List.of(bars("period", 26)),
                (s, p) -> new IchimokuKijunSenIndicator(s, n(p, 0)));
        add("chop", g, "choppiness index, 0..scale", PERIOD, List.of(bars("period", 14), bars("scale", 100)),
                (s, p) -> new ChopIndicator(s, n(p, 0), n(p, 1)));
        add("uptrend", g, "1 when ta4j's up-trend test holds, else 0", PERIOD, List.of(bars("period", 20)),
                (s, p) -> new BooleanFlag(new UpTrendIndicator(s, n(p, 0))));
        add("downtrend", g, "1 when ta4j's down-trend test holds, else 0", PERIOD, List.of(bars("period", 20)),
                (s, p) -> new BooleanFlag(new DownTrendIndicator(s, n(p, 0))));
        add("linreg", g, "linear regression of the close, value at the last bar", PERIOD, List.of(window("period", 20)),
                (s, p) -> new SimpleLinearRegressionIndicator(close(s), n(p, 0)));
        add("linregslope", g, "slope of the close's linear regression", PERIOD, List.of(window("period", 20)),
                (s, p) -> new SimpleLinearRegressionIndicator(close(s), n(p, 0),
                        SimpleLinearRegressionIndicator.SimpleLinearRegressionType.SLOPE));
        add("linregintercept", g, "intercept of the close's linear regression", PERIOD, List.of(window("period", 20)),
                (s, p) -> new SimpleLinearRegressionIndicator(close(s), n(p, 0),
                        SimpleLinearRegressionIndicator.SimpleLinearRegressionType.INTERCEPT));
    }

    private static void volatility() {
        String g = "volatility";
        add("atr", g, "average true range, Wilder smoothing", PERIOD, List.of(bars("period", 14)),
                (s, p) -> new ATRIndicator(s, n(p, 0)));
        add("natr", g, "ATR as a percent of the close", PERIOD, List.of(bars("period", 14)),
                (s, p) -> NumericIndicator.of(new ATRIndicator(s, n(p, 0))).dividedBy(close(s)).multipliedBy(100));
        add("tr", g, "true range", p -> 1, List.of(), (s, p) -> new TRIndicator(s));
        List<Parameter> bb = List.of(window("period", 20), factor("k", 2, 0.1, 10));
        add("bbupper", g, "Bollinger upper band: SMA + k population standard deviations", PERIOD, bb,
                (s, p) -> new BollingerBandsUpperIndicator(bbMiddle(s, p), stdDev(s, p), s.numFactory().numOf(p[1])));
        add("bbmiddle", g, "Bollinger middle band: SMA(period)", PERIOD, bb, (s, p) -> bbMiddle(s, p));
        add("bblower", g, "Bollinger lower band: SMA - k population standard deviations", PERIOD, bb,
                (s, p) -> new BollingerBandsLowerIndicator(bbMiddle(s, p), stdDev(s, p), s.numFactory().numOf(p[1])));
        add("bbwidth", g, "Bollinger band width, percent of the middle band", PERIOD, bb,
                (s, p) -> new BollingerBandWidthIndicator(
                        new BollingerBandsUpperIndicator(bbMiddle(s, p), stdDev(s, p), s.numFactory().numOf(p[1])),
                        bbMiddle(s, p),
                        new BollingerBandsLowerIndicator(bbMiddle(s, p), stdDev(s, p), s.numFactory().numOf(p[1]))));
        add("bbpercentb", g, "Bollinger %B: where the close sits between the bands", PERIOD, bb,
                (s, p) -> new PercentBIndicator(close(s), n(p, 0), p[1]));
        List<Parameter> kc = List.of(bars("period", 20), factor("k", 2, 0.1, 10), bars("atr", 10));
        add("kcupper", g, "Keltner upper channel: EMA + k ATR", p -> Math.max(n(p, 0), n(p, 2)) - 1, kc,
                (s, p) -> new KeltnerChannelUpperIndicator(new KeltnerChannelMiddleIndicator(s, n(p, 0)), p[1], n(p, 2)));
        add("kcmiddle", g, "Keltner middle channel: EMA of the typical price", PERIOD, List.of(bars("period", 20)),
                (s, p) -> new KeltnerChannelMiddleIndicator(s, n(p, 0)));
        add("kclower", g, "Keltner lower channel: EMA - k ATR", p -> Math.max(n(p, 0), n(p, 2)) - 1, kc,
                (s, p) -> new KeltnerChannelLowerIndicator(new KeltnerChannelMiddleIndicator(s, n(p, 0)), p[1], n(p, 2)));
        add("dcupper", g, "Donchian upper channel: highest high", PERIOD, List.of(bars("period", 20)),
                (s, p) -> new DonchianChannelUpperIndicator(s, n(p, 0)));
        add("dcmiddle", g, "Donchian middle channel", PERIOD, List.of(bars("period", 20)),
                (s, p) -> new DonchianChannelMiddleIndicator(s, n(p, 0)));
        add("dclower", g, "Donchian lower channel: lowest low", PERIOD, List.of(bars("period", 20)),
                (s, p) -> new DonchianChannelLowerIndicator(s, n(p, 0)));
        add("ulcer", g, "Ulcer index (drawdown depth and duration)", p -> 2 * n(p, 0), List.of(bars("period", 14)),
                (s, p) -> new UlcerIndexIndicator(close(s), n(p, 0)));
        add("massindex", g, "mass index", p -> 2 * n(p, 0) + n(p, 1), List.of(bars("ema", 9), bars("period", 25)),
                (s, p) -> new MassIndexIndicator(s, n(p, 0), n(p, 1)));
        add("chandelierlong", g, "chandelier exit for longs", PERIOD, List.of(bars("period", 22), factor("k", 3, 0.1, 20)),
                (s, p) -> new ChandelierExitLongIndicator(s, n(p, 0), p[1]));
        add("chandeliershort", g, "chandelier exit for shorts", PERIOD, List.of(bars("period", 22), factor("k", 3, 0.1, 20)),
                (s, p) -> new ChandelierExitShortIndicator(s, n(p, 0), p[1]));
        add("logretvol", g, "standard deviation of one-bar close ratios (realised volatility)", p -> n(p, 0),
                List.of(window("period", 20)),
                (s, p) -> new StandardDeviationIndicator(new ClosePriceRatioIndicator(s), n(p, 0)));
    }

    private static void volume() {
        String g = "volume";
        add("obv", g, "on-balance volume (ta4j starts at 0)", p -> 0, List.of(), (s, p) -> new OnBalanceVolumeIndicator(s));
        add("ad", g, "accumulation/distribution line", p -> 0, List.of(), (s, p) -> new AccumulationDistributionIndicator(s));
        add("cmf", g, "Chaikin money flow", PERIOD, List.of(bars("period", 20)), (s, p) -> new ChaikinMoneyFlowIndicator(s, n(p, 0)));
        add("adosc", g, "Chaikin oscillator", p -> n(p, 1) - 1, List.of(bars("fast", 3), bars("slow", 10)),
                (s, p) -> new ChaikinOscillatorIndicator(s, n(p, 0), n(p, 1)));
        add("mfi", g, "money flow index", PERIOD, List.of(window("period", 14)), (s, p) -> new MoneyFlowIndexIndicator(s, n(p, 0)));
        add("nvi", g, "negative volume index", p -> 1, List.of(), (s, p) -> new NVIIndicator(s));
        add("pvi", g, "positive volume index", p -> 1, List.of(), (s, p) -> new PVIIndicator(s));
        add("vwap", g, "volume-weighted average price over a window", PERIOD, List.of(bars("period", 14)),
                (s, p) -> new VWAPIndicator(s, n(p, 0)));
        add("mvwap", g, "moving average of the windowed VWAP", p -> n(p, 0) + n(p, 1) - 2, List.of(bars("vwap", 14), bars("period", 14)),
                (s, p) -> new MVWAPIndicator(new VWAPIndicator(s, n(p, 0)), n(p, 1)));
        add("rocv", g, "rate of change of volume, percent", PERIOD, List.of(bars("period", 12)), (s, p) -> new ROCVIndicator(s, n(p, 0)));
        add("tsv", g, "time-segmented volume", PERIOD, List.of(bars("period", 18)), (s, p) -> new TimeSegmentedVolumeIndicator(s, n(p, 0)));
        add("iii", g, "intraday intensity index", p -> 0, List.of(), (s, p) -> new IIIIndicator(s));
        add("volsum", g, "sum of volume over a window", PERIOD, List.of(bars("period", 20)), (s, p) -> new VolumeIndicator(s, n(p, 0)));
        add("volsma", g, "simple moving average of volume", PERIOD, List.of(bars("period", 20)),
                (s, p) -> new SMAIndicator(new VolumeIndicator(s), n(p, 0)));
        add("rvsd", g, "relative volume: standard deviations from the mean volume", PERIOD, List.of(window("period", 20)),
                (s, p) -> new RelativeVolumeStandardDeviationIndicator(s, n(p, 0)));
    }

    private static void statistics() {
        String g = "statistics";
        add("stddev", g, "population standard deviation of the close", PERIOD, List.of(window("period", 20)),
                (s, p) -> new StandardDeviationIndicator(close(s), n(p, 0)));
        add("variance", g, "population variance of the close", PERIOD, List.of(window("period", 20)),
                (s, p) -> new VarianceIndicator(close(s), n(p, 0)));
        add("meandev", g, "mean absolute deviation of the close", PERIOD, List.of(window("period", 20)),
                (s, p) -> new MeanDeviationIndicator(close(s), n(p, 0)));
        add("stderr", g, "standard error of the close", PERIOD, List.of(window("period", 20)),
                (s, p) -> new StandardErrorIndicator(close(s), n(p, 0)));
        add("zscore", g, "z-score (sigma) of the close against its window", PERIOD, List.of(window("period", 20)),
                (s, p) -> new SigmaIndicator(close(s), n(p, 0)));
        add("correl", g, "Pearson correlation of close and volume", PERIOD, List.of(window("period", 20)),
                (s, p) -> new PearsonCorrelationIndicator(close(s), new VolumeIndicator(s), n(p, 0)));
        add("covariance", g, "covariance of close and volume", PERIOD, List.of(window("period", 20)),
                (s, p) -> new CovarianceIndicator(close(s), new VolumeIndicator(s), n(p, 0)));
    }

    private static void priceAndCandles() {
        String g = "price";
        add("typprice", g, "typical price (high + low + close) / 3", p -> 0, List.of(), (s, p) -> new TypicalPriceIndicator(s));
        add("medprice", g, "median price (high + low) / 2", p -> 0, List.of(), (s, p) -> new MedianPriceIndicator(s));
        add("clv", g, "close location value, -1..1", p -> 0, List.of(), (s, p) -> new CloseLocationValueIndicator(s));
        add("change", g, "close minus the previous close", p -> 1, List.of(), (s, p) -> new ClosePriceDifferenceIndicator(s));
        add("ratio", g, "close over the previous close", p -> 1, List.of(), (s, p) -> new ClosePriceRatioIndicator(s));
        add("gain", g, "the close's rise since the previous bar, 0 when it fell", p -> 1, List.of(), (s, p) -> new GainIndicator(close(s)));
        add("loss", g, "the close's fall since the previous bar, 0 when it rose", p -> 1, List.of(), (s, p) -> new LossIndicator(close(s)));
        add("highest", g, "highest high of the period bars before this one (the breakout level)", p -> n(p, 0),
                List.of(bars("period", 20)),
                (s, p) -> new PreviousValueIndicator(new HighestValueIndicator(new HighPriceIndicator(s), n(p, 0)), 1));
        add("lowest", g, "lowest low of the period bars before this one (the breakdown level)", p -> n(p, 0),
                List.of(bars("period", 20)),
                (s, p) -> new PreviousValueIndicator(new LowestValueIndicator(new LowPriceIndicator(s), n(p, 0)), 1));
        add("maxclose", g, "highest close including this bar", PERIOD, List.of(bars("period", 20)),
                (s, p) -> new HighestValueIndicator(close(s), n(p, 0)));
        add("minclose", g, "lowest close including this bar", PERIOD, List.of(bars("period", 20)),
                (s, p) -> new LowestValueIndicator(close(s), n(p, 0)));
        String c = "candles";
        add("realbody", c, "close - open", p -> 0, List.of(), (s, p) -> new RealBodyIndicator(s));
        add("uppershadow", c, "high minus the body's top", p -> 0, List.of(), (s, p) -> new UpperShadowIndicator(s));
        add("lowershadow", c, "the body's bottom minus low", p -> 0, List.of(), (s, p) -> new LowerShadowIndicator(s));
        add("doji", c, "1 on a doji (body below factor times the average body)", PERIOD,
                List.of(bars("period", 10), factor("factor", 0.03, 0.001, 1)),
                (s, p) -> new BooleanFlag(new DojiIndicator(s, n(p, 0), p[1])));
        add("hammer", c, "1 on a hammer", p -> 0, List.of(), (s, p) -> new BooleanFlag(new HammerIndicator(s)));
        add("hangingman", c, "1 on a hanging man", p -> 0, List.of(), (s, p) -> new BooleanFlag(new HangingManIndicator(s)));
        add("invhammer", c, "1 on an inverted hammer", p -> 0, List.of(), (s, p) -> new BooleanFlag(new InvertedHammerIndicator(s)));
        add("shootingstar", c, "1 on a shooting star", p -> 0, List.of(), (s, p) -> new BooleanFlag(new ShootingStarIndicator(s)));
        add("bullengulf", c, "1 on a bullish engulfing pair", p -> 1, List.of(), (s, p) -> new BooleanFlag(new BullishEngulfingIndicator(s)));
        add("bearengulf", c, "1 on a bearish engulfing pair", p -> 1, List.of(), (s, p) -> new BooleanFlag(new BearishEngulfingIndicator(s)));
        add("bullharami", c, "1 on a bullish harami", p -> 1, List.of(), (s, p) -> new BooleanFlag(new BullishHaramiIndicator(s)));
        add("bearharami", c, "1 on a bearish harami", p -> 1, List.of(), (s, p) -> new BooleanFlag(new BearishHaramiIndicator(s)));
        add("blackcrows", c, "1 on three black crows", p -> n(p, 0) + 3, List.of(bars("period", 3), factor("factor", 0.3, 0.01, 1)),
                (s, p) -> new BooleanFlag(new ThreeBlackCrowsIndicator(s, n(p, 0), p[1])));
        add("whitesoldiers", c, "1 on three white soldiers", p -> n(p, 0) + 3, List.of(bars("period", 3), factor("factor", 0.3, 0.01, 1)),
                (s, p) -> new BooleanFlag(new ThreeWhiteSoldiersIndicator(s, n(p, 0), s.numFactory().numOf(p[1]))));
    }

    private static void add(String key, String group, String description, IndicatorDefinition.Window window,
                            List<Parameter> parameters, IndicatorDefinition.Factory factory) {
        if (ENTRIES.putIfAbsent(key, new IndicatorDefinition(key, group, description, parameters, factory, window)) != null) {
            throw new IllegalStateException("duplicate catalogue key " + key);
        }
    }

    private static int n(double[] p, int i) {
        return (int) p[i];
    }

    private static ClosePriceIndicator close(BarSeries s) {
        return new ClosePriceIndicator(s);
    }

    private static BollingerBandsMiddleIndicator bbMiddle(BarSeries s, double[] p) {
        return new BollingerBandsMiddleIndicator(new SMAIndicator(close(s), n(p, 0)));
    }

    private static Indicator<Num> stdDev(BarSeries s, double[] p) {
        return new StandardDeviationIndicator(close(s), n(p, 0));
    }

    /** The catalogue keys, for messages listing what is accepted. */
    static List<String> keys() {
        return new ArrayList<>(ENTRIES.keySet());
    }
}
