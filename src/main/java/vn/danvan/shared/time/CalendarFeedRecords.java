package vn.danvan.shared.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.shared.sync.FeedRecordSource;

/**
 * The listed days of the business calendar in the change feed, as {@code GET
 * /api/v1/calendar/days/{date}} answers them (every role reads the calendar); an unlisted day is
 * absent. Read from the calendar's snapshot: no query.
 */
@ApplicationScoped
class CalendarFeedRecords implements FeedRecordSource {

  @Inject BusinessCalendar calendar;

  @Override
  public Set<String> entityTypes() {
    return Set.of(CalendarService.ENTITY);
  }

  @Override
  public Map<UUID, Object> records(String entityType, List<UUID> ids) {
    if (!CalendarService.ENTITY.equals(entityType) || ids.isEmpty()) {
      return Map.of();
    }
    Set<UUID> wanted = new HashSet<>(ids);
    Map<UUID, Object> out = new HashMap<>();
    for (CalendarDay day : calendar.snapshot().listed().values()) {
      UUID id = CalendarService.idOf(day.date());
      if (wanted.contains(id)) {
        out.put(id, CalendarDayResponse.of(day));
      }
    }
    return out;
  }
}
