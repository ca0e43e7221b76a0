package com.jackhoman.kfp.releaser.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Printer column paths select what kube-apiserver's JSONPath selects. */
class PrinterColumnPathTest {

  private static final String RUN =
      "{\"spec\":{\"schedule\":{\"cron\":\"0 * * * *\"}},\"status\":{\"conditions\":["
          + "{\"type\":\"Synced\",\"status\":\"False\"},{\"type\":\"Ready\",\"status\":\"True\"}],"
          + "\"lastRuns\":[{\"startedAt\":\"2026-11-25T00:00:00Z\"}]}}";

  @Test
  void filterSelectsTheConditionOfTheGivenType() throws Exception {
    assertThat(select(".status.conditions[?(@.type==\"Ready\")].status")).containsExactly("True");
    assertThat(select(".status.conditions[?(@.type!=\"Ready\")].type")).containsExactly("Synced");
  }

  @Test
  void fieldsIndexesAndWildcardsSelectLikeJsonPath() throws Exception {
    assertThat(select(".spec.schedule.cron")).containsExactly("0 * * * *");
    assertThat(select(".status.lastRuns[0].startedAt")).containsExactly("2026-11-25T00:00:00Z");
    assertThat(select(".status.conditions[*].type")).containsExactly("Synced", "Ready");
    assertThat(select(".status.nextRunTimes[0]")).isEmpty();
  }

  @Test
  void unsupportedExpressionIsRefused() {
    assertThatThrownBy(() -> PrinterColumnPath.parse(".spec..cron"))
        .hasMessageContaining("Unsupported JSONPath");
  }

  private static List<String> select(String path) throws Exception {
    JsonNode object = new ObjectMapper().readTree(RUN);
    return PrinterColumnPath.parse(path).select(object).stream().map(JsonNode::asText).toList();
  }
}
