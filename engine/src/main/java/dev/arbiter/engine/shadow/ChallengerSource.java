package dev.arbiter.engine.shadow;

import java.util.List;
import java.util.Optional;

/** Where challengers come from; the service has one per lifecycle. */
public interface ChallengerSource {

    /** The challengers in shadow now; cheap, asked after every decision. */
    List<Challenger> challengers();

    /**
     * The one-line description of a challenger of this source, in shadow now or before; empty for any other id. A
     * source that remembers no earlier challengers describes only the current ones.
     */
    default Optional<String> describe(String challengerId) {
        return challengers().stream().filter(c -> c.id().equals(challengerId)).findFirst().map(Challenger::description);
    }

    /** The challengers of every source, and the first description any of them has for an id. */
    static ChallengerSource every(List<ChallengerSource> sources) {
        List<ChallengerSource> all = List.copyOf(sources);
        return new ChallengerSource() {
            @Override
            public List<Challenger> challengers() {
                return all.stream().flatMap(s -> s.challengers().stream()).toList();
            }

            @Override
            public Optional<String> describe(String challengerId) {
                return all.stream().map(s -> s.describe(challengerId)).flatMap(Optional::stream).findFirst();
            }
        };
    }
}
