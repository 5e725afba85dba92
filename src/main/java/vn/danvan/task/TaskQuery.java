package vn.danvan.task;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.persistence.OrgUnitMode;

/**
 * The filters of the task list as the service resolved them: the unit checked against the scope
 * (with its depth in the tree), the search text trimmed, the sort parsed, the scope of a restricted
 * caller. The repository turns it into SQL; a cursor of the list is bound to it ({@link
 * Cursor#tag}).
 *
 * @param roots the roots of a restricted caller's scope; null when the caller sees everything the
 *     filters select (an unrestricted caller, or a unit filter the scope covers)
 */
record TaskQuery(
    Unit unit,
    TaskState state,
    TaskStatus status,
    UUID directiveId,
    UUID parentId,
    LocalDate dueFrom,
    LocalDate dueTo,
    String q,
    List<UUID> roots,
    TaskSort sort) {

  /**
   * Tasks of a unit in a role. {@code depth} is the length of the unit's path from the root (1 for
   * the root).
   */
  record Unit(UUID id, int depth, OrgUnitMode mode, TaskRole role) {}
}
