package vn.danvan.directive;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.directive.DirectiveRequest.RecipientItem;
import vn.danvan.shared.source.Provenance;

/**
 * One document of an import ({@code type=DIRECTIVE}, JSON only): the body of {@code PUT
 * /directives/{id}} with its key, the {@code id} or the source key. With only {@code sourceId},
 * {@code sourceSystem} is the caller's own (the integration account's system).
 */
@Schema(
    name = "DirectiveImportItem",
    description =
        "Một văn bản trong lô nhập (type=DIRECTIVE): như nội dung PUT /api/v1/directives/{id}, kèm id hoặc khóa nguồn."
            + " Chỉ có sourceId thì sourceSystem là hệ thống của tài khoản tích hợp.")
public record DirectiveImportItem(
    @Schema(
            description = "Mã định danh (UUID); vắng thì văn bản được xác định bằng khóa nguồn.",
            examples = "0b8f7f0e-5c1d-4c6e-9a57-3f1f3f0f2a11")
        UUID id,
    @NotNull @Schema(description = "Loại văn bản.", examples = "KE_HOACH", required = true)
        DirectiveType type,
    @Min(1)
        @Max(999999)
        @Schema(
            description =
                "Số văn bản trong sổ của cơ quan ban hành, theo năm. Bỏ trống ở dự thảo: số được cấp khi ban hành.",
            examples = "847")
        Integer number,
    @NotBlank
        @Size(max = 100)
        @Schema(
            description =
                "Ký hiệu văn bản, phần sau dấu gạch chéo: chữ viết tắt loại văn bản và cơ quan ban hành (KH-UBND);"
                    + " công văn ghi cả ký hiệu (UBND-VX); văn bản của Đảng ghi như QĐ/TW.",
            examples = "KH-UBND",
            required = true)
        String symbol,
    @Schema(
            description =
                "Cơ quan ban hành trong cây đơn vị (phải tồn tại vào ngày ban hành). Vắng khi externalIssuer có giá trị.",
            examples = "00000000-0000-4000-8002-000000000764")
        UUID issuingUnitId,
    @Size(max = 300)
        @Schema(
            description =
                "Tên cơ quan ban hành ngoài hệ thống (Ban Chấp hành Trung ương, Thành ủy…), chỉ cho văn bản được ghi nhận để dẫn chiếu; chỉ admin.",
            examples = "Ban Bí thư Trung ương Đảng")
        String externalIssuer,
    @Schema(
            description =
                "Ngày ban hành (giờ Việt Nam). Bỏ trống ở dự thảo: khi ban hành mặc định là hôm nay.",
            examples = "2023-03-10")
        LocalDate issueDate,
    @Size(max = 100) @Schema(description = "Địa danh ghi trên văn bản.", examples = "Gò Vấp")
        String place,
    @NotBlank
        @Size(max = 2000)
        @Schema(
            description = "Trích yếu nội dung.",
            examples =
                "Thực hiện công tác dân vận của chính quyền và quy chế dân chủ ở cơ sở năm 2023 trên địa bàn quận Gò Vấp",
            required = true)
        String title,
    @Size(max = 1_000_000)
        @Schema(
            description = "Toàn văn (tùy chọn), được tìm kiếm không phân biệt dấu.",
            examples = "I. MỤC ĐÍCH, YÊU CẦU …")
        String body,
    @Size(max = 200) @Schema(description = "Họ tên người ký.", examples = "Đào Thị My Thư")
        String signerName,
    @Size(max = 200) @Schema(description = "Chức vụ người ký.", examples = "Phó Chủ tịch")
        String signerTitle,
    @Schema(description = "Thẩm quyền ký (mặc định DIRECT).", examples = "KT")
        SigningAuthority signingAuthority,
    @Size(max = 300)
        @Schema(
            description = "Văn bản ủy quyền, giao ký; bắt buộc khi ký TL. hoặc TUQ.",
            examples = "Quyết định số 12/QĐ-UBND ngày 05/01/2023 về ủy quyền ký văn bản")
        String delegationReference,
    @Schema(description = "Độ khẩn (mặc định NORMAL).", examples = "NORMAL") Urgency urgency,
    @Schema(description = "Độ mật (mặc định NONE).", examples = "NONE") Secrecy secrecy,
    @Size(max = 1000) @Schema(description = "Nơi nhận, theo thứ tự ghi trên văn bản.")
        List<@NotNull @Valid RecipientItem> recipients,
    @Valid
        @Schema(
            description =
                "Yêu cầu ban hành văn bản triển khai (tùy chọn); cố định sau khi ban hành.")
        ObligationSpec obligations,
    @Schema(
            description =
                "Hệ thống nguồn (tùy chọn, đi cùng sourceId): chỉ hệ thống mà tài khoản tích hợp đại diện, hoặc admin"
                    + " (403 SOURCE_SYSTEM_NOT_YOURS). Với PUT by-source: bỏ trống hoặc bằng giá trị trong đường dẫn.",
            examples = "HCM-EGOV")
        String sourceSystem,
    @Schema(
            description = "Mã của văn bản trong hệ thống nguồn; duy nhất trong hệ thống đó.",
            examples = "VB-2023-847")
        String sourceId,
    @Schema(
            description =
                "Phiên bản của văn bản trong hệ thống nguồn: bản cũ hơn bản đang lưu bị từ chối (409"
                    + " SOURCE_VERSION_CONFLICT); bản mới hơn của chính hệ thống nguồn thay thế mà không cần If-Match.",
            examples = "3")
        @PositiveOrZero
        @Max(Provenance.MAX_SOURCE_VERSION)
        Long sourceVersion,
    @Schema(
            description = "Thời điểm hệ thống nguồn sửa văn bản lần cuối (RFC 3339).",
            examples = "2023-03-10T09:15:00+07:00")
        OffsetDateTime sourceUpdatedAt) {

  /** The body of the equivalent PUT, with the given source system. */
  DirectiveRequest request(String system) {
    return new DirectiveRequest(
        type,
        number,
        symbol,
        issuingUnitId,
        externalIssuer,
        issueDate,
        place,
        title,
        body,
        signerName,
        signerTitle,
        signingAuthority,
        delegationReference,
        urgency,
        secrecy,
        recipients,
        obligations,
        system,
        sourceId,
        sourceVersion,
        sourceUpdatedAt);
  }
}
