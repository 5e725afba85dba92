package vn.danvan.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** The kind of value an indicator takes. */
@Schema(
    description =
        "Kiểu giá trị của chỉ tiêu: INTEGER (số nguyên), DECIMAL (số thập phân), PERCENT (tỷ lệ %, 0–100),"
            + " TEXT (văn bản), BOOLEAN (có/không).",
    examples = "INTEGER")
public enum IndicatorType implements LabeledEnum {
  INTEGER,
  DECIMAL,
  PERCENT,
  TEXT,
  BOOLEAN;

  /** Whether values are numbers (bounds, targets, sums and averages apply). */
  boolean numeric() {
    return this == INTEGER || this == DECIMAL || this == PERCENT;
  }
}
