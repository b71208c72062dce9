package io.conoha.assistant.operator.reconcile;

import io.conoha.assistant.api.PendingOperation;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.operator.Tags;
import io.conoha.assistant.operator.account.AccountSnapshot;
import java.util.List;

/**
 * Finds the image a save whose answer was lost made, by ownership, never by name alone. A createImage (v2) tags
 * the image with the owner and the intent token, so it is found by those. A volume upload (v3) cannot tag it, so
 * an image of the save's name counts only when it carries no other owner's tag and was not already there when
 * the intent was recorded ({@link PendingOperation#getExcludedIds()}): a retained backup of a deleted resource of
 * the same name is never taken for a new resource's save.
 */
public final class LostSaves {
  private LostSaves() {}

  public static List<Image> candidates(AccountSnapshot snapshot, String uid, PendingOperation intent, String imageName) {
    List<Image> tagged = snapshot.images().stream()
        .filter(i -> uid.equals(i.properties().get(Tags.OWNER)) && intent.getToken().equals(i.properties().get(Tags.INTENT)))
        .toList();
    if (!tagged.isEmpty()) {
      return tagged;
    }
    return snapshot.imagesNamed(imageName).stream()
        .filter(i -> i.properties().get(Tags.OWNER) == null || uid.equals(i.properties().get(Tags.OWNER)))
        .filter(i -> !intent.getExcludedIds().contains(i.id()))
        .toList();
  }

  /** Ids of images named {@code imageName} right now: recorded with a save's intent. */
  public static List<String> existing(AccountSnapshot snapshot, String imageName) {
    return snapshot.imagesNamed(imageName).stream().map(Image::id).toList();
  }
}
