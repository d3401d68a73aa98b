package com.almreporting.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where production code parses XML, across every module: exactly the entry points that alm-flex-adapter's
 * XmlEntryPointsTest proves refuse DTDs (external entities to local files, external DTDs, billion laughs). A new
 * parser anywhere fails this test until it is hardened and added there. JAXB reads only from a StAX reader that one of
 * those entry points made, never from a stream, file or URL of its own.
 */
class XmlEntryPointsArchTest {

    /** The APIs that parse XML (or make something that does). */
    private static final List<String> XML_PARSING = List.of("javax.xml.stream.XMLInputFactory", "javax.xml.parsers.",
            "org.xml.sax.", "javax.xml.transform.", "javax.xml.validation.", "javax.xml.xpath.", "org.w3c.dom.",
            "jakarta.xml.bind.JAXBContext", "jakarta.xml.bind.Unmarshaller", "jakarta.xml.bind.JAXB");

    /** The entry points XmlEntryPointsTest covers. */
    private static final Set<String> HARDENED = Set.of("com.almreporting.flex.parser.FlexStatementParser",
            "com.almreporting.flex.client.FlexResponses");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("com.almreporting");
    }

    @Test
    void onlyTheHardenedEntryPointsParseXml() {
        Set<String> parsing = new TreeSet<>();
        for (JavaClass c : classes) {
            boolean uses = c.getDirectDependenciesFromSelf().stream()
                    .map(d -> d.getTargetClass().getName())
                    .anyMatch(target -> XML_PARSING.stream().anyMatch(target::startsWith));
            if (uses) {
                parsing.add(topLevel(c).getName());
            }
        }
        assertThat(parsing).as("classes that parse XML").containsExactlyInAnyOrderElementsOf(HARDENED);
    }

    @Test
    void jaxbUnmarshalsOnlyFromAStaxReader() {
        List<String> calls = new java.util.ArrayList<>();
        for (JavaClass c : classes) {
            for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                if (call.getTargetOwner().isAssignableTo("jakarta.xml.bind.Unmarshaller")
                        && call.getName().equals("unmarshal")) {
                    calls.add(call.getTarget().getRawParameterTypes().get(0).getName());
                }
            }
        }
        // The parser no longer uses JAXB at all; should it come back, it must read from the hardened StAX reader.
        assertThat(calls).as("what JAXB unmarshals from").allMatch("javax.xml.stream.XMLStreamReader"::equals);
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }
}
