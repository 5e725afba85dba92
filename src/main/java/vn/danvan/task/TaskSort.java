package vn.danvan.task;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.reference.LabeledEnum;

/**
 * The orders of the task lists ({@code sort}): the code is the field, {@code -} before it for
 * descending; also how a cursor key is written and read back for that order.
 */
@Schema(
    name = "TaskSort",
    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
    enumeration = {"dueDate", "-dueDate", "updatedAt", "-updatedAt"},
    defaultValue = "dueDate",
    description =
        "Thứ tự của danh sách nhiệm vụ: dueDate (mặc định), -dueDate, updatedAt, -updatedAt (dấu -"
            + " là giảm dần); nhãn tại GET /api/v1/reference/enums.")
public enum TaskSort implements LabeledEnum {
  DUE("dueDate", true, false),
  DUE_DESC("-dueDate", true, true),
  UPDATED("updatedAt", false, false),
  UPDATED_DESC("-updatedAt", false, true);

  private final String code;
  final boolean byDue;
  final boolean desc;

  TaskSort(String code, boolean byDue, boolean desc) {
    this.code = code;
    this.byDue = byDue;
    this.desc = desc;
  }

  @Override
  public String code() {
    return code;
  }

  /** The sort named {@code s} (by due date when none), or null when unknown. */
  static TaskSort parse(String s) {
    if (s == null || s.isBlank()) {
      return DUE;
    }
    for (TaskSort v : values()) {
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
