package vn.danvan.directive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/**
 * The life of a document: drafted, issued, then ended by a later document (superseded, revoked) or
 * by its own term (expired). Only transitions change it.
 */
@Schema(
    description =
        "Trạng thái văn bản; chỉ đổi qua thao tác chuyển trạng thái (POST /directives/{id}/transitions).",
    examples = "ISSUED")
public enum DirectiveStatus implements LabeledEnum {
  DRAFT,
  ISSUED,
  SUPERSEDED,
  REVOKED,
  EXPIRED;

  /** The status reached from this one by {@code action}, or null when the action is not allowed. */
  DirectiveStatus after(DirectiveAction action) {
    return switch (action) {
      case ISSUE -> this == DRAFT ? ISSUED : null;
      case SUPERSEDE -> this == ISSUED ? SUPERSEDED : null;
      case REVOKE -> this == ISSUED ? REVOKED : null;
      case EXPIRE -> this == ISSUED ? EXPIRED : null;
    };
  }
}
