package vn.danvan.reception;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "DuplicateCandidate",
    description = "Một vụ việc có thể là cùng nội dung với lượt tiếp.")
public record DuplicateCandidate(
    @Schema(description = "Vụ việc.", examples = "8a0e4c1b-2d3f-4a5b-9c6d-7e8f9a0b1c2d")
        UUID caseId,
    @Schema(description = "Tên vụ việc.", examples = "Khiếu nại quyết định thu hồi đất thửa số 125")
        String title,
    @Schema(description = "Loại nội dung.", examples = "COMPLAINT") ContentKind kind,
    @Schema(description = "Đơn vị giải quyết.", examples = "00000000-0000-4000-8004-000000026882")
        UUID orgUnitId,
    @Schema(description = "Trạng thái.", examples = "ACCEPTED") CaseStatus status,
    @Schema(description = "Ngày nhận đơn.", examples = "2026-03-05") LocalDate receivedDate,
    @Schema(description = "Lý do gợi ý.", examples = "[\"SAME_PERSON\"]")
        List<DuplicateReason> reasons,
    @Schema(description = "Độ tương tự nội dung (0–1).", examples = "0.62") Double similarity) {}
