package io.conoha.assistant.operator.account;

/** The account-wide listings a poll can fetch. Each costs one ConoHa call per poll. */
public enum Listing {
  SERVERS, IMAGES, VOLUMES
}
