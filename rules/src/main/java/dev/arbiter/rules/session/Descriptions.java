package dev.arbiter.rules.session;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * The last facts described, by identity. Facts are records of values, so a record described once reads the same every
 * time; a slot holds one record and its description, and a record that lands on a taken slot replaces it.
 */
final class Descriptions {

    private static final int SLOTS = 1024;

    private record Described(Record fact, String text) {
    }

    private static final AtomicReferenceArray<Described> LAST = new AtomicReferenceArray<>(SLOTS);

    private Descriptions() {
    }

    static String of(Record fact, Supplier<String> describe) {
        int slot = System.identityHashCode(fact) & (SLOTS - 1);
        Described described = LAST.get(slot);
        if (described == null || described.fact() != fact) {
            described = new Described(fact, describe.get());
            LAST.set(slot, described);
        }
        return described.text();
    }
}
