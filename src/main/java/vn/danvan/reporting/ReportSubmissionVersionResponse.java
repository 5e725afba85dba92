package vn.danvan.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "ReportSubmissionVersion",
    description =
        "Một phiên bản đã gửi của báo cáo (mỗi lần SUBMIT một phiên bản, đánh số từ 1), không sửa được; chỉ ghi"
            + " thêm quyết định của đơn vị nhận báo cáo.")
public record ReportSubmissionVersionResponse(
    @Schema(description = "Báo cáo.", examples = "5b0f3c52-8a5e-4c1e-9d0b-3f6f0d3b9a21")
        UUID submissionId,
    @Schema(description = "Số phiên bản.", examples = "1") int number,
    @Schema(description = "Số phiên bản mẫu.", examples = "1") int templateVersion,
    @Schema(description = "Thời điểm gửi.", examples = "2023-05-03T03:00:00Z") Instant submittedAt,
    @Schema(description = "Người gửi.", examples = "ward-officer") String submittedBy,
    @Schema(description = "Phiên bản này gửi sau hạn gửi.", examples = "false") boolean late,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Quyết định của đơn vị nhận báo cáo; vắng khi chưa quyết định.")
        ReportSubmissionDecision decision,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Thời điểm quyết định.", examples = "2023-05-05T08:00:00Z")
        Instant decidedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description = "Ý kiến kèm quyết định.",
            examples = "Đề nghị bổ sung số liệu tiếp công dân tháng 4.")
        String decisionComment,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description = "Văn bản Báo cáo (loại BC) lúc gửi.",
            examples = "00000000-0000-4d0c-9023-764000000847")
        UUID reportDocumentId,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description =
                "Giá trị các chỉ tiêu theo mã, như lúc gửi. Vắng trong danh sách phiên bản.")
        Map<String, SubmissionValueResponse> values,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description = "Lời văn theo mã mục, như lúc gửi. Vắng trong danh sách phiên bản.",
            examples = "{\"KET_QUA\": \"Tổ chức 12 hội nghị đối thoại với Nhân dân.\"}")
        Map<String, String> narratives) {}
