package vn.danvan.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/**
 * The life of a template version: a draft is edited in place; publishing freezes it; publishing a
 * later version supersedes it. Only transitions and new versions change it.
 */
@Schema(
    description =
        "Trạng thái phiên bản mẫu báo cáo: DRAFT (đang soạn, sửa được), PUBLISHED (đã ban hành, cố định),"
            + " SUPERSEDED (đã có phiên bản ban hành sau thay thế).",
    examples = "PUBLISHED")
public enum ReportTemplateStatus implements LabeledEnum {
  DRAFT,
  PUBLISHED,
  SUPERSEDED;

  /** The status reached from this one by {@code action}, or null when not allowed. */
  ReportTemplateStatus after(ReportTemplateAction action) {
    return switch (action) {
      case PUBLISH -> this == DRAFT ? PUBLISHED : null;
    };
  }
}
