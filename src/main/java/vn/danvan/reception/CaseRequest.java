package vn.danvan.reception;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
    @Schema(description = "Đông người.", examples = "false") Boolean group) {}
