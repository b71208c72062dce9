package io.conoha.assistant.client.openstack;

import io.conoha.assistant.client.IdentityService;
import io.conoha.assistant.client.ImageService;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageQuery;
import io.conoha.assistant.client.model.ImageQuota;
import java.util.List;

/**
 * Glance is the image service; the compute image proxy stands in only for an account whose catalog (and
 * credentials) name no image endpoint. Decided per call from the current token's catalog.
 */
public final class CatalogRoutedImages implements ImageService {
  private final IdentityService identity;
  private final ImageService glance;
  private final ImageService computeProxy;

  public CatalogRoutedImages(IdentityService identity, ImageService glance, ImageService computeProxy) {
    this.identity = identity;
    this.glance = glance;
    this.computeProxy = computeProxy;
  }

  private ImageService source() {
    return identity.endpoints().image() != null ? glance : computeProxy;
  }

  @Override
  public List<Image> listImages(ImageQuery query) {
    return source().listImages(query);
  }

  @Override
  public Image getImage(String id) {
    return source().getImage(id);
  }

  @Override
  public Image findImage(String nameOrId) {
    return source().findImage(nameOrId);
  }

  @Override
  public void deleteImage(String id) {
    source().deleteImage(id);
  }

  @Override
  public ImageQuota quota() {
    return source().quota();
  }
}
