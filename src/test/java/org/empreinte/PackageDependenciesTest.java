package org.empreinte;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * The packages of org.empreinte depend on one another without cycles, in layers: calculation (the core,
 * plain Java) and web and db at the bottom, the features above them, then overview (pages that gather
 * several features), tools and the application's wiring (EmpreinteApplication, EmpreinteConfiguration in
 * the root package, which is in no slice: it wires everything, tools' commands included, and the import
 * command reads its configuration, so those two entry points know each other). A lower package reaches a
 * higher one only through an interface it owns (OrganizationAccess, ActivityRecompute, AuditPages.Restorer),
 * implemented above it or by a lambda in the wiring.
 * The rules read the compiled classes, so a dependency written as a fully qualified name counts too.
 * Each rule is made for a root package, so that the same rule also runs over the classes of
 * org.empreinte.archfixture, which break it on purpose: a rule that never fails proves nothing.
 */
@AnalyzeClasses(packages = PackageDependenciesTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class PackageDependenciesTest {

    static final String ROOT = "org.empreinte";
    /** inventory has no class yet: listed so that the rules hold it from its first one. */
    static final String[] FEATURES = {"organization", "activity", "factor", "footprint", "target", "network", "auth", "audit",
        "inventory", "questionnaire"};
    static final String[] FRAMEWORKS = {"jakarta..", "javax.ws..", "io.dropwizard..", "org.jdbi..", "com.fasterxml..",
        "org.glassfish..", "org.eclipse.jetty..", "liquibase..", "org.sqlite.."};

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = noCycles(ROOT);

    @ArchTest
    static final ArchRule calculationIsPlainJava = calculationIsPlainJava(ROOT);

    @ArchTest
    static final ArchRule webAndDbKnowNoFeature = webAndDbKnowNoFeature(ROOT);

    @ArchTest
    static final ArchRule featuresKnowNothingAboveThem = featuresKnowNothingAboveThem(ROOT);

    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").namingSlices("$1").should().beFreeOfCycles();
    }

    static ArchRule calculationIsPlainJava(String root) {
        return noClasses().that().resideInAPackage(root + ".calculation..")
                .should().dependOnClassesThat(resideInAPackage(root + "..").and(not(resideInAPackage(root + ".calculation.."))))
                .orShould().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("the core computes emissions and nothing else, and is tested without a server or a database");
    }

    static ArchRule webAndDbKnowNoFeature(String root) {
        return noClasses().that().resideInAnyPackage(root + ".web..", root + ".db..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(packages(root, FEATURES),
                        packages(root, "overview", "tools"), new String[] {root}))
                .because("every feature builds on them");
    }

    static ArchRule featuresKnowNothingAboveThem(String root) {
        return noClasses().that().resideInAnyPackage(packages(root, FEATURES))
                .should().dependOnClassesThat().resideInAnyPackage(concat(packages(root, "overview", "tools"), new String[] {root}))
                .because("overview, tools and the application's wiring are built from the features; a feature that needs"
                        + " a setting takes it as a value or a configuration class of its own");
    }

    /** If the import missed a package (a wrong root, a moved directory), every rule would pass on nothing. */
    @ArchTest
    static void theRulesReadEveryPackage(JavaClasses classes) {
        assertThat(classes.stream().map(JavaClass::getPackageName).distinct()).contains(ROOT)
                .contains(names(ROOT, "calculation", "web", "db", "overview", "tools"))
                .contains(Arrays.stream(names(ROOT, FEATURES)).filter(p -> !p.endsWith(".inventory")).toArray(String[]::new));
        assertThat(classes.containPackage(ROOT + ".archfixture")).as("the fixtures are test classes, left out").isFalse();
    }

    @ArchTest
    static void aCycleBetweenTwoPackagesIsReported(JavaClasses ignored) {
        String root = ROOT + ".archfixture.cycle";
        EvaluationResult result = noCycles(root).evaluate(new ClassFileImporter().importPackages(root));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("Cycle detected: a -> ", "Dependencies of a", "Dependencies of b");
    }

    @ArchTest
    static void aDependencyAgainstTheLayersIsReported(JavaClasses ignored) {
        String root = ROOT + ".archfixture.layers";
        JavaClasses fixtures = new ClassFileImporter().importPackages(root);

        assertThat(report(calculationIsPlainJava(root), fixtures)).contains("UsesWeb", "UsesFramework");
        assertThat(report(webAndDbKnowNoFeature(root), fixtures)).contains("Shared");
        assertThat(report(featuresKnowNothingAboveThem(root), fixtures)).contains("Feature");
        assertThat(noCycles(root).evaluate(fixtures).hasViolation()).as("the layers' fixtures make no cycle").isFalse();
    }

    private static String report(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return result.getFailureReport().toString();
    }

    /** The packages {@code root.name} and their subpackages, in ArchUnit's notation. */
    private static String[] packages(String root, String... names) {
        return Arrays.stream(names(root, names)).map(name -> name + "..").toArray(String[]::new);
    }

    private static String[] names(String root, String... names) {
        return Arrays.stream(names).map(name -> root + "." + name).toArray(String[]::new);
    }

    private static String[] concat(String[]... parts) {
        return Stream.of(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
