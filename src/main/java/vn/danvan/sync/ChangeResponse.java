package vn.danvan.sync;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "Change",
    description =
        "Một thay đổi trong luồng đồng bộ: bản ghi được tạo/sửa (UPSERT) hoặc bị xóa (DELETE).")
public record ChangeResponse(
    @Schema(description = "Loại đối tượng.", examples = "ORG_UNIT") String entityType,
    @Schema(description = "Mã đối tượng.", examples = "00000000-0000-4000-8004-000000026882")
        UUID entityId,
    @Schema(
            description = "UPSERT: đọc lại bản ghi để lấy nội dung mới; DELETE: bản ghi đã bị xóa.",
            examples = "UPSERT")
        String operation,
    @Schema(
            description =
                "Phiên bản (ETag) của bản ghi sau thay đổi; vắng với DELETE và với loại không có"
                    + " phiên bản (DIRECTIVE_OBLIGATION: nghĩa vụ triển khai được chuyển khi sắp xếp"
                    + " đơn vị).",
            examples = "3")
        Long version,
    @Schema(description = "Đơn vị sở hữu.", examples = "00000000-0000-4000-8001-000000000079")
        UUID unitId,
    @Schema(description = "Thời điểm ghi nhận (RFC 3339).", examples = "2026-07-01T01:00:00Z")
        OffsetDateTime changedAt) {}
