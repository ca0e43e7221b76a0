package com.jackhoman.kfp.releaser.kfp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The owner mark survives the round trip through a KFP description and KFP tags. */
class OwnerMarkTest {

  private final OwnerMark owner =
      new OwnerMark("team-a", "nightly", "0b6c1c52-6a3e-4b8e-9f59-2f3b1f0c7a11");

  @Test
  void aMarkedDescriptionGivesBackTheOwnerAndTheUsersText() {
    String marked = owner.appendTo("Trains the model");

    assertThat(OwnerMark.fromDescription(marked)).contains(owner);
    assertThat(OwnerMark.stripFrom(marked)).isEqualTo("Trains the model");
  }

  @Test
  void anEmptyDescriptionCanStillCarryTheMark() {
    String marked = owner.appendTo(null);

    assertThat(OwnerMark.fromDescription(marked)).contains(owner);
    assertThat(OwnerMark.stripFrom(marked)).isEmpty();
  }

  @Test
  void anUnmarkedDescriptionHasNoOwnerAndStaysAsItIs() {
    assertThat(OwnerMark.fromDescription("made by hand [not ours]")).isEmpty();
    assertThat(OwnerMark.stripFrom("made by hand [not ours]")).isEqualTo("made by hand [not ours]");
  }

  @Test
  void theSearchNeedleOccursInTheMarkedDescription() {
    assertThat(owner.appendTo("x")).contains(owner.descriptionNeedle());
  }

  @Test
  void tagsGiveBackTheOwnerAndUseNoDotsInKeys() {
    assertThat(OwnerMark.fromTags(owner.tags())).contains(owner);
    assertThat(owner.tags().keySet()).noneMatch(key -> key.contains("."));
  }

  @Test
  void tagsWithoutAllThreeKeysHaveNoOwner() {
    assertThat(OwnerMark.fromTags(Map.of(OwnerMark.UID_TAG, owner.uid()))).isEmpty();
    assertThat(OwnerMark.fromTags(null)).isEmpty();
  }

  @Test
  void aMarkOfTheSameNameButAnotherUidIsNotThisOwner() {
    OwnerMark recreated = new OwnerMark("team-a", "nightly", "another-uid");

    assertThat(owner.is(OwnerMark.fromDescription(recreated.appendTo("")))).isFalse();
    assertThat(owner.is(OwnerMark.fromDescription(owner.appendTo("")))).isTrue();
  }
}
