package com.jackhoman.kfp.releaser.pipelineversion;

import com.jackhoman.kfp.releaser.api.v1alpha1.pipelineversionstatus.Parameters;
import com.jackhoman.kfp.releaser.kfp.packages.PipelineInput;
import com.jackhoman.kfp.releaser.kfp.packages.PipelinePackage;
import java.util.List;

/** A package's declared inputs as {@code PipelineVersion.status.parameters} shows them. */
final class DeclaredInputs {

  private DeclaredInputs() {}

  /** The inputs of {@code pkg} in declaration order, each default written as JSON text. */
  static List<Parameters> of(PipelinePackage pkg) {
    return pkg.inputs().stream().map(DeclaredInputs::parameter).toList();
  }

  private static Parameters parameter(PipelineInput input) {
    Parameters parameter = new Parameters();
    parameter.setName(input.name());
    parameter.setType(input.type().name());
    parameter.set_default(input.defaultValue() == null ? null : input.defaultValue().toString());
    parameter.setRequired(input.required());
    return parameter;
  }
}
