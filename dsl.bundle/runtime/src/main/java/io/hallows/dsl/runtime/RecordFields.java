package io.hallows.dsl.runtime;

/** The field values of a stored model's record, in declaration order: the parameters of its INSERT and UPDATE. */
final class RecordFields {
    private RecordFields() {
    }

    /** The accessors of each record class, in declaration order. */
    private static final ClassValue<java.lang.reflect.Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected java.lang.reflect.Method[] computeValue(Class<?> type) {
            java.lang.reflect.RecordComponent[] components = type.getRecordComponents();
            java.lang.reflect.Method[] out = new java.lang.reflect.Method[components.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = components[i].getAccessor();
            }
            return out;
        }
    };

    static Object[] of(Record row) {
        java.lang.reflect.Method[] accessors = ACCESSORS.get(row.getClass());
        Object[] out = new Object[accessors.length];
        try {
            for (int i = 0; i < out.length; i++) {
                out[i] = accessors[i].invoke(row);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the fields of " + row.getClass().getName(), e);
        }
        return out;
    }
}
