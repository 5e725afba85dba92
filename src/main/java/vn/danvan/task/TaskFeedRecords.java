package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.shared.sync.FeedRecordSource;
import vn.danvan.shared.time.BusinessTime;

/**
 * Tasks and extension requests in the change feed: what {@code GET /tasks/{id}} and {@code GET
 * /tasks/{id}/extension-requests/{rid}} answer the caller, for a page of ids in three queries (the
 * readable tasks, their children's aggregates, their coordinating units) or one (the requests of
 * readable tasks). Progress reports are part of the task (its progress, its version).
 */
@ApplicationScoped
class TaskFeedRecords implements FeedRecordSource {

  @Inject TaskRepository repo;
  @Inject TaskExtensionRepository extensions;
  @Inject TaskAccess access;
  @Inject Clock clock;

  @Override
  public Set<String> entityTypes() {
    return Set.of(TaskService.ENTITY, TaskExtensionService.ENTITY);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, Object> records(String entityType, List<UUID> ids) {
    Map<UUID, Object> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    if (TaskExtensionService.ENTITY.equals(entityType)) {
      for (ExtensionResponse e : extensions.readable(ids, access.roots())) {
        out.put(e.id(), e);
      }
      return out;
    }
    List<Task> rows = repo.readable(ids, access.roots());
    List<UUID> found = rows.stream().map(t -> t.id).toList();
    Map<UUID, TaskResponse.Children> children = repo.children(found);
    Map<UUID, List<UUID>> coordinators = repo.coordinators(found);
    LocalDate today = BusinessTime.today(clock);
    for (Task t : rows) {
      out.put(
          t.id,
          TaskResponse.of(
              t,
              children.getOrDefault(t.id, TaskResponse.Children.NONE),
              coordinators.getOrDefault(t.id, List.of()),
              today));
    }
    return out;
  }
}
