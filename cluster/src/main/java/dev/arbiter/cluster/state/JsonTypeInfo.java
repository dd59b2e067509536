package dev.arbiter.cluster.state;

import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** The stream type of an engine value carried between the job's operators as JSON ({@link JsonSerializer}). */
public final class JsonTypeInfo<T> extends TypeInformation<T> {

    private final Class<T> type;

    public JsonTypeInfo(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new JsonSerializer<>(type);
    }

    @Override
    public String toString() {
        return "JSON(" + type.getSimpleName() + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonTypeInfo<?> that && that.type.equals(type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof JsonTypeInfo<?>;
    }
}
