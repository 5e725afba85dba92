package vn.danvan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of the house style, kept by the build. */
class ArchitectureTest {

  private static final String[] FEATURES = {
    "vn.danvan.orgunit..", "vn.danvan.directive..", "vn.danvan.task..",
    "vn.danvan.reporting..", "vn.danvan.reception..", "vn.danvan.sync.."
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
