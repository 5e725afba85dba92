package vn.danvan.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/**
 * The life of a regime: a draft is edited by PUT; an active regime asks for reports; a retired one
 * no longer does (its periods stay readable). Only transitions change it.
 */
@Schema(
    description =
        "Trạng thái chế độ báo cáo: DRAFT (dự thảo, sửa được), ACTIVE (đang áp dụng), RETIRED (đã thôi áp"
            + " dụng; các kỳ vẫn xem được).",
    examples = "ACTIVE")
public enum ReportingRegimeStatus implements LabeledEnum {
  DRAFT,
  ACTIVE,
  RETIRED;

  /** The status reached from this one by {@code action}, or null when not allowed. */
  ReportingRegimeStatus after(ReportingRegimeAction action) {
    return switch (action) {
      case ACTIVATE -> this == DRAFT ? ACTIVE : null;
      case RETIRE -> this == RETIRED ? null : RETIRED;
    };
  }
}
