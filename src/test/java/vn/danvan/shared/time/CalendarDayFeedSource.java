package vn.danvan.shared.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.shared.sync.FeedRecordSource;
import vn.danvan.testing.TestFeedSource;

/**
 * The calendar's listed days for the change feed's tests ({@code include=record}): what {@code GET
 * /api/v1/calendar/days/{date}} answers, from one snapshot of the calendar for the whole page.
 */
@ApplicationScoped
public class CalendarDayFeedSource implements TestFeedSource {

  @Inject BusinessCalendar calendar;
  @Inject @Any Instance<FeedRecordSource> all;

  @Override
  public Set<String> entityTypes() {
    return TestFeedSource.unlessClaimed(all, CalendarService.ENTITY);
  }

  @Override
  public Map<UUID, Object> records(String entityType, List<UUID> ids) {
    Set<UUID> wanted = new HashSet<>(ids);
    Map<UUID, Object> out = new HashMap<>();
    for (CalendarDay day : calendar.snapshot().listed().values()) {
      CalendarDayResponse response = CalendarDayResponse.of(day);
      if (wanted.contains(response.id())) {
        out.put(response.id(), response);
      }
    }
    return out;
  }
}
