package com.jackhoman.kfp.releaser.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code deploy/argocd} renders the argocd-cm keys that install the health check for each kind. */
class ArgoCdConfigMapTest {

  @Test
  void argocdCmCarriesTheHealthScriptUnderOneSplitKeyPerKind() throws Exception {
    List<JsonNode> rendered = Kustomize.render(Path.of("deploy/argocd"));
    JsonNode configMap = Kustomize.find(rendered, "ConfigMap", "argocd-cm");
    String script = Files.readString(Path.of("deploy/argocd/health.lua"));

    assertThat(rendered).hasSize(1);
    assertThat(configMap.path("metadata").path("namespace").asText()).isEqualTo("argocd");
    assertThat(configMap.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText())
        .isEqualTo("argocd");
    assertThat(configMap.path("data").properties())
        .extracting(entry -> entry.getKey())
        .containsExactlyInAnyOrder(
            "resource.customizations.health.kfp.jackhoman.com_Pipeline",
            "resource.customizations.health.kfp.jackhoman.com_PipelineVersion",
            "resource.customizations.health.kfp.jackhoman.com_RecurringRun",
            "resource.customizations.health.kfp.jackhoman.com_Experiment");
    assertThat(configMap.path("data").properties())
        .allSatisfy(entry -> assertThat(entry.getValue().asText()).isEqualTo(script));
  }

  @Test
  void kustomizationDoesNotRenderTheExampleApplication() throws IOException, InterruptedException {
    assertThat(Kustomize.render(Path.of("deploy/argocd")))
        .noneMatch(o -> o.path("kind").asText().equals("Application"));
  }
}
