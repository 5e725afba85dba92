package vn.danvan.dialogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The plan of a dialogue: what POST creates and PUT replaces. */
@Schema(name = "DialogueRequest", description = "Kế hoạch một hội nghị đối thoại với Nhân dân.")
public record DialogueRequest(
    @Schema(
            description = "Đơn vị cấp xã (xã, phường, đặc khu) tổ chức, trong phạm vi người gọi.",
            examples = "00000000-0000-4000-8004-000000026882")
        @NotNull
        UUID orgUnitId,
    @Schema(
            description = "Chủ đề hội nghị.",
            examples = "Đối thoại về chỉnh trang đô thị và an ninh trật tự năm 2026")
        @NotBlank
        @Size(max = 500)
        String topic,
    @Schema(description = "Nội dung chi tiết.", examples = "Lấy ý kiến Nhân dân về tuyến hẻm 12.")
        @Size(max = 4000)
        String description,
    @Schema(description = "Lý do tổ chức.", examples = "YEARLY") @NotNull DialogueKind kind,
    @Schema(description = "Ngày dự kiến tổ chức.", examples = "2026-12-18") @NotNull
        LocalDate plannedDate,
    @Schema(
            description =
                "Các nhiệm vụ theo dõi việc thực hiện kết luận (mỗi nhiệm vụ phải xem được; tối đa"
                    + " 20).",
            examples = "[]")
        @Size(max = 20)
        List<@NotNull UUID> taskIds,
    @Schema(description = "Ghi chú.", examples = "Phối hợp Ủy ban MTTQ phường") @Size(max = 2000)
        String note) {}
