package com.jackhoman.kfp.releaser;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the package rules of the style guide: dependencies point one way. */
class ArchitectureTest {

  private static final String BASE = "com.jackhoman.kfp.releaser";
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);
  }

  @Test
  void kfpPackageSeesNoKubernetesOrOperatorSdkType() {
    noClasses()
        .that()
        .resideInAPackage(BASE + ".kfp..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.fabric8..", "io.javaoperatorsdk..", BASE + ".api..")
        .check(classes);
  }

  @Test
  void kfpPackageDependsOnNothingElseOfOurs() {
    noClasses()
        .that()
        .resideInAPackage(BASE + ".kfp..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            BASE + ".validate..",
            BASE + ".emulator..",
            BASE + ".sandbox..",
            BASE + ".pipeline..",
            BASE + ".pipelineversion..",
            BASE + ".recurringrun..",
            BASE + ".experiment..",
            BASE + ".status..")
        .check(classes);
  }

  @Test
  void kfpAdaptersDoNotSeeEachOther() {
    noClasses()
        .that()
        .resideInAPackage(BASE + ".kfp.v1beta1..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(BASE + ".kfp.v2beta1..")
        .allowEmptyShould(true)
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(BASE + ".kfp.v2beta1..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(BASE + ".kfp.v1beta1..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void validatorDoesNotDependOnTheCommandLine() {
    noClasses()
        .that()
        .resideInAPackage(BASE + ".validate..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .check(classes);
  }

  @Test
  void kindPackagesUseOnlyKfpStatusAndTheApi() {
    noClasses()
        .that()
        .resideInAnyPackage(
            BASE + ".pipeline..",
            BASE + ".pipelineversion..",
            BASE + ".recurringrun..",
            BASE + ".experiment..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(BASE + ".validate..", BASE + ".emulator..", BASE + ".sandbox..")
        .allowEmptyShould(true)
        .check(classes);
  }
}
