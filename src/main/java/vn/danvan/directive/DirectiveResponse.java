package vn.danvan.directive;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.http.Versioned;

@Schema(name = "Directive", description = "Một văn bản chỉ đạo, điều hành.")
public record DirectiveResponse(
    @Schema(description = "Mã định danh (UUID).", examples = "0b8f7f0e-5c1d-4c6e-9a57-3f1f3f0f2a11")
        UUID id,
    @Schema(description = "Loại văn bản.", examples = "KE_HOACH") DirectiveType type,
    @Schema(description = "Số văn bản (vắng ở dự thảo chưa cấp số).", examples = "847")
        Integer number,
    @Schema(description = "Ký hiệu văn bản.", examples = "KH-UBND") String symbol,
    @Schema(
            description =
                "Số, ký hiệu đầy đủ như ghi trên văn bản; số dưới 10 có số 0 ở trước (02/CT-UBND).",
            examples = "847/KH-UBND")
        String fullNumber,
    @Schema(
            description = "Cơ quan ban hành trong cây đơn vị.",
            examples = "00000000-0000-4000-8002-000000000764")
        UUID issuingUnitId,
    @Schema(
            description = "Cơ quan ban hành ngoài hệ thống (văn bản ghi nhận để dẫn chiếu).",
            examples = "Ban Bí thư Trung ương Đảng")
        String externalIssuer,
    @Schema(description = "Ngày ban hành.", examples = "2023-03-10") LocalDate issueDate,
    @Schema(description = "Địa danh.", examples = "Gò Vấp") String place,
    @Schema(
            description = "Trích yếu.",
            examples =
                "Thực hiện công tác dân vận của chính quyền và quy chế dân chủ ở cơ sở năm 2023 trên địa bàn quận Gò Vấp")
        String title,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description =
                "Toàn văn (nếu có). Chỉ có khi đọc, tạo hoặc sửa một văn bản (GET /api/v1/directives/{id});"
                    + " danh sách văn bản không kèm toàn văn.",
            examples = "I. MỤC ĐÍCH, YÊU CẦU …")
        String body,
    @Schema(description = "Người ký.", examples = "Đào Thị My Thư") String signerName,
    @Schema(description = "Chức vụ người ký.", examples = "Phó Chủ tịch") String signerTitle,
    @Schema(description = "Thẩm quyền ký.", examples = "KT") SigningAuthority signingAuthority,
    @Schema(
            description = "Văn bản ủy quyền, giao ký (khi ký TL. hoặc TUQ.).",
            examples = "Quyết định số 12/QĐ-UBND ngày 05/01/2023 về ủy quyền ký văn bản")
        String delegationReference,
    @Schema(description = "Độ khẩn.", examples = "NORMAL") Urgency urgency,
    @Schema(description = "Độ mật.", examples = "NONE") Secrecy secrecy,
    @Schema(description = "Nơi nhận, theo thứ tự ghi trên văn bản.")
        List<DirectiveRequest.RecipientItem> recipients,
    @Schema(description = "Yêu cầu ban hành văn bản triển khai (nếu có).")
        ObligationSpec obligations,
    @Schema(description = "Trạng thái.", examples = "ISSUED") DirectiveStatus status,
    @Schema(description = "Các văn bản mà văn bản này dẫn chiếu (triển khai, căn cứ, thay thế…).")
        List<ReferenceResponse> references,
    @Schema(
            description =
                "Hệ thống nguồn đã đẩy văn bản vào (vắng nếu tạo trong hệ thống này); chỉ hệ thống đó và admin sửa được.",
            examples = "HCM-EGOV")
        String sourceSystem,
    @Schema(description = "Mã của văn bản trong hệ thống nguồn.", examples = "VB-2023-847")
        String sourceId,
    @Schema(description = "Phiên bản của văn bản trong hệ thống nguồn.", examples = "3")
        Long sourceVersion,
    @Schema(
            description = "Thời điểm hệ thống nguồn sửa văn bản lần cuối.",
            examples = "2023-03-10T09:15:00+07:00")
        OffsetDateTime sourceUpdatedAt,
    @Schema(description = "Thời điểm tạo bản ghi.", examples = "2023-03-10T02:15:00Z")
        Instant createdAt,
    @Schema(description = "Thời điểm sửa gần nhất.", examples = "2023-03-10T02:15:00Z")
        Instant updatedAt,
    @Schema(description = "Phiên bản, gửi kèm ETag; dùng trong If-Match.", examples = "0")
        long version)
    implements Versioned {

  static DirectiveResponse of(Directive d, List<ReferenceResponse> references) {
    return of(d, references, true);
  }

  /** An item of a list: without the full text, which can be large (read it with GET by id). */
  static DirectiveResponse listItem(Directive d, List<ReferenceResponse> references) {
    return of(d, references, false);
  }

  private static DirectiveResponse of(
      Directive d, List<ReferenceResponse> references, boolean withBody) {
    return new DirectiveResponse(
        d.id,
        d.type,
        d.number,
        d.symbol,
        d.fullNumber,
        d.issuingUnitId,
        d.externalIssuer,
        d.issueDate,
        d.place,
        d.title,
        withBody ? d.body : null,
        d.signerName,
        d.signerTitle,
        d.signingAuthority,
        d.delegationReference,
        d.urgency,
        d.secrecy,
        d.recipients.stream()
            .map(r -> new DirectiveRequest.RecipientItem(r.unitId, r.name, r.purpose))
            .toList(),
        d.obligations(),
        d.status,
        List.copyOf(references),
        d.sourceSystem,
        d.sourceId,
        d.sourceVersion,
        d.sourceUpdatedAt,
        d.createdAt,
        d.updatedAt,
        d.version);
  }
}
