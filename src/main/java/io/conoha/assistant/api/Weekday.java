package io.conoha.assistant.api;

import java.time.DayOfWeek;

/** A day of the week as a schedule window names it (Mon … Sun). */
public enum Weekday {
  Mon(DayOfWeek.MONDAY), Tue(DayOfWeek.TUESDAY), Wed(DayOfWeek.WEDNESDAY), Thu(DayOfWeek.THURSDAY),
  Fri(DayOfWeek.FRIDAY), Sat(DayOfWeek.SATURDAY), Sun(DayOfWeek.SUNDAY);

  private final DayOfWeek day;

  Weekday(DayOfWeek day) {
    this.day = day;
  }

  public DayOfWeek day() {
    return day;
  }
}
