package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.shared.sync.FeedRecordSource;
import vn.danvan.shared.time.BusinessTime;

/**
 * Tasks and extension requests in the change feed: what {@code GET /tasks/{id}} and {@code GET
 * /tasks/{id}/extension-requests/{rid}} answer the caller, for a page of ids in four queries (the
 * tasks, their coordinating units, the caller's scope of their units, their children's aggregates;
 * the requests and their tasks' readability likewise). Progress reports are part of the task (its
 * progress, its version); they have no change-log entries of their own.
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
      List<ExtensionResponse> requests = extensions.byIds(ids);
      Set<UUID> readable =
          readable(requests.stream().map(ExtensionResponse::taskId).distinct().toList()).keySet();
      for (ExtensionResponse e : requests) {
        if (readable.contains(e.taskId())) {
          out.put(e.id(), e);
        }
      }
      return out;
    }
    Map<UUID, Readable> rows = readable(ids);
    Map<UUID, TaskResponse.Children> children = repo.children(rows.keySet());
    LocalDate today = BusinessTime.today(clock);
    rows.forEach(
        (id, r) ->
            out.put(
                id,
                TaskResponse.of(
                    r.task(),
                    children.getOrDefault(id, TaskResponse.Children.NONE),
                    r.coordinating(),
                    today)));
    return out;
  }

  /** A task the caller may read, with its coordinating units. */
  private record Readable(Task task, List<UUID> coordinating) {}

  /**
   * The tasks among {@code ids} the caller may read, by the rule of {@code GET /tasks/{id}} ({@link
   * TaskAccess#canSee}): the tasks, their coordinating units and the caller's scope of all their
   * units, three queries.
   */
  private Map<UUID, Readable> readable(List<UUID> ids) {
    List<Task> tasks = repo.tasks(ids);
    Map<UUID, List<UUID>> coordinators = repo.coordinators(tasks.stream().map(t -> t.id).toList());
    Set<UUID> units = new HashSet<>();
    for (Task t : tasks) {
      units.add(t.leadUnitId);
      units.addAll(coordinators.getOrDefault(t.id, List.of()));
    }
    access.preload(units);
    Map<UUID, Readable> out = new LinkedHashMap<>();
    for (Task t : tasks) {
      List<UUID> coordinating = coordinators.getOrDefault(t.id, List.of());
      if (access.canSee(t, coordinating)) {
        out.put(t.id, new Readable(t, coordinating));
      }
    }
    return out;
  }
}
