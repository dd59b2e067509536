package dev.arbiter.cluster.state;

import dev.arbiter.engine.state.DeskEvent;
import dev.arbiter.engine.state.MarketEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * What a checkpoint holds for one account, in bytes, as the job's serializers write it: the state value, and the
 * market events, keys and desk actions beside it (Flink adds a few bytes per entry).
 */
public record StateSize(long slice, long market, long keys, long desk) {

    public long total() {
        return slice + market + keys + desk;
    }

    public static StateSize of(AccountSlice slice, List<MarketEvent> market, Collection<String> keys,
                               List<DeskEvent> desk) {
        return new StateSize(bytes(new JsonSerializer<>(AccountSlice.class), List.of(slice)),
                bytes(new JsonSerializer<>(MarketEvent.class), market),
                keys.stream().mapToLong(k -> k.getBytes(StandardCharsets.UTF_8).length + 1L).sum(),
                bytes(new JsonSerializer<>(DeskEvent.class), desk));
    }

    private static <T> long bytes(JsonSerializer<T> serializer, List<T> values) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(4096);
            for (T value : values) {
                serializer.serialize(value, out);
            }
            return out.length();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
