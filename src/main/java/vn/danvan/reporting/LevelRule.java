package vn.danvan.reporting;

/**
 * When one level of the reporting chain submits, e.g. {@code COMMUNE} by the 3rd and {@code
 * DISTRICT} by the 5th: a level consolidates the reports of the level before it.
 *
 * @param level the level's code, upper case (e.g. an org unit kind)
 */
public record LevelRule(String level, DueDateRule rule) {}
