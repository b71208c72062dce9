package io.conoha.assistant.client.error;

import java.util.List;

/** A boot volume type the account does not offer; the message names the ones it does. A spec to fix. */
public class UnknownVolumeTypeException extends ConohaException {
  private final String type;
  private final List<String> offered;

  public UnknownVolumeTypeException(String type, List<String> offered) {
    super(Kind.BAD_REQUEST, "volumes.create", 0, "volumes.create: volume type \"" + type
        + "\" is not offered by this account; it offers " + String.join(", ", offered));
    this.type = type;
    this.offered = List.copyOf(offered);
  }

  public String type() {
    return type;
  }

  public List<String> offered() {
    return offered;
  }
}
