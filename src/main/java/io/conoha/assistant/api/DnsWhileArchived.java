package io.conoha.assistant.api;

/** What happens to a server's DNS records while it is archived. */
public enum DnsWhileArchived {
  Keep, Remove
}
