package vn.danvan.shared.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.http.ETags;

/** Reads and corrects the business calendar; every change is audited and announced in the feed. */
@ApplicationScoped
class CalendarService {

  static final String ENTITY = "CALENDAR_DAY";
  static final int MIN_YEAR = DateBounds.MIN.getYear();
  static final int MAX_YEAR = DateBounds.MAX.getYear();

  @Inject CalendarRepository repository;
  @Inject BusinessCalendar calendar;
  @Inject AuditTrail audit;
  @Inject Event<BusinessCalendar.Changed> changed;
  @Inject Clock clock;

  /** A listed day after a change, and whether the change listed it. */
  record Saved(CalendarDayResponse day, boolean created) {}

  /** The audit and feed id of a listed day: derived from its date, the same after a relisting. */
  static UUID idOf(LocalDate day) {
    return UUID.nameUUIDFromBytes(
        ("business-calendar-day:" + day).getBytes(StandardCharsets.UTF_8));
  }

  CalendarYearResponse year(Integer year) {
    int y = year == null ? BusinessTime.today(clock).getYear() : year;
    if (y < MIN_YEAR || y > MAX_YEAR) {
      // as text: a number would be formatted with a thousands separator
      throw ApiException.invalid(
          "/year", "field.YEAR_RANGE", Integer.toString(MIN_YEAR), Integer.toString(MAX_YEAR));
    }
    WorkingDays days = calendar.snapshot();
    return new CalendarYearResponse(
        y, days.workingDaysIn(y), days.listed(y).stream().map(CalendarDayResponse::of).toList());
  }

  CalendarDayResponse get(LocalDate day) {
    DateBounds.require(day, "/date");
    CalendarDay d = calendar.snapshot().listed().get(day);
    if (d == null) {
      throw ApiException.notFound("entity.CALENDAR_DAY");
    }
    return CalendarDayResponse.of(d);
  }

  /**
   * Lists {@code day} or replaces its listing. Replacing needs the version it is based on ({@code
   * If-Match}); listing a new day needs none, and with one it fails as stale (412).
   */
  @Transactional
  Saved put(LocalDate day, String ifMatch, CalendarDayRequest req) {
    DateBounds.require(day, "/date");
    if (!req.kind().allowedOn(WorkingDays.isWeekend(day))) {
      throw ApiException.invalid(
          "/kind", WorkingDays.isWeekend(day) ? "field.KIND_ON_WEEKEND" : "field.KIND_ON_WEEKDAY");
    }
    String nameVi = req.name().strip();
    String nameEn = trim(req.nameEn());
    String basis = req.legalBasis().strip();
    Optional<CalendarDay> existing = repository.lock(day);
    if (existing.isEmpty()) {
      if (ifMatch != null && !ifMatch.isBlank()) {
        ETags.requireVersion(ifMatch);
        throw new ApiException(412, "PRECONDITION_FAILED");
      }
      CalendarDay created =
          repository
              .insert(day, req.kind(), nameVi, nameEn, basis)
              .orElseThrow(() -> new ApiException(412, "PRECONDITION_FAILED"));
      CalendarDayResponse after = CalendarDayResponse.of(created);
      audit.created(ENTITY, after.id(), null, after.version(), after);
      changed.fire(new BusinessCalendar.Changed(day, calendar.snapshot().with(created)));
      return new Saved(after, true);
    }
    CalendarDay current = existing.get();
    ETags.check(ETags.requireVersion(ifMatch), current.version());
    CalendarDayResponse before = CalendarDayResponse.of(current);
    CalendarDay replaced = repository.replace(day, req.kind(), nameVi, nameEn, basis);
    CalendarDayResponse after = CalendarDayResponse.of(replaced);
    audit.updated(ENTITY, after.id(), null, after.version(), before, after);
    changed.fire(new BusinessCalendar.Changed(day, calendar.snapshot().with(replaced)));
    return new Saved(after, false);
  }

  /** Unlists {@code day}: it follows the default rule again. */
  @Transactional
  void delete(LocalDate day, long expectedVersion) {
    DateBounds.require(day, "/date");
    CalendarDay current =
        repository.lock(day).orElseThrow(() -> ApiException.notFound("entity.CALENDAR_DAY"));
    ETags.check(expectedVersion, current.version());
    CalendarDayResponse before = CalendarDayResponse.of(current);
    repository.delete(day);
    audit.deleted(ENTITY, before.id(), null, before);
    changed.fire(new BusinessCalendar.Changed(day, calendar.snapshot().without(day)));
  }

  private static String trim(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    return s.strip();
  }
}
