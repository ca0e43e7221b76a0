package com.jackhoman.kfp.releaser;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.jackhoman.kfp.releaser.runtime.OperatorAssembly;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.javaoperatorsdk.operator.Operator;
import org.junit.jupiter.api.Test;

/**
 * Every test runs the operator {@code run} ships: built by {@link OperatorAssembly#operator} (with
 * its configuration: no server-side apply for primaries, retry, threads, leader election), never by
 * a JOSDK constructor or test extension of its own with JOSDK's defaults.
 */
class TestedOperatorIsTheShippedOneTest {

  private static final JavaClasses ALL =
      new ClassFileImporter().importPackages("com.jackhoman.kfp.releaser");

  @Test
  void onlyTheAssemblyBuildsAJosdkOperator() {
    noClasses()
        .that()
        .doNotBelongToAnyOf(OperatorAssembly.class)
        .should()
        .callConstructor(Operator.class, java.util.function.Consumer.class)
        .orShould()
        .callConstructor(Operator.class)
        .check(ALL);
  }

  @Test
  void josdksOwnTestExtensionRunsOnlyTheMockServersToyReconciler() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(
            "com.jackhoman.kfp.releaser.sandbox.OperatorOnFaithfulMockServerIT")
        .and()
        .resideOutsideOfPackage("io.javaoperatorsdk..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.javaoperatorsdk.operator.junit.LocallyRunOperatorExtension")
        .check(ALL);
  }
}
