package vn.danvan.shared.time;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar the migration seeds, read from the migration itself, for tests of date arithmetic
 * without a database: the tests then check the seeded days as well as the arithmetic.
 */
public final class SeededCalendar {

  public static final String MIGRATION = "/db/migration/V19__create_business_calendar.sql";

  private static final String TEXT = "'((?:[^']|'')*)'";
  private static final Pattern ROW =
      Pattern.compile(
          "\\(\\s*'(\\d{4}-\\d{2}-\\d{2})',\\s*'([A-Z_]+)',\\s*"
              + TEXT
              + ",\\s*"
              + TEXT
              + ",\\s*"
              + TEXT
              + "\\s*\\)");

  private static final List<CalendarDay> DAYS = load();

  private SeededCalendar() {}

  public static List<CalendarDay> days() {
    return DAYS;
  }

  public static WorkingDays workingDays() {
    return WorkingDays.of(DAYS);
  }

  private static List<CalendarDay> load() {
    String sql;
    try (InputStream in = SeededCalendar.class.getResourceAsStream(MIGRATION)) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    List<CalendarDay> out = new ArrayList<>();
    Matcher m = ROW.matcher(sql.substring(sql.indexOf("insert into business_calendar_day")));
    while (m.find()) {
      out.add(
          new CalendarDay(
              LocalDate.parse(m.group(1)),
              CalendarDayKind.valueOf(m.group(2)),
              m.group(3).replace("''", "'"),
              m.group(4).replace("''", "'"),
              m.group(5).replace("''", "'"),
              0));
    }
    return List.copyOf(out);
  }
}
