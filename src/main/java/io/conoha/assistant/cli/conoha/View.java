package io.conoha.assistant.cli.conoha;

/** One result in both shapes: {@code data} is printed as JSON, {@code table} for people. */
public record View(Object data, Table table) {}
