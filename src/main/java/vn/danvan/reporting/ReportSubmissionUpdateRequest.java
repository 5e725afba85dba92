package vn.danvan.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "ReportSubmissionUpdate",
    description =
        "Sửa báo cáo đang soạn hoặc bị trả lại: giá trị theo mã chỉ tiêu, lời văn theo mã mục. Chỉ các mã có trong"
            + " yêu cầu được thay; null xóa giá trị nhập (giá trị hệ thống tính vẫn giữ).")
public record ReportSubmissionUpdateRequest(
    @Size(max = ReportSubmissionRules.MAX_VALUES)
        @Schema(
            type = SchemaType.OBJECT,
            implementation = Object.class,
            description =
                "Giá trị nhập theo mã chỉ tiêu của mẫu: số với INTEGER, DECIMAL, PERCENT; chuỗi với TEXT;"
                    + " true/false với BOOLEAN; null để xóa.",
            examples = "{\"TCD_LUOT\": 125, \"KNTC_TY_LE\": 92.5}")
        Map<String, JsonNode> values,
    @Size(max = ReportSubmissionRules.MAX_VALUES)
        @Schema(
            description =
                "Lời văn theo mã mục lời văn (narrative) của mẫu; null hoặc chuỗi rỗng để xóa.",
            examples =
                "{\"KET_QUA\": \"Tổ chức 12 hội nghị đối thoại với Nhân dân, tiếp 125 lượt công dân.\"}")
        Map<String, String> narratives,
    @Schema(
            description =
                "Văn bản Báo cáo (loại BC) đã ban hành; gửi để đặt hoặc đổi, vắng để giữ nguyên. Gửi"
                    + " clearReportDocument: true để bỏ.",
            examples = "00000000-0000-4d0c-9023-764000000847")
        UUID reportDocumentId,
    @Schema(description = "true để bỏ văn bản Báo cáo đã gắn.", examples = "false")
        Boolean clearReportDocument) {}
