package vn.danvan.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** The comparison of an indicator's value with its target. */
@Schema(
    description =
        "Phép so sánh giá trị với chỉ tiêu phấn đấu: GTE (≥), GT (>), LTE (≤), LT (<), EQ (=)."
            + " Chỉ tiêu BOOLEAN chỉ dùng EQ (giá trị 1 là có, 0 là không).",
    examples = "GTE")
public enum TargetOperator implements LabeledEnum {
  GTE,
  GT,
  LTE,
  LT,
  EQ
}
