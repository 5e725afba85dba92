package vn.danvan.webhooks;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", description = "Một lần gửi thông báo của một thay đổi.")
public record WebhookDeliveryResponse(
    @Schema(description = "Mã lần gửi.", examples = "7b6a5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d") UUID id,
    @Schema(
            description =
                "Mã sự kiện (tiêu đề webhook-id): giữ nguyên qua các lần gửi lại và phát lại; bên nhận"
                    + " dùng để bỏ trùng.",
            examples = "msg_5f2b7c1e9a0d4e6f8a1b2c3d4e5f6a7b")
        String eventId,
    @Schema(description = "Loại đối tượng.", examples = "TASK") String entityType,
    @Schema(description = "Mã đối tượng.", examples = "00000000-0000-4000-8004-000000026882")
        UUID entityId,
    @Schema(description = "UPSERT hoặc DELETE.", examples = "UPSERT") String operation,
    @Schema(description = "Phiên bản của bản ghi sau thay đổi; vắng với DELETE.", examples = "3")
        Long version,
    @Schema(description = "Đơn vị sở hữu.", examples = "00000000-0000-4000-8001-000000000079")
        UUID unitId,
    @Schema(description = "Thời điểm thay đổi (RFC 3339).", examples = "2026-07-01T01:00:00Z")
        OffsetDateTime changedAt,
    @Schema(description = "Trạng thái.", examples = "DELIVERED") WebhookDeliveryStatus status,
    @Schema(description = "Số lần đã gửi.", examples = "1") int attempts,
    @Schema(
            description = "Lần gửi tới (PENDING, FAILED) (RFC 3339).",
            examples = "2026-07-01T01:00:10Z")
        OffsetDateTime nextAttemptAt,
    @Schema(description = "Lần gửi gần nhất (RFC 3339).", examples = "2026-07-01T01:00:00Z")
        OffsetDateTime lastAttemptAt,
    @Schema(description = "Mã HTTP bên nhận trả lời lần gần nhất.", examples = "200")
        Integer lastStatusCode,
    @Schema(
            description = "Lỗi của lần gửi gần nhất (không kết nối được, hết giờ, mã HTTP…).",
            examples = "HTTP 500")
        String lastError,
    @Schema(
            description = "Thời điểm bên nhận nhận được (RFC 3339).",
            examples = "2026-07-01T01:00:01Z")
        OffsetDateTime deliveredAt,
    @Schema(description = "Thời điểm tạo lần gửi (RFC 3339).", examples = "2026-07-01T01:00:00Z")
        OffsetDateTime createdAt) {}
