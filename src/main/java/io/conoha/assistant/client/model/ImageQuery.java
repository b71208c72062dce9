package io.conoha.assistant.client.model;

/** Filters for listing images; null means "any". The client follows every page. */
public record ImageQuery(String name, String visibility, String status) {
  public static ImageQuery all() {
    return new ImageQuery(null, null, null);
  }

  public static ImageQuery named(String name) {
    return new ImageQuery(name, null, null);
  }

  public static ImageQuery privateImages() {
    return new ImageQuery(null, "private", null);
  }
}
