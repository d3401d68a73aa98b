package com.almreporting.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dependency rule of DESIGN §2, checked where every module's classes are visible (the CLI is the composition
 * root). Each rule first proves that the packages it names hold classes, so that no rule passes vacuously.
 */
class ArchitectureTest {

    private static final String DOMAIN = "com.almreporting.domain..";
    private static final String FLEX = "com.almreporting.flex..";
    private static final String GATEWAY = "com.almreporting.gateway..";
    private static final String PERSISTENCE = "com.almreporting.persistence..";
    private static final String REPORT = "com.almreporting.report..";
    private static final String CLI = "com.almreporting.cli..";

    /** Every adapter package: each must hold classes, so that its rules check something. */
    private static final List<String> ADAPTERS_WITH_CODE = List.of(FLEX, GATEWAY, REPORT, PERSISTENCE);

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Production classes only: test classes of this module and the domain's test-jar are not part of the rule.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("com.almreporting");
    }

    private static void assertPackageHasClasses(String pattern) {
        String prefix = pattern.replace("..", "");
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith(prefix)).count())
                .as("classes in %s", pattern).isPositive();
    }

    @Test
    void domainDependsOnTheJdkOnly() {
        assertPackageHasClasses(DOMAIN);
        classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
                .because("the domain is pure Java: no framework, adapter, JDBC, network or XML binding")
                .check(classes);
    }

    @Test
    void domainUsesNeitherJdbcNorNetworkNorXml() {
        assertPackageHasClasses(DOMAIN);
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "java.net..",
                        "java.net.http..", "javax.xml..", "jakarta..", "org.jooq..", "org.flywaydb..", "org.slf4j..",
                        "ch.qos.logback..", "picocli..")
                .check(classes);
    }

    @ParameterizedTest
    @ValueSource(strings = {FLEX, GATEWAY, REPORT, PERSISTENCE})
    void adaptersDoNotDependOnEachOther(String adapter) {
        assertPackageHasClasses(adapter);
        List<String> others = new java.util.ArrayList<>(List.of(FLEX, GATEWAY, PERSISTENCE, REPORT, CLI));
        others.remove(adapter);
        noClasses().that().resideInAPackage(adapter)
                .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                .check(classes);
    }

    @Test
    void everyAdapterWithCodeIsChecked() {
        ADAPTERS_WITH_CODE.forEach(ArchitectureTest::assertPackageHasClasses);
        assertPackageHasClasses(CLI);
    }

    @Test
    void onlyTheCliKnowsTheCli() {
        assertPackageHasClasses(CLI);
        noClasses().that().resideOutsideOfPackage(CLI).should().dependOnClassesThat().resideInAPackage(CLI).check(classes);
    }
}
