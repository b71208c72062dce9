package io.conoha.assistant.client;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The findings of one account, shared by its services and learned from the cloud's answers. A finding, once
 * known, is kept for the client's life: clouds do not change these behaviours between calls. Thread-safe.
 */
public final class AccountProbes {
  private static final Logger LOG = LoggerFactory.getLogger(AccountProbes.class);

  private Finding nameRequired = Finding.UNKNOWN;
  private List<String> volumeTypes;
  private Finding customMetadataKept = Finding.UNKNOWN;
  private Finding resizeNeedsStop = Finding.UNKNOWN;

  public synchronized Capabilities capabilities() {
    return new Capabilities(nameRequired, Optional.ofNullable(volumeTypes), customMetadataKept, resizeNeedsStop);
  }

  public synchronized Finding nameRequired() {
    return nameRequired;
  }

  public void learnNameRequired(boolean required) {
    if (learn(() -> nameRequired, f -> nameRequired = f, required) && required) {
      LOG.info("this cloud requires a name in POST /servers; the name tag is sent as the name from now on");
    }
  }

  public synchronized Finding customMetadataKept() {
    return customMetadataKept;
  }

  public void learnCustomMetadataKept(boolean kept) {
    if (learn(() -> customMetadataKept, f -> customMetadataKept = f, kept) && !kept) {
      LOG.warn("this cloud dropped custom server metadata keys on create: tags cannot identify what was created");
    }
  }

  public synchronized Finding resizeNeedsStop() {
    return resizeNeedsStop;
  }

  public void learnResizeNeedsStop(boolean needsStop) {
    if (learn(() -> resizeNeedsStop, f -> resizeNeedsStop = f, needsStop) && needsStop) {
      LOG.info("this cloud refuses to resize a running server; resizes stop it first and restore the power state");
    }
  }

  /** The offered volume types, asked for once: {@code list} runs only while nothing is known yet. */
  public List<String> volumeTypes(Supplier<List<String>> list) {
    synchronized (this) {
      if (volumeTypes != null) {
        return volumeTypes;
      }
    }
    List<String> offered = List.copyOf(list.get());
    synchronized (this) {
      if (volumeTypes == null) {
        volumeTypes = offered;
        LOG.info("volume types offered: {}", offered);
      }
      return volumeTypes;
    }
  }

  /** True when this call changed the finding (so it is logged once). */
  private synchronized boolean learn(Supplier<Finding> current, java.util.function.Consumer<Finding> set,
      boolean value) {
    Finding next = Finding.of(value);
    if (current.get() == next) {
      return false;
    }
    set.accept(next);
    return true;
  }
}
