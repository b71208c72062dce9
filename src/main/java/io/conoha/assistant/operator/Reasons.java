package io.conoha.assistant.operator;

import java.util.Set;

/**
 * Condition reasons. Those in {@link #USER_MUST_FIX} mean the controller will not get further until the
 * spec, the Secret or the ConoHa account changes (Argo CD shows them as Degraded); the rest are transient.
 */
public final class Reasons {
  // Ready
  public static final String AVAILABLE = "Available";
  public static final String PENDING = "Pending";
  public static final String CREATING = "Creating";
  public static final String STARTING = "Starting";
  public static final String STOPPING = "Stopping";
  public static final String RESIZING = "Resizing";
  public static final String ARCHIVING = "Archiving";
  public static final String RESTORING = "Restoring";
  public static final String SNAPSHOTTING = "Snapshotting";
  public static final String SAVING = "Saving";
  public static final String DELETING = "Deleting";
  public static final String SERVER_ERROR = "ServerError";
  public static final String IN_USE = "InUse";
  // Synced
  public static final String RECONCILE_SUCCESS = "ReconcileSuccess";
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String SECRET_NOT_FOUND = "SecretNotFound";
  public static final String CREDENTIALS_INVALID = "CredentialsInvalid";
  public static final String FLAVOR_NOT_FOUND = "FlavorNotFound";
  public static final String IMAGE_NOT_FOUND = "ImageNotFound";
  public static final String SOURCE_NOT_FOUND = "SourceNotFound";
  public static final String SOURCE_BUSY = "SourceBusy";
  public static final String QUOTA_EXCEEDED = "QuotaExceeded";
  public static final String DELETE_LOCKED = "DeleteLocked";
  public static final String DUPLICATE_SERVERS = "DuplicateServers";
  public static final String DUPLICATE_IMAGES = "DuplicateImages";
  public static final String IMMUTABLE_FIELD_CHANGED = "ImmutableFieldChanged";
  public static final String SAVE_FAILED = "SaveFailed";
  public static final String API_UNAVAILABLE = "ApiUnavailable";
  public static final String RATE_LIMITED = "RateLimited";
  public static final String WAITING = "Waiting";
  public static final String OWNED_BY_ANOTHER = "OwnedByAnother";
  public static final String SOURCE_UNAVAILABLE = "SourceUnavailable";
  public static final String CREATE_UNCERTAIN = "CreateUncertain";
  public static final String VOLUME_ERROR = "VolumeError";
  public static final String SAVE_TIMED_OUT = "SaveTimedOut";
  public static final String VOLUME_TIMED_OUT = "VolumeTimedOut";
  public static final String BUILD_TIMED_OUT = "BuildTimedOut";
  public static final String TASK_TIMED_OUT = "TaskTimedOut";
  public static final String DNS_ZONE_NOT_FOUND = "DnsZoneNotFound";
  public static final String DNS_RECORD_CONFLICT = "DnsRecordConflict";
  public static final String DNS_UNAVAILABLE = "DnsUnavailable";

  public static final Set<String> USER_MUST_FIX = Set.of(INVALID_SPEC, SECRET_NOT_FOUND, CREDENTIALS_INVALID,
      FLAVOR_NOT_FOUND, IMAGE_NOT_FOUND, SOURCE_NOT_FOUND, QUOTA_EXCEEDED, DELETE_LOCKED, DUPLICATE_SERVERS,
      DUPLICATE_IMAGES, IMMUTABLE_FIELD_CHANGED, SAVE_FAILED, SERVER_ERROR, OWNED_BY_ANOTHER, VOLUME_ERROR,
      SAVE_TIMED_OUT, VOLUME_TIMED_OUT, BUILD_TIMED_OUT, TASK_TIMED_OUT, SOURCE_UNAVAILABLE,
      CREATE_UNCERTAIN, DNS_ZONE_NOT_FOUND, DNS_RECORD_CONFLICT);

  /** Failures whose fix happens in a Secret, which is not watched: retried every slow poll, never slower. */
  public static final Set<String> FIXED_IN_A_SECRET = Set.of(SECRET_NOT_FOUND, CREDENTIALS_INVALID);

  private Reasons() {}
}
