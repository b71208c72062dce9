package io.conoha.assistant.api;

/** What happens to the ConoHa objects when the Kubernetes resource is deleted. */
public enum DeletionPolicy {
  /** Delete the ConoHa objects too. */
  Delete,
  /** Leave the ConoHa objects in place (and say so in an event). */
  Retain
}
