package io.conoha.assistant.client.openstack;

import static io.conoha.assistant.client.openstack.UrlPath.segment;

import io.conoha.assistant.client.AccountProbes;
import io.conoha.assistant.client.BootVolumeTypes;
import io.conoha.assistant.client.ImageService;
import io.conoha.assistant.client.VolumeService;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.http.ApiCaller;
import io.conoha.assistant.client.http.ApiRequest;
import io.conoha.assistant.client.http.ApiService;
import io.conoha.assistant.client.http.Blocking;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageQuery;
import io.conoha.assistant.client.model.Volume;
import io.conoha.assistant.client.model.VolumeCreateRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Cinder ({@code /v3/{project}} on v3 accounts): volumes, types and saving a volume as an image. */
public final class CinderVolumes implements VolumeService {
  static final String UPLOAD_OPERATION = "volumes.action.os-volume_upload_image";
  private static final ApiService VOLUME = ApiService.VOLUME;

  private static final Logger LOG = LoggerFactory.getLogger(CinderVolumes.class);

  private final ApiCaller caller;
  private final ImageService images;
  private final AccountProbes probes;
  private final BooleanSupplier hasVolumeService;

  /** @param hasVolumeService whether the account's catalog (in its region) has a volume endpoint */
  public CinderVolumes(ApiCaller caller, ImageService images, AccountProbes probes, BooleanSupplier hasVolumeService) {
    this.caller = caller;
    this.images = images;
    this.probes = probes;
    this.hasVolumeService = hasVolumeService;
  }

  @Override
  public Volume createVolume(VolumeCreateRequest asked) {
    VolumeCreateRequest create = asked.bootFor() == null ? asked
        : asked.withVolumeType(bootVolumeType(asked.bootFor(), asked.volumeType()));
    JsonObject volume = new JsonObject()
        .put("size", create.sizeGB())
        .put("name", create.name())
        .put("volume_type", create.volumeType())
        .put("imageRef", create.imageRef());
    if (create.metadata() != null && !create.metadata().isEmpty()) {
      volume.put("metadata", new JsonObject(new java.util.LinkedHashMap<>(create.metadata())));
    }
    ApiRequest request = ApiRequest.post(VOLUME, "volumes.create", "/volumes", new JsonObject().put("volume", withoutNulls(volume)));
    return await(caller.call(request).map(r -> CinderJson.volume(Json.object(r.json(), "volume"))), request);
  }

  /**
   * From the account's offered types, asked for once. When they cannot be read (an account may not be allowed
   * to list them), ConoHa's documented names are used and an explicit type is sent unchecked.
   */
  private String bootVolumeType(Flavor plan, String explicit) {
    List<String> offered;
    try {
      offered = probes.volumeTypes(this::listVolumeTypes);
    } catch (ConohaException e) {
      if (e.kind() == ConohaException.Kind.CONFIGURATION) {
        throw e;
      }
      LOG.warn("cannot list volume types ({}); using ConoHa's documented boot volume types", e.getMessage());
      return BootVolumeTypes.documented(plan, explicit);
    }
    return BootVolumeTypes.choose(plan, explicit, offered);
  }

  @Override
  public Volume getVolume(String id) {
    ApiRequest request = ApiRequest.get(VOLUME, "volumes.get", "/volumes/" + segment(id));
    return await(caller.call(request).map(r -> CinderJson.volume(Json.object(r.json(), "volume"))), request);
  }

  /**
   * A cloud without a volume service (a stock OpenStack without Cinder, the local-disk-only harness) has no
   * volumes: the listing is empty rather than an error, so whoever watches the account keeps working. Creating
   * or reading a volume there still fails with CONFIGURATION.
   */
  @Override
  public List<Volume> listVolumes() {
    if (!hasVolumeService.getAsBoolean()) {
      return List.of();
    }
    ApiRequest request = ApiRequest.get(VOLUME, "volumes.list", "/volumes/detail");
    return await(Pager.all(caller, request, "volumes").map(all -> all.stream().map(CinderJson::volume).toList()),
        request);
  }

  @Override
  public Volume findVolume(String nameOrId) {
    return UniqueMatch.find("volumes.find", "volume", nameOrId, this::getVolume, this::listVolumes, Volume::id,
        v -> v.name() == null ? List.of() : List.of(v.name()),
        v -> v.id() + " (" + v.status() + ", " + v.sizeGB() + " GB)");
  }

  @Override
  public void deleteVolume(String id) {
    ApiRequest request = ApiRequest.delete(VOLUME, "volumes.delete", "/volumes/" + segment(id));
    await(caller.call(request).mapEmpty(), request);
  }

  @Override
  public List<String> listVolumeTypes() {
    ApiRequest request = ApiRequest.get(VOLUME, "volumes.types", "/types");
    return await(caller.call(request).map(r -> Json.objects(r.json(), "volume_types").stream()
        .map(t -> Json.string(t, "name")).filter(Objects::nonNull).toList()), request);
  }

  /**
   * Standard Cinder answers with {@code os-volume_upload_image.image_id}; ConoHa's v3 documentation does not
   * show it, so without it the newest private image of that name is taken.
   */
  @Override
  public String uploadImage(String volumeId, String imageName) {
    JsonObject upload = new JsonObject()
        .put("image_name", imageName)
        .put("disk_format", "qcow2")
        .put("container_format", "ovf");
    ApiRequest request = ApiRequest.post(VOLUME, UPLOAD_OPERATION, "/volumes/" + segment(volumeId) + "/action",
        new JsonObject().put("os-volume_upload_image", upload));
    String imageId = await(caller.call(request).map(r -> CinderJson.uploadedImageId(r.json())), request);
    return imageId != null ? imageId : newestPrivateImageNamed(imageName, request);
  }

  private String newestPrivateImageNamed(String imageName, ApiRequest request) {
    return images.listImages(new ImageQuery(imageName, "private", null)).stream()
        .filter(i -> imageName.equals(i.name()))
        .max(Comparator.comparing(i -> i.createdAt() == null ? Instant.MIN : i.createdAt()))
        .map(Image::id)
        .orElseThrow(() -> new ConohaException(ConohaException.Kind.SERVER_ERROR, request.operation(), 202,
            request.operation() + ": the upload was accepted but no private image named \"" + imageName
                + "\" can be found yet; look again before repeating the save"));
  }

  private static JsonObject withoutNulls(JsonObject o) {
    o.fieldNames().removeIf(k -> o.getValue(k) == null);
    return o;
  }

  private static <T> T await(Future<T> future, ApiRequest request) {
    return Blocking.await(future, request.operation());
  }
}
