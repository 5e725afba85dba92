package vn.danvan.dialogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.shared.sync.FeedRecordSource;

/** The dialogues of the change feed, exactly as {@code GET /{id}} answers the caller. */
@ApplicationScoped
class DialogueFeedRecords implements FeedRecordSource {

  @Inject DialogueService dialogues;

  @Override
  public Set<String> entityTypes() {
    return Set.of(DialogueService.ENTITY);
  }

  @Override
  public Map<UUID, Object> records(String entityType, List<UUID> ids) {
    if (ids.isEmpty() || !DialogueService.ENTITY.equals(entityType)) {
      return Map.of();
    }
    return new HashMap<>(dialogues.readable(ids));
  }
}
