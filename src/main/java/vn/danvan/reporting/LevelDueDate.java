package vn.danvan.reporting;

import java.time.LocalDate;

/** The day by which one level of the chain submits its report of a period. */
public record LevelDueDate(String level, LocalDate dueDate) {}
