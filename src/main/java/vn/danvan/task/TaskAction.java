package vn.danvan.task;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(
    description =
        "Thao tác trên nhiệm vụ: START (NEW → IN_PROGRESS), COMPLETE (kèm kết quả), CANCEL (kèm lý do),"
            + " REOPEN (DONE/CANCELLED → IN_PROGRESS).",
    examples = "COMPLETE")
public enum TaskAction implements LabeledEnum {
  START,
  COMPLETE,
  CANCEL,
  REOPEN
}
