package io.conoha.assistant.client;

import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageQuery;
import io.conoha.assistant.client.model.ImageQuota;
import java.util.List;

/** CONTRACT SKELETON (issue 2): Glance v2 (and the compute image proxy on v2). */
public interface ImageService {
  /** All pages. */
  List<Image> listImages(ImageQuery query);

  /** NOT_FOUND when absent. */
  Image getImage(String id);

  /** By id, else by exact name; NOT_FOUND names near names, CONFLICT when a name is ambiguous. */
  Image findImage(String nameOrId);

  void deleteImage(String id);

  /** Limit from /v2/quota (image_size or {region}_image_size) and usage from /v2/images/total. */
  ImageQuota quota();
}
