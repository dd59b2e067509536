package dev.arbiter.cluster.state;

import dev.arbiter.engine.json.ArbiterJson;
import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes a value of one of the engine's types as its JSON, the form the service's journal and snapshots keep: one
 * schema for the state wherever it is stored, read back by the same mapper (unknown fields refused). The values are
 * immutable records, so copies are the values themselves. Declared for every state and stream type of the job, so
 * Flink never falls back to Kryo.
 */
public final class JsonSerializer<T> extends TypeSerializer<T> {

    private final Class<T> type;

    public JsonSerializer(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public T createInstance() {
        return null;
    }

    @Override
    public T copy(T from) {
        return from;
    }

    @Override
    public T copy(T from, T reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        byte[] json = ArbiterJson.mapper().writerFor(type).writeValueAsBytes(record);
        target.writeInt(json.length);
        target.write(json);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        byte[] json = new byte[source.readInt()];
        source.readFully(json);
        return ArbiterJson.mapper().readerFor(type).readValue(json);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonSerializer<?> that && that.type.equals(type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new Snapshot<>(type);
    }

    /**
     * What a checkpoint records of the serializer: the type's name. The JSON form evolves as the journal's does (new
     * fields optional, old ones still read), so a restore with the same type name is compatible as it is.
     */
    public static final class Snapshot<T> implements TypeSerializerSnapshot<T> {

        private static final int VERSION = 1;
        private Class<T> type;

        /** For Flink, which reads the type's name back. */
        public Snapshot() {
        }

        Snapshot(Class<T> type) {
            this.type = type;
        }

        @Override
        public int getCurrentVersion() {
            return VERSION;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeUTF(type.getName());
        }

        @Override
        @SuppressWarnings("unchecked")
        public void readSnapshot(int version, DataInputView in, ClassLoader loader) throws IOException {
            String name = in.readUTF();
            try {
                type = (Class<T>) Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                throw new IOException("the checkpoint holds state of type " + name + ", which this build does not have", e);
            }
        }

        @Override
        public TypeSerializer<T> restoreSerializer() {
            return new JsonSerializer<>(type);
        }

        @Override
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> old) {
            return old instanceof Snapshot<T> previous && previous.type.equals(type)
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
