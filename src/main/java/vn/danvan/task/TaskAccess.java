package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.security.UnitScope;

/**
 * Who sees and who writes a task. A task is seen by the scope of its lead unit and of its
 * coordinating units; outside it, it answers 404 like a missing one. Seen is not writable (403).
 */
@ApplicationScoped
class TaskAccess {

  @Inject UnitScope scope;

  /** The task, or 404 when missing or outside the caller's scope. */
  Task visible(UUID id) {
    Task t = Task.findById(id);
    if (t == null || !canSee(t)) {
      throw ApiException.notFound(TaskService.LABEL);
    }
    return t;
  }

  boolean canSee(Task t) {
    if (scope.restriction().isEmpty() || scope.contains(t.leadUnitId)) {
      return true;
    }
    return t.coordinators.stream().anyMatch(c -> scope.contains(c.unitId));
  }

  /** {@link #canSee} with the task's coordinating units read for many tasks at once. */
  boolean canSee(Task t, Collection<UUID> coordinating) {
    if (scope.restriction().isEmpty() || scope.contains(t.leadUnitId)) {
      return true;
    }
    return coordinating.stream().anyMatch(scope::contains);
  }

  /** Answers {@link #contains} for many units with one query (bulk writes). */
  void preload(Collection<UUID> unitIds) {
    scope.preload(unitIds);
  }

  /** Transitions and delegation: the scope of the lead unit or of the assigning unit. */
  void requireWritable(Task t) {
    if (!scope.contains(t.leadUnitId)
        && (t.assigningUnitId == null || !scope.contains(t.assigningUnitId))) {
      throw ApiException.forbidden();
    }
  }

  /**
   * The assignment itself (its "5 rõ" and its units) is edited by a caller who acts for both the
   * lead unit and the assigning unit; transitions, progress and extensions keep their own rules.
   */
  void requireAssigner(Task t) {
    if (!scope.contains(t.leadUnitId)
        || (t.assigningUnitId != null && !scope.contains(t.assigningUnitId))) {
      throw ApiException.forbidden();
    }
  }

  /** Progress, extension requests and delegation come from the lead unit. */
  void requireLead(Task t) {
    if (!scope.contains(t.leadUnitId)) {
      throw ApiException.forbidden();
    }
  }

  /** The caller acts for the unit (always true for an unrestricted caller). */
  boolean contains(UUID unitId) {
    return scope.contains(unitId);
  }

  /** Everything ever below the unit is in the caller's scope (always for an unrestricted one). */
  boolean covers(UUID unitId) {
    return scope.covers(unitId);
  }

  /** The roots of a restricted caller's scope; null when the caller sees everything. */
  List<UUID> roots() {
    if (scope.restriction().isEmpty()) {
      return null;
    }
    return List.of(scope.roots());
  }
}
