package io.conoha.assistant.embedded;

import java.time.Duration;

/** An age as kubectl shows it: {@code 45s}, {@code 3m12s}, {@code 5h}, {@code 12d}. */
final class HumanDuration {
  private HumanDuration() {}

  static String of(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < -1) {
      return "<invalid>";
    }
    if (seconds < 0) {
      return "0s";
    }
    if (seconds < 120) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      return seconds % 60 == 0 ? minutes + "m" : minutes + "m" + seconds % 60 + "s";
    }
    if (minutes < 180) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      return minutes % 60 == 0 ? hours + "h" : hours + "h" + minutes % 60 + "m";
    }
    if (hours < 48) {
      return hours + "h";
    }
    if (hours < 192) {
      return hours % 24 == 0 ? hours / 24 + "d" : hours / 24 + "d" + hours % 24 + "h";
    }
    if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    }
    long years = hours / 24 / 365;
    long days = hours / 24 % 365;
    return years < 8 && days > 0 ? years + "y" + days + "d" : years + "y";
  }
}
