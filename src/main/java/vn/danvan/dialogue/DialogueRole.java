package vn.danvan.dialogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** The office of who chairs a dialogue or answers a question there (no personal data needed). */
@Schema(
    description =
        "Vai trò tại hội nghị: COMMITTEE_CHAIR (Chủ tịch UBND), COMMITTEE_VICE_CHAIR (Phó Chủ tịch"
            + " UBND), COUNCIL_REPRESENTATIVE (đại diện Thường trực HĐND), FRONT_REPRESENTATIVE (đại"
            + " diện Ủy ban MTTQ), OFFICIAL (công chức chuyên môn), OTHER (khác).",
    examples = "COMMITTEE_CHAIR")
public enum DialogueRole implements LabeledEnum {
  COMMITTEE_CHAIR,
  COMMITTEE_VICE_CHAIR,
  COUNCIL_REPRESENTATIVE,
  FRONT_REPRESENTATIVE,
  OFFICIAL,
  OTHER
}
