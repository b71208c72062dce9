package io.conoha.assistant.cli.conoha;

/**
 * How `conoha` prints (-f): aligned columns for people; JSON or YAML documents; or bare values, one row (or,
 * for one object, one field) per line, for shell scripts. Every format uses the same column names.
 */
public enum OutputFormat { TABLE, JSON, YAML, VALUE }
