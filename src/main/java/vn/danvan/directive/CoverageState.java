package vn.danvan.directive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** The four states of a task of Decision 42/2014/QĐ-TTg, for one unit's implementing plan. */
@Schema(
    description =
        "Tình trạng triển khai của một đơn vị (Quyết định 42/2014/QĐ-TTg): đã ban hành đúng hạn, đã ban hành"
            + " quá hạn, chưa ban hành và còn trong hạn, chưa ban hành và đã quá hạn.",
    examples = "OVERDUE")
public enum CoverageState implements LabeledEnum {
  ISSUED_ON_TIME,
  ISSUED_LATE,
  PENDING_IN_TERM,
  OVERDUE;
}
