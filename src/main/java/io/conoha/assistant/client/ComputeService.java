package io.conoha.assistant.client;

import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerCreateRequest;
import java.util.List;
import java.util.Map;

/** CONTRACT SKELETON (issue 2): Nova on both path shapes (/v2/{tenant} and /v2.1). */
public interface ComputeService {
  List<Flavor> listFlavors();

  /** By id or name; NOT_FOUND names the nearest plan names. */
  Flavor findFlavor(String nameOrId);

  /** GET /servers/detail, all pages. */
  List<Server> listServers();

  /** NOT_FOUND when absent. */
  Server getServer(String id);

  /**
   * By id, else by a name tag (or Nova name) only one server has: CONFLICT listing the candidates when several
   * share it, NOT_FOUND naming the nearest name tags when none has it. Deleted servers are not candidates.
   */
  Server findServer(String nameOrId);

  /** POST /servers, never retried: returns the new server id. */
  String createServer(ServerCreateRequest request);

  void deleteServer(String id);

  Map<String, String> getMetadata(String id);

  /** POST /servers/{id}/metadata (merges keys). */
  void updateMetadata(String id, Map<String, String> metadata);

  void start(String id);

  void stop(String id, boolean force);

  void reboot(String id, boolean hard);

  void resize(String id, String flavorId);

  void confirmResize(String id);

  /** createImage on a stopped server: image id from the Location header or the body's image_id. Never retried. */
  String createImage(String serverId, String imageName, Map<String, String> metadata);
}
