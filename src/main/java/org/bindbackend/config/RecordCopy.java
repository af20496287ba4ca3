package org.bindbackend.config;

import java.lang.reflect.RecordComponent;

/**
 * Reads one component of a record, or copies the record with one component replaced, through its canonical
 * constructor: the settings records grow a component with each new setting, and a copy by name needs no change
 * then, where a positional copy would.
 */
final class RecordCopy {

    private RecordCopy() {
    }

    static Object get(Object record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    static Object with(Object record, RecordComponent replaced, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals(replaced.getName()) ? value : get(record, components[i]);
        }
        try {
            return record.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName(), e);
        }
    }
}
