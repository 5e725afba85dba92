package vn.danvan.shared.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;

/**
 * The one business calendar of every feature: which days are worked (Monday to Friday unless listed
 * in {@code business_calendar_day}). The listed days are few (a dozen a year): they are held in
 * memory and read again after a change to the calendar commits. With several application instances,
 * another instance reads the change when its own cache is next invalidated (see {@link
 * #invalidate()}): a change made on one instance is not pushed to the others.
 */
@ApplicationScoped
public class BusinessCalendar {

  /**
   * A change to the calendar, fired inside the changing transaction: {@code calendar} is the
   * calendar as that transaction leaves it (features whose stored dates depend on the calendar
   * observe it to recompute them in the same transaction). Once the transaction ends, the cache is
   * read again.
   */
  public record Changed(LocalDate day, WorkingDays calendar) {}

  @Inject CalendarRepository repository;

  private final Object lock = new Object();
  private volatile WorkingDays current;
  private long generation;

  /** The calendar as of now, to hand to pure date arithmetic. */
  public WorkingDays snapshot() {
    WorkingDays days = current;
    if (days != null) {
      return days;
    }
    long seen;
    synchronized (lock) {
      seen = generation;
    }
    WorkingDays loaded = WorkingDays.of(repository.all());
    synchronized (lock) {
      // a change that committed while the days were read makes them stale: not kept
      if (generation == seen) {
        current = loaded;
      }
    }
    return loaded;
  }

  /** Forgets the days held in memory: the next question reads them again. */
  public void invalidate() {
    synchronized (lock) {
      generation++;
      current = null;
    }
  }

  void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) Changed change) {
    invalidate();
  }

  public boolean isWorkingDay(LocalDate day) {
    return snapshot().isWorkingDay(day);
  }

  /** See {@link WorkingDays#addWorkingDays}. */
  public LocalDate addWorkingDays(LocalDate day, int n) {
    return snapshot().addWorkingDays(day, n);
  }

  /** The first working day after {@code day}. */
  public LocalDate nextWorkingDay(LocalDate day) {
    return snapshot().nextWorkingDay(day);
  }

  /** {@code day} when it is a working day, else the first working day after it. */
  public LocalDate workingDayOnOrAfter(LocalDate day) {
    return snapshot().workingDayOnOrAfter(day);
  }

  /** See {@link WorkingDays#workingDaysBetween}. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    return snapshot().workingDaysBetween(from, to);
  }

  /** The listed days off of a year. */
  public List<LocalDate> daysOff(int year) {
    return snapshot().daysOff(year);
  }
}
