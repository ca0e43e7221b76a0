package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.jackhoman.kfp.releaser.kfp.packages.InvalidPackageException;
import com.jackhoman.kfp.releaser.kfp.packages.PackageFormat;
import com.jackhoman.kfp.releaser.kfp.packages.PackageJudge;
import com.jackhoman.kfp.releaser.kfp.packages.PipelineInput;
import com.jackhoman.kfp.releaser.kfp.packages.PipelinePackage;
import java.util.List;

/**
 * A package KFP accepted, with the Struct it shows as {@code pipeline_spec} (the IR document, or
 * the {@code {pipeline_spec, platform_spec}} wrapper, integral numbers written as integers).
 */
record StoredPackage(PipelinePackage judged, JsonObject specStruct) {

  /** Judges an uploaded file as KFP 2.x does; a refused package is a 400 with every problem. */
  static StoredPackage judge(PackageJudge judge, String fileName, String text) {
    try {
      PipelinePackage judged = judge.judgeFile(fileName, text);
      return new StoredPackage(
          judged, JsonParser.parseString(judged.canonicalJson()).getAsJsonObject());
    } catch (InvalidPackageException e) {
      throw KfpError.invalidArgument(String.join("; ", e.problems()));
    }
  }

  boolean argo() {
    return judged.format() == PackageFormat.ARGO_WORKFLOW;
  }

  List<PipelineInput> inputs() {
    return judged.inputs();
  }

  /** Gives out a copy, since Gson objects are mutable. */
  JsonObject spec() {
    return specStruct.deepCopy();
  }
}
