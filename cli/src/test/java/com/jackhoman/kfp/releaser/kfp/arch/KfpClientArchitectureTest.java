package com.jackhoman.kfp.releaser.kfp.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the KFP client free of Kubernetes and its two adapters apart from each other. */
class KfpClientArchitectureTest {

  private static final String KFP = "com.jackhoman.kfp.releaser.kfp";

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(KFP);

  @Test
  void theKfpClientSeesNothingOfKubernetes() {
    noClasses()
        .that()
        .resideInAPackage(KFP + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fabric8..", "io.javaoperatorsdk..", "com.jackhoman.kfp.releaser.api..")
        .check(classes);
  }

  @Test
  void theTwoAdaptersNeverSeeEachOther() {
    noClasses()
        .that()
        .resideInAPackage(KFP + ".v1beta1..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(KFP + ".v2beta1..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(KFP + ".v2beta1..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(KFP + ".v1beta1..")
        .check(classes);
  }

  @Test
  void theApiInOurWordsSeesNoWireOrTransport() {
    noClasses()
        .that()
        .resideInAPackage(KFP)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            KFP + ".http..",
            KFP + ".v1beta1..",
            KFP + ".v2beta1..",
            "org.apache.hc..",
            "com.google.gson..")
        .check(classes);
  }
}
