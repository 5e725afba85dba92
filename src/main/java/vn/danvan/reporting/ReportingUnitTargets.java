package vn.danvan.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/**
 * Which units report under a regime: a list, or the units of a kind directly below (or anywhere
 * below) a unit, resolved for each period on the tree of its first day.
 */
@Schema(
    description =
        "Đơn vị phải báo cáo: UNITS (danh sách unitIds), CHILD_UNITS_OF_KIND (các đơn vị trực thuộc trực tiếp"
            + " của ofUnitId thuộc cấp kind) hoặc DESCENDANT_UNITS_OF_KIND (mọi đơn vị thuộc cấp kind trong cây"
            + " của ofUnitId); xác định cho từng kỳ theo cây đơn vị vào ngày đầu kỳ.",
    examples = "CHILD_UNITS_OF_KIND")
public enum ReportingUnitTargets implements LabeledEnum {
  UNITS,
  CHILD_UNITS_OF_KIND,
  DESCENDANT_UNITS_OF_KIND
}
