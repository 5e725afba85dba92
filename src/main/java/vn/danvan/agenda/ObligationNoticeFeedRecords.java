package vn.danvan.agenda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.danvan.shared.sync.FeedRecordSource;

/** The obligation notices of the change feed and webhooks, in the caller's scope. */
@ApplicationScoped
class ObligationNoticeFeedRecords implements FeedRecordSource {

  @Inject ObligationNotices notices;

  @Override
  public Set<String> entityTypes() {
    return Arrays.stream(ObligationNoticeEvent.values())
        .map(ObligationNoticeEvent::entityType)
        .collect(Collectors.toSet());
  }

  @Override
  public Map<UUID, Object> records(String entityType, List<UUID> ids) {
    ObligationNoticeEvent event = ObligationNoticeEvent.ofEntityType(entityType);
    if (event == null || ids.isEmpty()) {
      return Map.of();
    }
    return new LinkedHashMap<>(notices.readable(event, ids));
  }
}
