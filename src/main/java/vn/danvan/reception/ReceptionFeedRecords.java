package vn.danvan.reception;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.shared.sync.FeedRecordSource;

/**
 * Reception sessions, visits and cases in the change feed: what their {@code GET /{id}} answers the
 * current caller, one query per type and page. Visitors are masked by role as in the book, a
 * denouncer's identity is never part of a visit's representation.
 */
@ApplicationScoped
public class ReceptionFeedRecords implements FeedRecordSource {

  @Inject ReceptionSessionService sessions;
  @Inject ReceptionVisitService visits;
  @Inject ReceptionCaseService cases;

  @Override
  public Set<String> entityTypes() {
    return Set.of(
        ReceptionSessionService.ENTITY, ReceptionVisitService.ENTITY, ReceptionCaseService.ENTITY);
  }

  @Override
  public Map<UUID, Object> records(String entityType, List<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return switch (entityType) {
      case ReceptionSessionService.ENTITY -> sessions.readable(ids);
      case ReceptionVisitService.ENTITY -> visits.readable(ids);
      case ReceptionCaseService.ENTITY -> cases.readable(ids);
      default -> Map.of();
    };
  }
}
