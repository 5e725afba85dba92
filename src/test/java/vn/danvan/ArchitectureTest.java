package vn.danvan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of the house style, kept by the build. */
class ArchitectureTest {

  private static final String[] FEATURES = {
    "vn.danvan.orgunit..", "vn.danvan.directive..", "vn.danvan.task..",
    "vn.danvan.reporting..", "vn.danvan.reception..", "vn.danvan.sync..",
    "vn.danvan.imports..", "vn.danvan.webhooks..", "vn.danvan.dialogue.."
  };
  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.danvan");
  }

  @Test
  void sharedDependsOnNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("vn.danvan.shared..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES)
        .check(classes);
  }

  @Test
  void entitiesStayInsideTheirFeature() {
    for (String feature : FEATURES) {
      noClasses()
          .that()
          .resideOutsideOfPackage(feature)
          .should()
          .dependOnClassesThat(
              com.tngtech.archunit.base.DescribedPredicate.and(
                  com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(feature),
                  com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates
                      .annotatedWith(Entity.class)))
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  /**
   * The classes that administer the embedded server over JDBC at startup (roles, databases,
   * extensions): they run before any repository exists.
   */
  private static final Set<String> SERVER_ADMINISTRATION =
      Set.of(
          "vn.danvan.shared.persistence.EmbeddedPostgresServer",
          "vn.danvan.shared.persistence.DataDirectoryLock");

  private static final Set<String> PANACHE_QUERY_METHODS =
      Set.of("find", "list", "stream", "update", "delete", "count");

  private static final Set<String> JDBC_STATEMENT_METHODS =
      Set.of("prepareStatement", "prepareCall", "createStatement");

  /** A class, or the class it is nested in, is a repository or administers the server. */
  private static final DescribedPredicate<JavaClass> MAY_ISSUE_SQL =
      DescribedPredicate.describe(
          "repositories (and " + SERVER_ADMINISTRATION + ")",
          c -> {
            JavaClass top = c;
            while (top.getEnclosingClass().isPresent()) {
              top = top.getEnclosingClass().get();
            }
            return top.getSimpleName().endsWith("Repository")
                || SERVER_ADMINISTRATION.contains(top.getName());
          });

  /**
   * A query or statement: {@code EntityManager}/{@code Session} {@code create*Query}, a Panache
   * query method given a query string ({@code Task.find("...")}: javac names the entity as the
   * owner), or a JDBC statement.
   */
  private static final DescribedPredicate<JavaAccess<?>> ISSUES_SQL =
      DescribedPredicate.describe(
          "a query (EntityManager/Session create*Query, Panache query string, JDBC statement)",
          access -> {
            if (!(access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget target)) {
              return false;
            }
            JavaClass owner = target.getOwner();
            String name = target.getName();
            if (owner.isAssignableTo(EntityManager.class)) {
              return name.startsWith("create") && name.endsWith("Query");
            }
            if (owner.isAssignableTo(PanacheEntityBase.class)
                || owner.isAssignableTo(PanacheRepositoryBase.class)) {
              return PANACHE_QUERY_METHODS.contains(name)
                  && !target.getRawParameterTypes().isEmpty()
                  && target.getRawParameterTypes().get(0).isEquivalentTo(String.class);
            }
            return owner.isAssignableTo(Connection.class) && JDBC_STATEMENT_METHODS.contains(name);
          });

  private static ArchRule sqlOnlyInRepositories() {
    return noClasses()
        .that(DescribedPredicate.not(MAY_ISSUE_SQL))
        .should()
        .accessTargetWhere(ISSUES_SQL)
        .because("SQL and JPQL live in the package-private *Repository classes");
  }

  @Test
  void onlyRepositoriesIssueSql() {
    sqlOnlyInRepositories().check(classes);
  }

  @Test
  void sharedAndSyncIssueSqlOnlyInRepositories() {
    sqlOnlyInRepositories()
        .check(
            classes.that(
                JavaClass.Predicates.resideInAnyPackage("vn.danvan.shared..", "vn.danvan.sync..")));
  }

  @Test
  void repositoriesArePackagePrivate() {
    classes()
        .that()
        .haveSimpleNameEndingWith("Repository")
        .should()
        .notBePublic()
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void resourcesDoNotTouchEntitiesOrRepositories() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("Resource")
        .should()
        .dependOnClassesThat()
        .areAnnotatedWith(Entity.class)
        .orShould()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("Repository")
        .check(classes);
  }

  @Test
  void featuresTalkToOtherFeaturesThroughServicesAndRecords() {
    // another feature may use a feature's service, its records and enums, never its repository
    for (String feature : FEATURES) {
      noClasses()
          .that()
          .resideOutsideOfPackage(feature)
          .should()
          .dependOnClassesThat(
              com.tngtech.archunit.base.DescribedPredicate.and(
                  com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(feature),
                  com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith(
                      "Repository")))
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  @Test
  void nothingDependsOnTheDemoPackage() {
    // the demo loaders use the features; no feature (nor shared code) knows them
    noClasses()
        .that()
        .resideOutsideOfPackage("vn.danvan.demo..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("vn.danvan.demo..")
        .check(classes);
  }
}
