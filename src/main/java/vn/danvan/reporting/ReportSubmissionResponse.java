package vn.danvan.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.http.Versioned;

@Schema(
    name = "ReportSubmission",
    description =
        "Báo cáo của một đơn vị cho một kỳ của chế độ báo cáo, lập theo phiên bản mẫu của chế độ: giá trị các chỉ"
            + " tiêu (giá trị nhập và giá trị hệ thống tính), lời văn các mục, trạng thái và hạn gửi của cấp"
            + " của đơn vị.")
public record ReportSubmissionResponse(
    @Schema(
            description = "Mã định danh báo cáo.",
            examples = "5b0f3c52-8a5e-4c1e-9d0b-3f6f0d3b9a21")
        UUID id,
    @Schema(description = "Chế độ báo cáo.", examples = "00000000-0000-4b0d-9023-764000000001")
        UUID regimeId,
    @Schema(description = "Mã kỳ.", examples = "2023S1") String period,
    @Schema(description = "Đơn vị báo cáo.", examples = "1a429ea4-a105-3356-8d9b-d90426a095ae")
        UUID orgUnitId,
    @Schema(
            description = "Tên đơn vị báo cáo vào ngày đầu kỳ.",
            examples = "Văn phòng HĐND và UBND quận Gò Vấp")
        String orgUnitName,
    @Schema(description = "Đơn vị nhận báo cáo.", examples = "e7ef043b-872f-3d4c-bfff-3c3a98c6a29a")
        UUID collectingUnitId,
    @Schema(
            description = "Tên đơn vị nhận báo cáo vào ngày đầu kỳ.",
            examples = "Phòng Nội vụ quận Gò Vấp")
        String collectingUnitName,
    @Schema(
            description =
                "Cấp của chuỗi báo cáo có hạn gửi áp dụng: cấp đầu với đơn vị phải báo cáo, cấp cuối với báo cáo"
                    + " của đơn vị tổng hợp.",
            examples = "COMMUNE")
        String level,
    @Schema(description = "Hạn gửi của cấp (tính cả ngày này).", examples = "2023-05-04")
        LocalDate dueDate,
    @Schema(
            description = "Ngày khóa số liệu: sau ngày này chỉ đơn vị nhận báo cáo mở lại được.",
            examples = "2023-05-15")
        LocalDate lockDate,
    @Schema(description = "Mẫu báo cáo.", examples = "00000000-0000-4b0c-9021-000000000001")
        UUID templateId,
    @Schema(description = "Số phiên bản mẫu của báo cáo.", examples = "1") int templateVersion,
    @Schema(description = "Trạng thái.", examples = "DRAFT") ReportSubmissionStatus status,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description =
                "Gửi muộn: lần gửi đầu tiên sau hạn gửi (theo giờ Việt Nam); vắng khi chưa gửi lần nào.",
            examples = "false")
        Boolean late,
    @Schema(description = "Số phiên bản đã gửi (0: chưa gửi).", examples = "1") int versionCount,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Thời điểm gửi lần đầu.", examples = "2023-05-03T03:00:00Z")
        Instant firstSubmittedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Thời điểm gửi gần nhất.", examples = "2023-05-03T03:00:00Z")
        Instant submittedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Thời điểm được tiếp nhận.", examples = "2023-05-05T08:00:00Z")
        Instant acceptedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description = "Ý kiến khi bị trả lại (đến khi gửi lại).",
            examples = "Đề nghị bổ sung số liệu tiếp công dân tháng 4.")
        String returnComment,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description = "Văn bản Báo cáo (loại BC) đã ban hành.",
            examples = "00000000-0000-4d0c-9023-764000000847")
        UUID reportDocumentId,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description = "Số, ký hiệu của văn bản Báo cáo (khi người gọi xem được văn bản).",
            examples = "125/BC-UBND")
        String reportDocumentNumber,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description =
                "Giá trị các chỉ tiêu theo mã, theo thứ tự của mẫu (mọi chỉ tiêu của mẫu). Vắng trong danh"
                    + " sách.")
        Map<String, SubmissionValueResponse> values,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description =
                "Lời văn theo mã mục lời văn, theo thứ tự của mẫu (mục chưa viết: vắng). Vắng trong danh sách.",
            examples = "{\"KET_QUA\": \"Tổ chức 12 hội nghị đối thoại với Nhân dân.\"}")
        Map<String, String> narratives,
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(
            description =
                "Cảnh báo của lần gửi (SUBMIT): các chỉ tiêu chưa đạt chỉ tiêu phấn đấu. Chỉ có trong trả lời"
                    + " của SUBMIT.")
        List<SubmissionWarning> warnings,
    @Schema(
            description =
                "Hệ thống nguồn đã đẩy báo cáo (vd. cổng dịch vụ công của tỉnh); vắng với báo cáo lập trong hệ"
                    + " thống này. Báo cáo có mã nguồn chỉ hệ thống đó (hoặc quản trị) sửa, gửi, mở lại.",
            examples = "HCM-EGOV")
        String sourceSystem,
    @Schema(description = "Mã báo cáo trong hệ thống nguồn.", examples = "BC-2026Q3-26882")
        String sourceId,
    @Schema(description = "Phiên bản của báo cáo trong hệ thống nguồn.", examples = "3")
        Long sourceVersion,
    @Schema(
            description = "Thời điểm hệ thống nguồn sửa báo cáo lần cuối.",
            examples = "2026-10-02T08:15:00Z")
        Instant sourceUpdatedAt,
    @Schema(description = "Thời điểm tạo.", examples = "2023-04-20T02:00:00Z") Instant createdAt,
    @Schema(description = "Thời điểm sửa gần nhất.", examples = "2023-04-25T02:00:00Z")
        Instant updatedAt,
    @Schema(description = "Phiên bản bản ghi (ETag).", examples = "0") long version)
    implements Versioned {

  /** The same report without its content (a list item). */
  ReportSubmissionResponse listItem() {
    return withContent(null, null, List.of());
  }

  /** The same report with the warnings of a SUBMIT. */
  ReportSubmissionResponse withWarnings(List<SubmissionWarning> w) {
    return withContent(values, narratives, w);
  }

  private ReportSubmissionResponse withContent(
      Map<String, SubmissionValueResponse> v, Map<String, String> n, List<SubmissionWarning> w) {
    return new ReportSubmissionResponse(
        id,
        regimeId,
        period,
        orgUnitId,
        orgUnitName,
        collectingUnitId,
        collectingUnitName,
        level,
        dueDate,
        lockDate,
        templateId,
        templateVersion,
        status,
        late,
        versionCount,
        firstSubmittedAt,
        submittedAt,
        acceptedAt,
        returnComment,
        reportDocumentId,
        reportDocumentNumber,
        v,
        n,
        List.copyOf(w),
        sourceSystem,
        sourceId,
        sourceVersion,
        sourceUpdatedAt,
        createdAt,
        updatedAt,
        version);
  }
}
