package com.jackhoman.kfp.releaser.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ListingTest {

  private final KfpEmulator emulator = KfpEmulator.builder().start();
  private final KfpHttp http = new KfpHttp(emulator);

  @AfterEach
  void stop() {
    emulator.close();
  }

  private void createPipelines(int count) {
    for (int i = 0; i < count; i++) {
      http.post("/apis/v2beta1/pipelines", "{\"name\":\"p" + i + "\"}");
    }
  }

  @Test
  void pagesFollowNextPageTokensUntilTheLastPageHasNone() {
    createPipelines(7);
    List<String> names = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      KfpHttp.Reply page =
          http.get("/apis/v2beta1/pipelines?page_size=3&page_token=" + token + "&sort_by=name");
      assertThat(page.body().get("total_size").getAsInt()).isEqualTo(7);
      page.body()
          .getAsJsonArray("pipelines")
          .forEach(p -> names.add(p.getAsJsonObject().get("name").getAsString()));
      token =
          page.body().has("next_page_token")
              ? page.body().get("next_page_token").getAsString()
              : "";
      pages++;
    } while (!token.isEmpty());

    assertThat(pages).isEqualTo(3);
    assertThat(names).containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6");
  }

  @Test
  void emptyListOmitsItsZeroValues() {
    assertThat(http.get("/apis/v2beta1/pipelines").body().toString()).isEqualTo("{}");
  }

  @Test
  void v2FilterUsesOperationAndMatchesByName() {
    createPipelines(3);
    String filter =
        "{\"predicates\":[{\"key\":\"name\",\"operation\":\"EQUALS\",\"string_value\":\"p1\"}]}";

    KfpHttp.Reply reply =
        http.get("/apis/v2beta1/pipelines?filter=" + KfpHttp.encode(KfpHttp.encode(filter)));

    assertThat(names(reply)).containsExactly("p1");
  }

  @Test
  void v1FilterUsesOpAndSupportsIn() {
    http.upload("/apis/v1beta1/pipelines/upload?name=a", "hello-world.yaml");
    http.upload("/apis/v1beta1/pipelines/upload?name=b", "hello-world.yaml");
    http.upload("/apis/v1beta1/pipelines/upload?name=c", "hello-world.yaml");
    String filter =
        "{\"predicates\":[{\"key\":\"name\",\"op\":\"IN\",\"string_values\":{\"values\":[\"a\",\"c\"]}}]}";

    KfpHttp.Reply reply = http.get("/apis/v1beta1/pipelines?filter=" + KfpHttp.encode(filter));

    assertThat(names(reply)).containsExactly("a", "c");
  }

  @Test
  void v1OperatorKeyInAV2FilterIsBadRequest() {
    String filter =
        "{\"predicates\":[{\"key\":\"name\",\"op\":\"EQUALS\",\"string_value\":\"x\"}]}";

    assertThat(http.get("/apis/v2beta1/pipelines?filter=" + KfpHttp.encode(filter)).status())
        .isEqualTo(400);
  }

  @Test
  void unknownSortFieldIsBadRequest() {
    assertThat(http.get("/apis/v2beta1/pipelines?sort_by=colour").status()).isEqualTo(400);
  }

  @Test
  void negativePageSizeIsBadRequest() {
    assertThat(http.get("/apis/v2beta1/pipelines?page_size=-1").status()).isEqualTo(400);
  }

  @Test
  void descendingSortReversesTheOrder() {
    createPipelines(3);

    assertThat(names(http.get("/apis/v2beta1/pipelines?sort_by=" + KfpHttp.encode("name desc"))))
        .containsExactly("p2", "p1", "p0");
  }

  private static List<String> names(KfpHttp.Reply reply) {
    List<String> names = new ArrayList<>();
    for (JsonElement pipeline : reply.body().getAsJsonArray("pipelines")) {
      names.add(pipeline.getAsJsonObject().get("name").getAsString());
    }
    return names;
  }
}
