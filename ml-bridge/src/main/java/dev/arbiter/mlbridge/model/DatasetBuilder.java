package dev.arbiter.mlbridge.model;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.features.FeatureSet;
import dev.arbiter.mlbridge.features.StreamingFeatures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds a {@link Dataset} from bars: the feature set streamed bar by bar (so a sample sees only
 * its past), a sample wherever every feature has a value and the label is defined.
 */
public final class DatasetBuilder {

    private DatasetBuilder() {
    }

    public static Dataset build(List<Bar> bars, FeatureSet set, ForwardReturnLabel label) {
        Bar first = bars.get(0);
        StreamingFeatures features = new StreamingFeatures(first.symbol(), first.period(), set);
        double[] closes = bars.stream().mapToDouble(b -> b.close().doubleValue()).toArray();
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        List<Instant> time = new ArrayList<>();
        List<Double> forward = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            double[] values = features.accept(bars.get(i)).values();
            int outcome = label.outcome(closes, i);
            if (outcome == ForwardReturnLabel.UNRESOLVED || !allDefined(values)) {
                continue;
            }
            x.add(values);
            y.add(outcome);
            index.add(i);
            time.add(bars.get(i).endTime());
            forward.add(label.forwardReturn(closes, i));
        }
        return new Dataset(first.symbol(), set.columns(), x.toArray(double[][]::new), y.stream().mapToInt(Integer::intValue).toArray(),
                index.stream().mapToInt(Integer::intValue).toArray(), time.toArray(Instant[]::new),
                forward.stream().mapToDouble(Double::doubleValue).toArray(), label, sha256(bars));
    }

    private static boolean allDefined(double[] values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    /** SHA-256 over {@code time,open,high,low,close,volume} lines with plain decimals: the data's identity. */
    public static String sha256(List<Bar> bars) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Bar b : bars) {
                String row = b.openTime() + "," + b.open().toPlainString() + "," + b.high().toPlainString() + ","
                        + b.low().toPlainString() + "," + b.close().toPlainString() + "," + b.volume().toPlainString() + "\n";
                digest.update(row.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
