package io.accords.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/**
 * How the code is wired, checked against the compiled classes (ArchUnit), with no list of exceptions: the packages
 * (features and the shared kernels below them) depend on each other one way only, and inside a feature a resource
 * speaks HTTP through a service, never to a repository or with an entity.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.accords");

    private static final DescribedPredicate<JavaClass> RESOURCES =
            DescribedPredicate.describe("resources", c -> c.isAnnotatedWith(Path.class));
    private static final DescribedPredicate<JavaClass> ENTITIES =
            DescribedPredicate.describe("entities", c -> c.isAnnotatedWith(Entity.class));
    private static final DescribedPredicate<JavaClass> REPOSITORIES =
            DescribedPredicate.describe("repositories", c -> c.getSimpleName().endsWith("Repository"));

    @Test
    void packagesDependOnEachOtherOneWayOnly() {
        slices().matching("io.accords.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void subPackagesDependOnEachOtherOneWayOnlyToo() {
        slices().matching("io.accords.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    /** Problem details, If-Match, merge patch and paging serve every feature, and so know none of them. */
    @Test
    void theHttpEdgeKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("io.accords.http..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.accords..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("io.accords.http.."))))
                .check(CLASSES);
    }

    @Test
    void resourcesNeverReachRepositories() {
        noClasses().that(RESOURCES).should().dependOnClassesThat(REPOSITORIES).check(CLASSES);
    }

    @Test
    void noEntityCrossesTheHttpBoundary() {
        methods()
                .that()
                .areDeclaredInClassesThat(RESOURCES)
                .and()
                .arePublic()
                .should()
                .haveRawReturnType(DescribedPredicate.not(ENTITIES))
                .andShould()
                .haveRawParameterTypes(DescribedPredicate.not(DescribedPredicate.anyElementThat(ENTITIES)))
                .check(CLASSES);
    }

    @Test
    void repositoriesServeServicesNotTheOtherWayRound() {
        noClasses().that(REPOSITORIES).should().dependOnClassesThat(RESOURCES).check(CLASSES);
        noClasses()
                .that(REPOSITORIES)
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Service")
                .check(CLASSES);
    }

    /**
     * A feature reaches another's records through that feature's service (or a {@code *References} port it owns),
     * never through its repository, so the other feature's rules (clearance, versions, history) always apply.
     */
    @Test
    void aFeatureReachesAnotherThroughItsServiceNeverItsRepository() {
        JavaClasses repositories = CLASSES.that(REPOSITORIES);
        for (JavaClass repository : repositories) {
            noClasses()
                    .that()
                    .resideOutsideOfPackage("io.accords." + ArchitectureDocumentTest.feature(repository) + "..")
                    .should()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName(repository.getName())
                    .because("another feature's records are reached through its service")
                    .check(CLASSES);
        }
        if (repositories.size() < 5) {
            throw new AssertionError("the rule found only " + repositories.size() + " repositories");
        }
    }

    /** The kernels and the edge serve every feature and hold no record of their own. */
    @Test
    void entitiesStayOutOfTheKernelsAndTheEdge() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.accords.http..",
                        "io.accords.openapi..",
                        "io.accords.ops..",
                        "io.accords.security..",
                        "io.accords.config..",
                        "io.accords.seed..")
                .should()
                .accessClassesThat(ENTITIES)
                .check(CLASSES);
    }

    /**
     * A native query is never read into a class ({@code createNativeQuery(sql, Long.class)}): Hibernate gives it a
     * result mapping equal to no other, so every run added a plan to its query-plan cache under the same hash, and each
     * request compared itself with all of them (three quarters of a filtered list's CPU). Read the column as a named
     * scalar ({@code addScalar}) instead; QueryPlanCacheTest checks the reads the document offers.
     */
    @Test
    void noNativeQueryIsReadIntoAClass() {
        noClasses()
                .should()
                .callMethod(jakarta.persistence.EntityManager.class, "createNativeQuery", String.class, Class.class)
                .orShould()
                .callMethod(org.hibernate.Session.class, "createNativeQuery", String.class, Class.class)
                .orShould()
                .callMethod(org.hibernate.query.QueryProducer.class, "createNativeQuery", String.class, Class.class)
                .check(CLASSES);
    }
}
