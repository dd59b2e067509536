package dev.arbiter.solver.model;

import ai.timefold.solver.core.impl.domain.valuerange.AbstractCountableValueRange;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * The sizes an order may take, in lots: 0 (not traded), then every whole number of lots from
 * {@code minLots} (the fewest lots whose value reaches the venue's minimum notional) up to
 * {@code maxLots} (the cap). Index 0 is 0 lots, index k &ge; 1 is {@code minLots + k - 1} lots.
 * Immutable; the gap 1..minLots-1 is never offered.
 */
public final class LotSteps extends AbstractCountableValueRange<Integer> {

    private final int minLots;
    private final int maxLots;

    /** @param minLots &ge; 1; when above {@code maxLots}, only 0 remains */
    public LotSteps(int minLots, int maxLots) {
        if (minLots < 1 || maxLots < 0) {
            throw new IllegalArgumentException("minLots (" + minLots + ") must be >= 1 and maxLots (" + maxLots
                    + ") >= 0");
        }
        this.minLots = minLots;
        this.maxLots = maxLots;
    }

    @Override
    public long getSize() {
        return 1L + Math.max(0, maxLots - minLots + 1);
    }

    @Override
    public Integer get(long index) {
        if (index < 0 || index >= getSize()) {
            throw new IndexOutOfBoundsException("index " + index + " of " + getSize() + " lot steps");
        }
        return index == 0 ? 0 : (int) (minLots + index - 1);
    }

    @Override
    public boolean contains(Integer lots) {
        return lots != null && (lots == 0 || (lots >= minLots && lots <= maxLots));
    }

    @Override
    public Iterator<Integer> createOriginalIterator() {
        return new Iterator<>() {
            private long next = 0;

            @Override
            public boolean hasNext() {
                return next < getSize();
            }

            @Override
            public Integer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return get(next++);
            }
        };
    }

    @Override
    public Iterator<Integer> createRandomIterator(Random random) {
        long size = getSize();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return get(random.nextLong(size));
            }
        };
    }

    @Override
    public String toString() {
        return "[0, " + minLots + ".." + maxLots + "]";
    }
}
