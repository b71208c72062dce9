package io.conoha.assistant.operator;

/**
 * Metadata keys the operator writes on the ConoHa objects it creates, so it can find them again after a
 * crash or an uncertain answer. Nova metadata keys allow {@code [a-zA-Z0-9-_:. ]}, hence no slash.
 */
public final class Tags {
  /** UID of the Kubernetes resource that owns the object. */
  public static final String OWNER = "conoha-assistant:owner";
  /** The create intent token recorded in status before the call. */
  public static final String INTENT = "conoha-assistant:intent";
  /** namespace.name of the owner, for humans looking at the control panel. */
  public static final String RESOURCE = "conoha-assistant:resource";
  /** ConoHa's display name. */
  public static final String NAME_TAG = "instance_name_tag";
  /** Set by the ConoHa control panel's delete lock; the API ignores it, the operator honours it. */
  public static final String DELETE_LOCK = "IsDeleteLocked";

  private Tags() {}
}
