package dev.arbiter.cluster;

import java.util.ArrayList;
import java.util.List;

/** Several accounts' inputs as one stream would carry them: one of each in turn, each account's order kept. */
final class Interleave {

    private Interleave() {
    }

    static <T> List<T> roundRobin(List<List<T>> streams) {
        List<T> merged = new ArrayList<>();
        int longest = streams.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<T> stream : streams) {
                if (i < stream.size()) {
                    merged.add(stream.get(i));
                }
            }
        }
        return merged;
    }
}
