package dev.arbiter.engine.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Engines that are not thread-safe (a Z3 context, a Prolog engine), one per decision running now: a decision takes
 * an idle one, or makes another like the first, and gives it back when done. No decision waits for another's
 * engine; as many exist as decisions ever ran at once (bounded by the service's admission).
 */
final class Workers<T> implements AutoCloseable {

    private final ConcurrentLinkedDeque<T> idle = new ConcurrentLinkedDeque<>();
    private final List<T> all = new ArrayList<>();
    private final T first;
    private final UnaryOperator<T> another;
    private final Consumer<T> closer;

    /**
     * @param first   the engine the pipeline was given
     * @param another makes one more like it
     * @param ready   how many to have from the start (making one can take long: a theory to load)
     */
    Workers(T first, UnaryOperator<T> another, Consumer<T> closer, int ready) {
        this.first = first;
        this.another = another;
        this.closer = closer;
        add(first);
        for (int i = 1; i < ready; i++) {
            add(another.apply(first));
        }
    }

    <R> R with(Function<T, R> work) {
        T engine = idle.pollFirst();
        if (engine == null) {
            engine = another.apply(first);
            synchronized (all) {
                all.add(engine);
            }
        }
        try {
            return work.apply(engine);
        } finally {
            idle.offerFirst(engine);
        }
    }

    @Override
    public void close() {
        synchronized (all) {
            all.forEach(closer);
            all.clear();
        }
        idle.clear();
    }

    private void add(T engine) {
        synchronized (all) {
            all.add(engine);
        }
        idle.add(engine);
    }
}
