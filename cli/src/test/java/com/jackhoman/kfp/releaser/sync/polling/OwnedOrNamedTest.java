package com.jackhoman.kfp.releaser.sync.polling;

import static org.assertj.core.api.Assertions.assertThat;

import com.jackhoman.kfp.releaser.api.v1alpha1.Experiment;
import com.jackhoman.kfp.releaser.kfp.KfpExperiment;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import com.jackhoman.kfp.releaser.sync.ownership.OwnerMarks;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OwnedOrNamedTest {

  private static final OwnedOrNamed<KfpExperiment, Experiment> OWNED =
      new OwnedOrNamed<>(
          KfpExperiment::owner, KfpExperiment::name, OwnerMarks::of, OwnerMarks::kfpName);

  private final Experiment team = experiment("team", "uid-team");
  private final Experiment other = experiment("other", "uid-other");

  @Test
  void anObjectGetsTheKfpObjectUnderItsMarkOverOneOfItsNameOnly() {
    KfpExperiment marked = kfp("1", "renamed-long-ago", OwnerMarks.of(team));
    KfpExperiment named = kfp("2", "ns/team", null);

    assertThat(OWNED.assign(List.of(named, marked), List.of(team)))
        .isEqualTo(Map.of(ResourceID.fromResource(team), List.of(marked)));
  }

  @Test
  void withoutItsMarkAnObjectGetsWhatHoldsItsNameWhoeverOwnsIt() {
    KfpExperiment earlier = kfp("1", "ns/team", new OwnerMark("ns", "team", "uid-before"));

    assertThat(OWNED.assignFirst(List.of(earlier), List.of(team, other)))
        .isEqualTo(Map.of(ResourceID.fromResource(team), Set.of(earlier)));
  }

  @Test
  void anObjectWithNothingInKfpIsLeftOut() {
    KfpExperiment ofOther = kfp("1", "ns/other", OwnerMarks.of(other));

    assertThat(OWNED.assign(List.of(ofOther), List.of(team, other)))
        .containsOnlyKeys(ResourceID.fromResource(other));
  }

  private static Experiment experiment(String name, String uid) {
    Experiment experiment = new Experiment();
    experiment.setMetadata(
        new ObjectMetaBuilder().withNamespace("ns").withName(name).withUid(uid).build());
    return experiment;
  }

  private static KfpExperiment kfp(String id, String name, OwnerMark mark) {
    return new KfpExperiment(id, name, "", "", Optional.ofNullable(mark), null);
  }
}
