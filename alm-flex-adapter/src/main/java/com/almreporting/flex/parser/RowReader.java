package com.almreporting.flex.parser;

import com.almreporting.domain.model.RawAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the attributes of the element at the reader's current start tag into a {@link Row}, straight from the
 * StAX reader. The rows of a section repeat the same attribute names in the same order, so the names of the last
 * row of each element are kept and shared ({@link RawAttributes.Names}) while they stay the same; a row then costs
 * only its values. One per parse; not thread-safe.
 */
final class RowReader {

    private final XMLStreamReader reader;
    private final RepeatedValues repeated;
    private final Map<String, RawAttributes.Names> shapes = new HashMap<>();
    private String[] values = new String[128];

    RowReader(XMLStreamReader reader, RepeatedValues repeated) {
        this.reader = reader;
        this.repeated = repeated;
    }

    /**
     * The row at the current start tag, which the caller says is element {@code element} at line {@code line}.
     *
     * @throws RowRejection when a value is longer than {@link Row#MAX_VALUE_LENGTH}
     */
    Row read(String element, int line) {
        int n = reader.getAttributeCount();
        if (values.length < n) {
            values = new String[Math.max(n, values.length * 2)];
        }
        RawAttributes.Names names = shapes.get(element);
        boolean sameNames = names != null && names.size() == n;
        for (int i = 0; i < n; i++) {
            String name = reader.getAttributeLocalName(i);
            String value = reader.getAttributeValue(i);
            if (value.length() > Row.MAX_VALUE_LENGTH) {
                throw new RowRejection(element, line, name, "attribute value of " + value.length()
                        + " characters exceeds the limit of " + Row.MAX_VALUE_LENGTH + " characters", null);
            }
            values[i] = repeated.share(value);
            // The JDK's reader hands out the same String instance for a name it has seen: == is the usual answer.
            sameNames = sameNames && (name == names.get(i) || name.equals(names.get(i)));
        }
        if (!sameNames) {
            names = namesOfCurrentElement(n);
            if (names == null) {
                return new Row(element, line, lastWins(n), repeated);
            }
            shapes.put(element, names);
        }
        return new Row(element, line, names.with(values), repeated);
    }

    /** The names at the current start tag, or null when a local name repeats (in different namespaces). */
    private RawAttributes.Names namesOfCurrentElement(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(reader.getAttributeLocalName(i));
        }
        if (names.stream().distinct().count() != n) {
            return null;
        }
        return RawAttributes.Names.of(names);
    }

    /** Attributes by local name where one repeats: the last value wins, at the first one's position. */
    private RawAttributes lastWins(int n) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byName.put(reader.getAttributeLocalName(i), values[i]);
        }
        return RawAttributes.of(byName);
    }
}
