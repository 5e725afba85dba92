package vn.danvan.dialogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A question the people raised at a dialogue and its answer there; no personal data of who asked.
 * Answered when {@code answer} is given.
 */
@Schema(name = "DialogueQuestion", description = "Một ý kiến, câu hỏi của Nhân dân và trả lời.")
public record DialogueQuestion(
    @Schema(
            description = "Nội dung câu hỏi, kiến nghị (không ghi thông tin cá nhân người hỏi).",
            examples = "Đề nghị sớm sửa chữa tuyến hẻm 12 bị ngập khi mưa lớn.")
        @NotBlank
        @Size(max = 2000)
        String question,
    @Schema(
            description = "Nội dung trả lời tại hội nghị; vắng nếu chưa trả lời.",
            examples = "UBND phường đã đưa vào kế hoạch sửa chữa quý III.")
        @Size(max = 4000)
        String answer,
    @Schema(description = "Vai trò người trả lời.", examples = "COMMITTEE_CHAIR")
        DialogueRole answeredByRole,
    @Schema(description = "Chức vụ người trả lời.", examples = "Chủ tịch UBND phường")
        @Size(max = 200)
        String answeredByTitle) {

  boolean answered() {
    return answer != null && !answer.isBlank();
  }
}
