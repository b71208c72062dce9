package io.conoha.assistant.cli.conoha;

/** A -c name the command does not print: a usage error (exit 2) raised before any ConoHa call. */
public final class UnknownColumnException extends IllegalArgumentException {
  UnknownColumnException(String message) {
    super(message);
  }
}
