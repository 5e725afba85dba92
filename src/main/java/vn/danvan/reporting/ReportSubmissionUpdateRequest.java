package vn.danvan.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.source.Provenance;

@Schema(
    name = "ReportSubmissionUpdate",
    description =
        "Tạo (mã chưa có) hoặc sửa báo cáo đang soạn hoặc bị trả lại: giá trị theo mã chỉ tiêu, lời văn theo mã"
            + " mục. Chỉ các mã có trong yêu cầu được thay; null xóa giá trị nhập (giá trị hệ thống tính vẫn"
            + " giữ). Khi tạo cần regimeId, period, orgUnitId; khi sửa các trường này nếu gửi phải trùng với báo"
            + " cáo.")
public record ReportSubmissionUpdateRequest(
    @Schema(
            description = "Chế độ báo cáo (bắt buộc khi tạo).",
            examples = "00000000-0000-4b0d-9023-764000000001")
        UUID regimeId,
    @Size(max = 20) @Schema(description = "Mã kỳ (bắt buộc khi tạo).", examples = "2023S1")
        String period,
    @Schema(
            description = "Đơn vị báo cáo (bắt buộc khi tạo).",
            examples = "1a429ea4-a105-3356-8d9b-d90426a095ae")
        UUID orgUnitId,
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
        Map<String, @Size(max = ReportSubmissionRules.MAX_NARRATIVE) String> narratives,
    @Schema(
            description =
                "Văn bản Báo cáo (loại BC) đã ban hành; gửi để đặt hoặc đổi, vắng để giữ nguyên. Gửi"
                    + " clearReportDocument: true để bỏ.",
            examples = "00000000-0000-4d0c-9023-764000000847")
        UUID reportDocumentId,
    @Schema(description = "true để bỏ văn bản Báo cáo đã gắn.", examples = "false")
        Boolean clearReportDocument,
    @Schema(
            description =
                "Hệ thống nguồn; với PUT theo mã nguồn, nếu gửi phải trùng đường dẫn. Chỉ gán được cho báo cáo"
                    + " chưa có mã nguồn, không đổi được.",
            examples = "HCM-EGOV")
        String sourceSystem,
    @Schema(
            description = "Mã báo cáo trong hệ thống nguồn (đi cùng sourceSystem).",
            examples = "BC-2026Q3-26882")
        String sourceId,
    @Schema(
            description =
                "Phiên bản của báo cáo trong hệ thống nguồn: cũ hơn phiên bản đã lưu thì bị từ chối (409"
                    + " SOURCE_VERSION_CONFLICT); mới hơn thì thay không cần If-Match.",
            examples = "3")
        @PositiveOrZero
        @Max(Provenance.MAX_SOURCE_VERSION)
        Long sourceVersion,
    @Schema(
            description = "Thời điểm hệ thống nguồn sửa báo cáo lần cuối (RFC 3339).",
            examples = "2026-10-02T08:15:00+07:00")
        OffsetDateTime sourceUpdatedAt) {

  /** An edit of the content only. */
  public ReportSubmissionUpdateRequest(
      Map<String, JsonNode> values,
      Map<String, @Size(max = ReportSubmissionRules.MAX_NARRATIVE) String> narratives,
      UUID reportDocumentId,
      Boolean clearReportDocument) {
    this(
        null,
        null,
        null,
        values,
        narratives,
        reportDocumentId,
        clearReportDocument,
        null,
        null,
        null,
        null);
  }
}
