package io.conoha.assistant.cli.conoha;

/** How `conoha` prints: aligned columns for people, JSON for scripts. */
public enum OutputFormat { TABLE, JSON }
