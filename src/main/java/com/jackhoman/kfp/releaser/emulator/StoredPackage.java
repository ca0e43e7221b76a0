package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * A judged pipeline package: whether it is an Argo workflow, the Struct KFP shows as {@code
 * pipeline_spec}, and the inputs a run must match.
 */
record StoredPackage(boolean argo, JsonObject specStruct, List<DeclaredInput> inputs) {

  /** Gives out a copy, since Gson objects are mutable. */
  JsonObject spec() {
    return specStruct.deepCopy();
  }
}
