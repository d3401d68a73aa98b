package com.almreporting.domain.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * Every attribute of one statement row exactly as written, in document order: the {@code raw} map of the row
 * records, which the ledger keeps as JSON. An unmodifiable {@link Map}, equal to any map with the same entries.
 *
 * <p>Why not {@code Map.copyOf}: a Flex row carries 40 to 90 attributes and a statement may hold hundreds of
 * thousands of rows, all rows of a section with the same attribute names in the same order. Here the names and
 * their index are held once, in a shared {@link Names}, and each row holds only an array of its values; a
 * general-purpose map would hold a table of twice as many slots per row (three times the memory).
 *
 * <p>Immutable and thread-safe.
 */
public final class RawAttributes extends AbstractMap<String, String> {

    /** No attributes. */
    public static final RawAttributes EMPTY = new RawAttributes(Names.of(List.of()), new String[0]);

    private final Names names;
    private final String[] values;

    private RawAttributes(Names names, String[] values) {
        this.names = names;
        this.values = values;
    }

    /**
     * The attributes of {@code map} in its iteration order; {@code map} itself when it already is one, and
     * {@link #EMPTY} for null.
     *
     * @throws NullPointerException when a name or a value is null
     */
    public static RawAttributes of(Map<String, String> map) {
        if (map == null) {
            return EMPTY;
        }
        if (map instanceof RawAttributes raw) {
            return raw;
        }
        String[] keys = new String[map.size()];
        String[] values = new String[map.size()];
        int i = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            keys[i] = Objects.requireNonNull(e.getKey(), "attribute name");
            values[i] = Objects.requireNonNull(e.getValue(), "attribute value");
            i++;
        }
        return new RawAttributes(new Names(keys), values);
    }

    /** The names of these attributes, in document order, shareable with other rows of the same shape. */
    public Names names() {
        return names;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean containsKey(Object name) {
        return names.indexOf(name) >= 0;
    }

    @Override
    public String get(Object name) {
        int i = names.indexOf(name);
        return i < 0 ? null : values[i];
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(names.names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    /**
     * The attribute names of one row shape, in document order, with their index: built once per shape and shared
     * by every row of that shape ({@link #with(String[])}). Immutable and thread-safe.
     */
    public static final class Names {
        private final String[] names;
        private final Map<String, Integer> index;

        private Names(String[] names) {
            this.names = names;
            this.index = new HashMap<>(names.length * 2);
            for (int i = 0; i < names.length; i++) {
                if (index.put(names[i], i) != null) {
                    throw new IllegalArgumentException("attribute '" + names[i] + "' appears twice");
                }
            }
        }

        /**
         * The names, in document order.
         *
         * @throws IllegalArgumentException when a name appears twice
         * @throws NullPointerException     when a name is null
         */
        public static Names of(List<String> names) {
            String[] copy = names.toArray(new String[0]);
            for (String name : copy) {
                Objects.requireNonNull(name, "attribute name");
            }
            return new Names(copy);
        }

        /** How many names. */
        public int size() {
            return names.length;
        }

        /** The name at {@code position} (0-based, document order). */
        public String get(int position) {
            return names[position];
        }

        /** The position of {@code name}, or -1 when it is not one of these names. */
        public int indexOf(Object name) {
            Integer i = index.get(name);
            return i == null ? -1 : i;
        }

        /**
         * A row of this shape: {@code values[i]} is the value of the name at position {@code i}. The first
         * {@link #size()} elements are copied; any further ones are ignored, so that a reader can fill one buffer
         * for every row.
         *
         * @throws IllegalArgumentException when there are fewer values than names
         * @throws NullPointerException     when a value is null
         */
        public RawAttributes with(String[] values) {
            if (values.length < names.length) {
                throw new IllegalArgumentException(values.length + " values for " + names.length + " attribute names");
            }
            String[] copy = Arrays.copyOf(values, names.length);
            for (String value : copy) {
                Objects.requireNonNull(value, "attribute value");
            }
            return new RawAttributes(this, copy);
        }
    }
}
