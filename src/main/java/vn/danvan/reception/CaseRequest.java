package vn.danvan.reception;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.source.Provenance;

@Schema(
    name = "ReceptionCaseRequest",
    description = "Một vụ việc: một nội dung qua nhiều lượt tiếp, nhiều đơn vị.")
public record CaseRequest(
    @Schema(
            description = "Đơn vị có thẩm quyền giải quyết.",
            examples = "00000000-0000-4000-8004-000000026882")
        @NotNull
        UUID orgUnitId,
    @Schema(description = "Loại nội dung.", examples = "COMPLAINT") @NotNull ContentKind kind,
    @Schema(description = "Lĩnh vực.", examples = "LAND") @NotNull VisitField field,
    @Schema(description = "Tên vụ việc.", examples = "Khiếu nại quyết định thu hồi đất thửa số 125")
        @NotBlank
        @Size(max = 500)
        String title,
    @Schema(description = "Lần giải quyết (khiếu nại), mặc định FIRST.", examples = "FIRST")
        CaseInstance instance,
    @Schema(description = "Ngày nhận đơn (mặc định hôm nay).", examples = "2026-03-05")
        LocalDate receivedDate,
    @Schema(
            description = "Vụ việc phức tạp (khiếu nại: 45/60 ngày; tố cáo: gia hạn 1 lần).",
            examples = "false")
        Boolean complex,
    @Schema(description = "Tố cáo đặc biệt phức tạp (gia hạn 2 lần).", examples = "false")
        Boolean veryComplex,
    @Schema(description = "Vùng sâu, vùng xa, đi lại khó khăn.", examples = "false")
        Boolean remoteArea,
    @Schema(description = "Phức tạp, kéo dài.", examples = "false") Boolean complexProlonged,
    @Schema(description = "Vượt cấp.", examples = "false") Boolean bypassingLevels,
    @Schema(description = "Đông người.", examples = "false") Boolean group,
    @Schema(
            description =
                "Hệ thống nguồn đã đẩy bản ghi (cùng sourceId là khóa nguồn, duy nhất theo loại bản ghi);"
                    + " bản ghi có khóa nguồn chỉ hệ thống đó (hoặc quản trị) được thay đổi.",
            examples = "HCM-EGOV")
        @Size(max = 64)
        String sourceSystem,
    @Schema(description = "Mã của bản ghi trong hệ thống nguồn.", examples = "TCD-2026-000125")
        @Size(max = 200)
        String sourceId,
    @Schema(
            description =
                "Phiên bản của bản ghi trong hệ thống nguồn: lần đẩy cũ hơn bản đang lưu bị từ chối (409).",
            examples = "3")
        @PositiveOrZero
        @Max(Provenance.MAX_SOURCE_VERSION)
        Long sourceVersion,
    @Schema(
            description = "Thời điểm hệ thống nguồn sửa bản ghi lần cuối.",
            examples = "2026-03-05T08:45:00+07:00")
        OffsetDateTime sourceUpdatedAt) {

  /** Without provenance (a record made in this API). */
  public CaseRequest(
      UUID orgUnitId,
      ContentKind kind,
      VisitField field,
      String title,
      CaseInstance instance,
      LocalDate receivedDate,
      Boolean complex,
      Boolean veryComplex,
      Boolean remoteArea,
      Boolean complexProlonged,
      Boolean bypassingLevels,
      Boolean group) {
    this(
        orgUnitId,
        kind,
        field,
        title,
        instance,
        receivedDate,
        complex,
        veryComplex,
        remoteArea,
        complexProlonged,
        bypassingLevels,
        group,
        null,
        null,
        null,
        null);
  }
}
