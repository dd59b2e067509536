package dev.arbiter.rules.session;

import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Each record type's components, looked up once: {@link Class#getRecordComponents} builds them anew on every call,
 * and every firing's facts are described for its trace and again for its explanation.
 */
final class RecordComponents {

    private static final ClassValue<List<RecordComponent>> OF = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            return List.of(type.getRecordComponents());
        }
    };

    private RecordComponents() {
    }

    static List<RecordComponent> of(Class<?> type) {
        return OF.get(type);
    }
}
