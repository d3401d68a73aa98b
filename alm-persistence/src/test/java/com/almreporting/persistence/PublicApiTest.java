package com.almreporting.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Generated jOOQ types, and jOOQ's own, never leave the adapter: no public signature mentions them. */
class PublicApiTest {

    @Test
    void publicSignaturesSpeakDomainAndJdkTypesOnly() throws Exception {
        List<Class<?>> publicClasses = adapterClasses().stream().filter(c -> Modifier.isPublic(c.getModifiers())).toList();
        assertThat(publicClasses).extracting(Class::getSimpleName)
                .contains("JooqLedger", "PersistenceModule", "DatabaseConfig", "EmbeddedDatabase", "Migrations",
                        "ProcessLock", "OwnerOnlyFiles");

        List<String> leaks = new ArrayList<>();
        for (Class<?> c : publicClasses) {
            List<Member> members = new ArrayList<>();
            members.addAll(Arrays.asList(c.getMethods()));
            members.addAll(Arrays.asList(c.getConstructors()));
            members.addAll(Arrays.asList(c.getFields()));
            for (Member m : members) {
                for (Type t : signatureTypes(m)) {
                    String name = t.getTypeName();
                    if (name.contains("org.jooq") || name.contains(".persistence.jooq.")) {
                        leaks.add(c.getSimpleName() + "." + m.getName() + ": " + name);
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static List<Type> signatureTypes(Member m) {
        List<Type> types = new ArrayList<>();
        if (m instanceof Method method) {
            types.add(method.getGenericReturnType());
        }
        if (m instanceof Executable e) {
            types.addAll(Arrays.asList(e.getGenericParameterTypes()));
            types.addAll(Arrays.asList(e.getGenericExceptionTypes()));
        }
        if (m instanceof java.lang.reflect.Field f) {
            types.add(f.getGenericType());
        }
        return types;
    }

    /** The adapter's own classes (not the generated ones), read from the compiled package directory. */
    private static List<Class<?>> adapterClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(JooqLedger.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve(JooqLedger.class.getPackageName().replace('.', '/'));
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String simple = p.getFileName().toString().replace(".class", "");
                classes.add(Class.forName(JooqLedger.class.getPackageName() + "." + simple));
            }
        }
        assertThat(classes).isNotEmpty();
        return classes;
    }
}
