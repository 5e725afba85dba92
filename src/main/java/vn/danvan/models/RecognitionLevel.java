package vn.danvan.models;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** The level whose decision recognised a model; the district level ended on 01/07/2025. */
@Schema(
    description =
        "Cấp công nhận: COMMUNE (cấp xã), DISTRICT (cấp huyện; chỉ với quyết định trước ngày 01/7/2025,"
            + " khi cấp huyện thôi tồn tại), PROVINCE (cấp tỉnh), CENTRAL (cấp trung ương).",
    examples = "PROVINCE")
public enum RecognitionLevel implements LabeledEnum {
  COMMUNE,
  DISTRICT,
  PROVINCE,
  CENTRAL;

  /** The first day without district-level authorities (two-level local government). */
  static final LocalDate DISTRICTS_ABOLISHED = LocalDate.of(2025, 7, 1);

  /** Whether a decision of this level can be dated {@code day}. */
  boolean existsOn(LocalDate day) {
    return this != DISTRICT || day.isBefore(DISTRICTS_ABOLISHED);
  }
}
