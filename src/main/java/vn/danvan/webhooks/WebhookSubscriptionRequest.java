package vn.danvan.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.persistence.OrgUnitMode;

@Schema(name = "WebhookSubscriptionRequest", description = "Đăng ký nhận thông báo (webhook).")
public record WebhookSubscriptionRequest(
    @Schema(
            description =
                "Địa chỉ nhận (POST JSON). Chỉ https khi chạy với cơ sở dữ liệu ngoài; địa chỉ nội bộ"
                    + " (loopback, mạng riêng, link-local, metadata) bị từ chối trừ khi được cho phép"
                    + " trong cấu hình.",
            examples = "https://dieuhanh.hochiminhcity.gov.vn/webhooks/dan-van")
        @NotBlank
        @Size(max = WebhookTargets.MAX_URL_LENGTH)
        String url,
    @Schema(
            description =
                "Các loại đối tượng của luồng thay đổi (GET /api/v1/changes) cần nhận, ví dụ TASK,"
                    + " DIRECTIVE; bỏ trống: mọi loại. Thông báo nghĩa vụ của lịch nghĩa vụ (mỗi nghĩa"
                    + " vụ một lần): OBLIGATION_DUE_SOON (sắp đến hạn, sự kiện obligation.due-soon) và"
                    + " OBLIGATION_OVERDUE (quá hạn, sự kiện obligation.overdue).",
            examples = "[\"TASK\", \"DIRECTIVE\"]")
        @Size(max = 50)
        List<@NotBlank @Size(max = 64) String> eventTypes,
    @Schema(
            description =
                "Chỉ thay đổi của đơn vị này (trong phạm vi người tạo); bỏ trống: cả phạm vi.",
            examples = "00000000-0000-4000-8001-000000000079")
        UUID orgUnitId,
    @Schema(
            description =
                "Phạm vi theo orgUnitId: chỉ đơn vị đó (mặc định), cả đơn vị con trực tiếp, hoặc cả cây"
                    + " con; cần orgUnitId.",
            examples = "DESCENDANTS")
        OrgUnitMode orgUnitMode,
    @Schema(
            description = "Ghi chú.",
            examples = "Bảng điều hành Thành phố Hồ Chí Minh nhận nhiệm vụ và văn bản")
        @Size(max = 500)
        String description) {}
