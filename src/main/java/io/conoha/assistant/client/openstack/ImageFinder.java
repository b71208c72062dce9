package io.conoha.assistant.client.openstack;

import io.conoha.assistant.client.ImageService;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.ConohaException.Kind;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageQuery;
import java.util.List;
import java.util.regex.Pattern;

/**
 * findImage for every image source: by id first, else by exact name. Image names are not unique, so a
 * name shared by several images is a CONFLICT that lists their ids instead of a guess.
 */
final class ImageFinder {
  static final String OPERATION = "images.find";
  static final Pattern UUID =
      Pattern.compile("^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$");

  private ImageFinder() {}

  static Image find(ImageService images, String nameOrId) {
    if (UUID.matcher(nameOrId).matches()) {
      try {
        return images.getImage(nameOrId);
      } catch (ConohaException e) {
        if (e.kind() != Kind.NOT_FOUND) {
          throw e;
        }
      }
    }
    List<Image> named = images.listImages(ImageQuery.named(nameOrId)).stream()
        .filter(i -> nameOrId.equals(i.name()))
        .toList();
    if (named.size() == 1) {
      return named.get(0);
    }
    if (named.size() > 1) {
      throw new ConohaException(Kind.CONFLICT, OPERATION, 0, OPERATION + ": " + named.size()
          + " images are named \"" + nameOrId + "\" (" + String.join(", ", named.stream().map(Image::id).toList())
          + "); use an id");
    }
    List<String> allNames = images.listImages(ImageQuery.all()).stream().map(Image::name).toList();
    throw ConohaException.notFound(OPERATION, OPERATION + ": no image named or with id \"" + nameOrId + "\""
        + NameSuggestions.hint(nameOrId, allNames));
  }
}
