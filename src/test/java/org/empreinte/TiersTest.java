package org.empreinte;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;


/**
 * Every test class that starts the application, opens a test database or drives Chromium carries the tier that
 * says so (see {@link Tiers}): an untagged one would run in the unit tier, slowing {@code -Dgroups='none()'}, and
 * a database one would miss its PostgreSQL run. Read from the compiled test classes; a class counts with the
 * classes nested in it, and a tier is found on the class, its superclasses or its enclosing class, as JUnit does.
 */
class TiersTest {

    private static final JavaClasses TESTS = importTests();

    /**
     * The test classes alone: the rule reads names of what they use, so ArchUnit need not follow them into every
     * library on the class path (seconds of reading otherwise).
     */
    private static JavaClasses importTests() {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolving = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages("org.empreinte");
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolving);
        }
    }

    @Test
    void everyTestClassCarriesTheTierOfWhatItStarts() {
        assertThat(untagged("org.empreinte", Set.of("org.empreinte.archfixture"))).isEmpty();
    }

    @Test
    void theRuleFindsAClassThatStartsTheApplicationWithoutItsTier() {
        assertThat(untagged("org.empreinte.archfixture.tiers", Set.of()))
                .containsExactly("org.empreinte.archfixture.tiers.UntaggedApplicationFixture starts the application: @Tiers.Api or @Tiers.Browser");
    }

    private static List<String> untagged(String root, Set<String> leftOut) {
        List<String> found = new ArrayList<>();
        for (JavaClass test : TESTS) {
            if (!test.getPackageName().startsWith(root) || leftOut.stream().anyMatch(test.getPackageName()::startsWith)
                    || !hasTests(test)) {
                continue;
            }
            Class<?> outer = outermost(load(test.getName()));
            boolean browser = uses(test, "org.empreinte.web.Chromium");
            boolean application = uses(test, "io.dropwizard.testing.junit5.DropwizardAppExtension") || startsTheApplication(test);
            boolean database = uses(test, "org.empreinte.db.TestDatabase");
            if (browser && !tagged(outer, Tiers.Browser.class)) {
                found.add(outer.getName() + " drives Chromium: @Tiers.Browser");
            } else if (application && !tagged(outer, Tiers.Api.class, Tiers.Browser.class)) {
                found.add(outer.getName() + " starts the application: @Tiers.Api or @Tiers.Browser");
            } else if (database && !tagged(outer, Tiers.Database.class, Tiers.Api.class, Tiers.Browser.class)) {
                found.add(outer.getName() + " opens a test database: @Tiers.Database");
            }
        }
        return found.stream().distinct().toList();
    }

    private static boolean hasTests(JavaClass test) {
        for (JavaMethod method : test.getMethods()) {
            if (method.isAnnotatedWith(Test.class) || method.isAnnotatedWith("org.junit.jupiter.params.ParameterizedTest")
                    || method.isAnnotatedWith("org.junit.jupiter.api.TestFactory")) {
                return true;
            }
        }
        return false;
    }

    /** TestApp's create and shared methods; its other helpers (a temporary file's name) start nothing. */
    private static boolean startsTheApplication(JavaClass test) {
        return test.getMethodCallsFromSelf().stream().anyMatch(call -> call.getTargetOwner().getName().equals("org.empreinte.TestApp")
                && (call.getName().startsWith("create") || call.getName().equals("shared")));
    }

    private static boolean uses(JavaClass test, String target) {
        return test.getDirectDependenciesFromSelf().stream().anyMatch(d -> d.getTargetClass().getName().equals(target));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, TiersTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> outermost(Class<?> type) {
        Class<?> outer = type;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        return outer;
    }

    @SafeVarargs
    private static boolean tagged(Class<?> type, Class<? extends Annotation>... tiers) {
        for (Class<? extends Annotation> tier : tiers) {
            if (type.isAnnotationPresent(tier)) {
                return true;
            }
        }
        return false;
    }
}
