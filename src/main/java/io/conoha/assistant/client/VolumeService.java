package io.conoha.assistant.client;

import io.conoha.assistant.client.model.Volume;
import io.conoha.assistant.client.model.VolumeCreateRequest;
import java.util.List;

/** CONTRACT SKELETON (issue 2): Cinder v3 /v3/{project}/volumes. */
public interface VolumeService {
  /** Never retried. */
  Volume createVolume(VolumeCreateRequest request);

  Volume getVolume(String id);

  List<Volume> listVolumes();

  /** By id, else by a name only one volume has: CONFLICT listing the candidates, NOT_FOUND with the nearest names. */
  Volume findVolume(String nameOrId);

  void deleteVolume(String id);

  List<String> listVolumeTypes();

  /** os-volume_upload_image: image id from the response, else found by name. Never retried. */
  String uploadImage(String volumeId, String imageName);
}
