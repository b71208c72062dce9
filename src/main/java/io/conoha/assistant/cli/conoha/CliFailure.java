package io.conoha.assistant.cli.conoha;

/** A refusal or failure the command explains itself: printed as its message alone, exit code 1. */
public final class CliFailure extends RuntimeException {
  public CliFailure(String message) {
    super(message);
  }
}
