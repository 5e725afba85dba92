package vn.danvan.models;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** The field of a "Dân vận khéo" model, as the emulation movement classifies them. */
@Schema(
    description =
        "Lĩnh vực của mô hình: ECONOMY (kinh tế), CULTURE_SOCIETY (văn hóa - xã hội),"
            + " DEFENCE_SECURITY (quốc phòng - an ninh), POLITICAL_SYSTEM (xây dựng hệ thống chính trị),"
            + " ADMINISTRATIVE_REFORM (cải cách hành chính, phục vụ người dân), OTHER (khác).",
    examples = "ADMINISTRATIVE_REFORM")
public enum GoodPracticeField implements LabeledEnum {
  ECONOMY,
  CULTURE_SOCIETY,
  DEFENCE_SECURITY,
  POLITICAL_SYSTEM,
  ADMINISTRATIVE_REFORM,
  OTHER
}
