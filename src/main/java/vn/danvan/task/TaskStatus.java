package vn.danvan.task;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** The life of a task; only transitions change it (never an edit). */
@Schema(
    description =
        "Trạng thái xử lý; chỉ đổi qua thao tác chuyển trạng thái (POST /tasks/{id}/transitions).",
    examples = "IN_PROGRESS")
public enum TaskStatus implements LabeledEnum {
  NEW,
  IN_PROGRESS,
  DONE,
  CANCELLED;

  boolean open() {
    return this == NEW || this == IN_PROGRESS;
  }

  /** The status reached from this one by {@code action}, or null when the action is not allowed. */
  TaskStatus after(TaskAction action) {
    return switch (action) {
      case START -> this == NEW ? IN_PROGRESS : null;
      case COMPLETE -> open() ? DONE : null;
      case CANCEL -> open() ? CANCELLED : null;
      case REOPEN -> open() ? null : IN_PROGRESS;
    };
  }
}
