package vn.danvan.shared.agenda;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** How the agenda's summary groups its counts of kind × state. */
@Schema(
    description =
        "Cách nhóm số liệu tổng hợp: CHILD_UNIT (theo đơn vị con trực tiếp của đơn vị chọn; nghĩa vụ"
            + " của chính đơn vị chọn nằm ở nhóm của nó), KIND (theo loại nghĩa vụ), MONTH (theo"
            + " tháng đến hạn).",
    examples = "CHILD_UNIT")
public enum ObligationGrouping implements LabeledEnum {
  CHILD_UNIT,
  KIND,
  MONTH
}
