package vn.danvan.reporting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What to consolidate: a period of a regime, for a collecting unit. */
@Schema(
    name = "ReportConsolidationRequest",
    description =
        "Yêu cầu tổng hợp báo cáo một kỳ của một chế độ báo cáo cho một đơn vị nhận báo cáo; mỗi lần gọi tạo một"
            + " phiên bản tổng hợp mới.")
public record ConsolidationRequest(
    @NotNull
        @Schema(
            description = "Chế độ báo cáo.",
            examples = "00000000-0000-4b0d-9023-764000000001",
            required = true)
        UUID regimeId,
    @NotBlank
        @Size(max = 10)
        @Schema(description = "Mã kỳ của chế độ.", examples = "2023S1", required = true)
        String period,
    @Schema(
            description =
                "Đơn vị tổng hợp: mặc định là đơn vị nhận báo cáo của chế độ (tổng hợp mọi đơn vị phải báo"
                    + " cáo); một đơn vị khác (ví dụ quận trong chế độ của thành phố trước 01/7/2025) tổng hợp các"
                    + " đơn vị phải báo cáo thuộc cây của nó vào ngày đầu kỳ.",
            examples = "e7ef043b-872f-3d4c-bfff-3c3a98c6a29a")
        UUID orgUnitId,
    @Schema(
            description =
                "false (mặc định): chỉ các phiên bản báo cáo đã được tiếp nhận (ACCEPTED); true: cả phiên bản"
                    + " đã gửi mới nhất chưa bị trả lại.",
            examples = "false")
        Boolean includeSubmitted) {}
