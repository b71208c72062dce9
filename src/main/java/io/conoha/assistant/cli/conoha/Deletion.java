package io.conoha.assistant.cli.conoha;

/**
 * One object a delete or a cleanup acts on, and what became of it: {@code deleted}, {@code deleting} (asked,
 * not waited for), {@code would delete} (--dry-run), {@code kept, still billed}, {@code skipped: why}, or
 * {@code failed: why}.
 */
public record Deletion(String kind, String id, String name, String reason, String result) {
  static final String DELETED = "deleted";
  static final String DELETING = "deleting";
  static final String WOULD_DELETE = "would delete";

  boolean failed() {
    return result.startsWith("failed") || result.startsWith("not deleted");
  }
}
