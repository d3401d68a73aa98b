package com.almreporting.flex.parser;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyAttribute;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * One Flex data row as JAXB unmarshals it: every attribute, known or not. Flex rows keep all their data in
 * attributes, and new ones appear with every IBKR release (FLEX-FACTS §5), so nothing is bound to typed
 * fields here; {@link Row} reads the values strictly, with IBKR's conventions.
 */
@XmlAccessorType(XmlAccessType.NONE)
final class FlexRow {

    @XmlAnyAttribute
    private Map<QName, String> attributes = new LinkedHashMap<>();

    /** Attributes by local name (Flex uses no namespaces). */
    Map<String, String> attributesByName() {
        Map<String, String> byName = new LinkedHashMap<>();
        attributes.forEach((name, value) -> byName.put(name.getLocalPart(), value));
        return byName;
    }
}
