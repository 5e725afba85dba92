package vn.danvan.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** How the values of the reporting units are consolidated into the value of the unit above. */
@Schema(
    description =
        "Cách tổng hợp giá trị của các đơn vị báo cáo lên đơn vị cấp trên: SUM (cộng), AVG (trung bình),"
            + " WEIGHTED_AVG (trung bình có trọng số, trọng số là chỉ tiêu weightCode), MIN, MAX,"
            + " COUNT_TRUE (đếm số đơn vị trả lời có), NONE (không tổng hợp).",
    examples = "SUM")
public enum IndicatorAggregation implements LabeledEnum {
  SUM,
  AVG,
  WEIGHTED_AVG,
  MIN,
  MAX,
  COUNT_TRUE,
  NONE
}
