package vn.danvan.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.shared.sync.FeedRecordSource;

/**
 * Models for the change feed: what {@code GET /good-practice-models/{id}} answers the caller, only
 * the models one of whose units lies in the caller's scope. A few queries per page.
 */
@ApplicationScoped
class GoodPracticeModelFeedRecords implements FeedRecordSource {

  @Inject GoodPracticeModelService models;

  @Override
  public Set<String> entityTypes() {
    return Set.of(GoodPracticeModelService.ENTITY);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, Object> records(String entityType, List<UUID> ids) {
    Map<UUID, Object> out = new LinkedHashMap<>();
    if (GoodPracticeModelService.ENTITY.equals(entityType) && !ids.isEmpty()) {
      out.putAll(models.readable(ids));
    }
    return out;
  }
}
