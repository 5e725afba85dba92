package vn.danvan.models;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "GoodPracticeModelTransition",
    description =
        "Một thao tác chuyển trạng thái mô hình; RECOGNISE cần recognition (cấp, văn bản quyết định, ngày).")
public record GoodPracticeTransitionRequest(
    @NotNull @Schema(description = "Thao tác.", examples = "START_IMPLEMENTATION", required = true)
        GoodPracticeAction action,
    @Schema(
            description =
                "Ngày bắt đầu triển khai (START_IMPLEMENTATION) hoặc ngày dừng (DISCONTINUE); mặc định hôm"
                    + " nay, không sau hôm nay, không trước ngày bắt đầu mô hình. Không dùng với RECOGNISE.",
            examples = "2026-03-01")
        LocalDate date,
    @Valid @Schema(description = "Quyết định công nhận (chỉ và bắt buộc với RECOGNISE).")
        RecognitionInput recognition,
    @Size(max = 1000)
        @Schema(
            description = "Ghi chú hoặc lý do (ghi vào nhật ký kiểm toán).",
            examples = "Triển khai theo Kế hoạch năm của Ủy ban nhân dân phường")
        String reason) {

  @Schema(name = "GoodPracticeRecognitionInput", description = "Quyết định công nhận mô hình.")
  public record RecognitionInput(
      @NotNull
          @Schema(
              description =
                  "Cấp công nhận; DISTRICT chỉ với quyết định trước ngày 01/7/2025 (cấp huyện đã thôi tồn"
                      + " tại).",
              examples = "PROVINCE",
              required = true)
          RecognitionLevel level,
      @NotNull
          @Schema(
              description =
                  "Văn bản quyết định công nhận, trong sổ văn bản (người gọi phải xem được).",
              examples = "00000000-0000-4d0c-9022-079000000246",
              required = true)
          UUID directiveId,
      @NotNull
          @Schema(
              description =
                  "Ngày quyết định công nhận: không sau hôm nay, không trước ngày bắt đầu mô hình.",
              examples = "2026-05-19",
              required = true)
          LocalDate date) {}
}
