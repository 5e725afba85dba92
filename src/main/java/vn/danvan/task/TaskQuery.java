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
 * @param roots the roots of a restricted caller's scope; null when the caller sees everything
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
    Sort sort) {

  /**
   * Tasks of a unit in a role. {@code depth} is the length of the unit's path from the root (1 for
   * the root).
   */
  record Unit(UUID id, int depth, OrgUnitMode mode, TaskRole role) {}

  /** A list order and how its cursor key is written and read back. */
  enum Sort {
    DUE("dueDate", true, false),
    DUE_DESC("-dueDate", true, true),
    UPDATED("updatedAt", false, false),
    UPDATED_DESC("-updatedAt", false, true);

    final String code;
    final boolean byDue;
    final boolean desc;

    Sort(String code, boolean byDue, boolean desc) {
      this.code = code;
      this.byDue = byDue;
      this.desc = desc;
    }

    /** The sort named {@code s} (by due date when none), or null when unknown. */
    static Sort parse(String s) {
      if (s == null || s.isBlank()) {
        return DUE;
      }
      for (Sort v : values()) {
        if (v.code.equals(s)) {
          return v;
        }
      }
      return null;
    }

    /** The sort key of a row (a recurring series, without due date, sorts last). */
    Object key(Task t) {
      return byDue ? (t.dueDate == null ? LocalDate.of(9999, 12, 31) : t.dueDate) : t.updatedAt;
    }

    Cursor.KeyType keyType() {
      return byDue ? Cursor.KeyType.DATE : Cursor.KeyType.INSTANT;
    }

    Object key(Cursor.Keys keys, int i) {
      return byDue ? keys.date(i) : keys.offsetDateTime(i);
    }
  }
}
