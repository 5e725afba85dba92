package vn.danvan.shared.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "AuditEvent",
    description = "Một sự kiện trong nhật ký kiểm toán: ai, khi nào, làm gì, trước và sau.")
public record AuditEventResponse(
    @Schema(description = "Mã sự kiện.", examples = "5b0f8c9e-3c1d-4a51-9f5e-0d8f3a1b2c4d") UUID id,
    @Schema(description = "Thời điểm (RFC 3339).", examples = "2026-05-05T08:30:00Z")
        OffsetDateTime occurredAt,
    @Schema(description = "Người thực hiện (tên đăng nhập).", examples = "hcm-manager")
        String actor,
    @Schema(
            allOf = AuditAction.class,
            description = "Hành động: CREATE, UPDATE, DELETE hoặc tên chuyển trạng thái/nghiệp vụ.",
            examples = "RESTRUCTURE_MERGE")
        String action,
    @Schema(allOf = EntityType.class, description = "Loại đối tượng.", examples = "ORG_UNIT")
        String entityType,
    @Schema(description = "Mã đối tượng.", examples = "00000000-0000-4000-8001-000000000079")
        UUID entityId,
    @Schema(
            description = "Đơn vị sở hữu đối tượng (dùng để xác định phạm vi).",
            examples = "00000000-0000-4000-8001-000000000079")
        UUID unitId,
    @Schema(
            type = SchemaType.OBJECT,
            implementation = Object.class,
            additionalProperties = Schema.True.class,
            description =
                "Trạng thái trước thay đổi (vắng khi tạo mới): bản ghi như API trả về (ví dụ OrgUnit"
                    + " khi entityType là ORG_UNIT), đã che dữ liệu cá nhân được bảo vệ.")
        JsonNode before,
    @Schema(
            type = SchemaType.OBJECT,
            implementation = Object.class,
            additionalProperties = Schema.True.class,
            description =
                "Trạng thái sau thay đổi (vắng khi xóa): bản ghi như API trả về, đã che dữ liệu cá"
                    + " nhân được bảo vệ.")
        JsonNode after,
    @Schema(description = "Lý do (nếu có).", examples = "Xác minh đơn tố cáo") String reason) {}
