package vn.danvan.reception;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.http.Versioned;

@Schema(name = "ReceptionCase", description = "Một vụ việc với các thời hạn pháp định.")
public record CaseResponse(
    @Schema(description = "Mã vụ việc.", examples = "8a0e4c1b-2d3f-4a5b-9c6d-7e8f9a0b1c2d") UUID id,
    @Schema(description = "Đơn vị giải quyết.", examples = "00000000-0000-4000-8004-000000026882")
        UUID orgUnitId,
    @Schema(description = "Loại nội dung.", examples = "COMPLAINT") ContentKind kind,
    @Schema(description = "Lĩnh vực.", examples = "LAND") VisitField field,
    @Schema(description = "Tên vụ việc.", examples = "Khiếu nại quyết định thu hồi đất thửa số 125")
        String title,
    @Schema(description = "Lần giải quyết.", examples = "FIRST") CaseInstance instance,
    @Schema(description = "Trạng thái.", examples = "ACCEPTED") CaseStatus status,
    @Schema(description = "Phức tạp.", examples = "false") boolean complex,
    @Schema(description = "Đặc biệt phức tạp (tố cáo).", examples = "false") boolean veryComplex,
    @Schema(description = "Vùng sâu, vùng xa.", examples = "false") boolean remoteArea,
    @Schema(description = "Phức tạp, kéo dài.", examples = "false") boolean complexProlonged,
    @Schema(description = "Vượt cấp.", examples = "false") boolean bypassingLevels,
    @Schema(description = "Đông người.", examples = "false") boolean group,
    @Schema(description = "Ngày nhận đơn.", examples = "2026-03-05") LocalDate receivedDate,
    @Schema(description = "Ngày thụ lý.", examples = "2026-03-10") LocalDate acceptedDate,
    @Schema(description = "Ngày giải quyết.", examples = "2026-04-20") LocalDate resolvedDate,
    @Schema(description = "Quyết định, kết luận giải quyết.", examples = "25/QĐ-UBND")
        String resolutionDecision,
    @Schema(description = "Các quyết định gia hạn (tố cáo).") List<ExtensionResponse> extensions,
    @Schema(description = "Cơ quan được chuyển đến.", examples = "Thanh tra Thành phố")
        String transferredTo,
    @Schema(description = "Ngày kết thúc hồ sơ.", examples = "2026-05-01") LocalDate closedDate,
    @Schema(description = "Các thời hạn pháp định và trạng thái hôm nay.")
        List<DeadlineResponse> deadlines,
    @Schema(description = "Dữ liệu cá nhân đã xóa khi hết thời hạn lưu trữ.", examples = "false")
        boolean personalDataErased,
    @Schema(description = "Hệ thống nguồn đã đẩy bản ghi (nếu có).", examples = "HCM-EGOV")
        String sourceSystem,
    @Schema(description = "Mã của bản ghi trong hệ thống nguồn.", examples = "TCD-2026-000125")
        String sourceId,
    @Schema(description = "Phiên bản của bản ghi trong hệ thống nguồn.", examples = "3")
        Long sourceVersion,
    @Schema(
            description = "Thời điểm hệ thống nguồn sửa bản ghi lần cuối.",
            examples = "2026-03-05T01:45:00Z")
        Instant sourceUpdatedAt,
    @Schema(description = "Thời điểm tạo.", examples = "2026-03-05T02:00:00Z") Instant createdAt,
    @Schema(description = "Thời điểm sửa gần nhất.", examples = "2026-03-05T02:00:00Z")
        Instant updatedAt,
    @Schema(description = "Phiên bản (ETag).", examples = "0") long version)
    implements Versioned {

  @Schema(name = "CaseExtension", description = "Một quyết định gia hạn giải quyết.")
  public record ExtensionResponse(
      @Schema(description = "Số, ký hiệu quyết định gia hạn.", examples = "07/QĐ-TTr")
          String decisionReference,
      @Schema(description = "Ngày quyết định.", examples = "2026-04-05") LocalDate decisionDate,
      @Schema(description = "Số ngày gia hạn.", examples = "30") int days) {}
}
