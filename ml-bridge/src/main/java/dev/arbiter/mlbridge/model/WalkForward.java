package dev.arbiter.mlbridge.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Purged, embargoed walk-forward splits. The samples after the first {@code minTrain} are cut into
 * {@code folds} consecutive test windows; each window is predicted by a model trained only on
 * samples before it:
 * <ul>
 *   <li><b>purge</b>: a training sample at bar i is dropped when its label window (bars i..i+h)
 *       reaches the test window's first bar, so no training label overlaps a test sample;</li>
 *   <li><b>embargo</b>: the {@code embargo} bars just before the test window are dropped as well
 *       (serial correlation of features);</li>
 *   <li>training uses at most the latest {@code maxTrain} samples (a rolling window, to keep training
 *       cheap and current).</li>
 * </ul>
 */
public record WalkForward(int folds, int minTrain, int maxTrain, int embargo) {

    public WalkForward {
        if (folds < 1 || minTrain < 10 || maxTrain < minTrain || embargo < 0) {
            throw new IllegalArgumentException("walk-forward: folds " + folds + ", minTrain " + minTrain + ", maxTrain "
                    + maxTrain + ", embargo " + embargo + " are not accepted; expected folds >= 1, minTrain >= 10, "
                    + "maxTrain >= minTrain, embargo >= 0");
        }
    }

    /** One split: sample rows to train on and rows to test, both in time order. */
    public record Split(int fold, int[] train, int[] test) {
    }

    public List<Split> splits(Dataset data) {
        int n = data.size();
        if (n < minTrain + folds) {
            throw new IllegalArgumentException("walk-forward: " + n + " samples are too few for " + folds
                    + " folds after " + minTrain + " training samples");
        }
        int horizon = data.label().horizon();
        List<Split> splits = new ArrayList<>();
        int testable = n - minTrain;
        for (int f = 0; f < folds; f++) {
            int from = minTrain + (int) ((long) testable * f / folds);
            int to = minTrain + (int) ((long) testable * (f + 1) / folds);
            int testStartBar = data.barIndex()[from];
            List<Integer> train = new ArrayList<>();
            for (int i = from - 1; i >= 0 && train.size() < maxTrain; i--) {
                int bar = data.barIndex()[i];
                if (bar + horizon < testStartBar - embargo) {
                    train.add(0, i);
                }
            }
            int[] test = new int[to - from];
            for (int i = from; i < to; i++) {
                test[i - from] = i;
            }
            splits.add(new Split(f, train.stream().mapToInt(Integer::intValue).toArray(), test));
        }
        return splits;
    }
}
