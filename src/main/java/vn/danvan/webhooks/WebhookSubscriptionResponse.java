package vn.danvan.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.http.Versioned;
import vn.danvan.shared.persistence.OrgUnitMode;

@Schema(name = "WebhookSubscription", description = "Một đăng ký nhận thông báo (webhook).")
public record WebhookSubscriptionResponse(
    @Schema(description = "Mã đăng ký.", examples = "3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f") UUID id,
    @Schema(
            description = "Địa chỉ nhận.",
            examples = "https://dieuhanh.hochiminhcity.gov.vn/webhooks/dan-van")
        String url,
    @Schema(description = "Các loại đối tượng nhận; rỗng: mọi loại.", examples = "[\"TASK\"]")
        List<String> eventTypes,
    @Schema(
            description = "Đơn vị giới hạn; vắng: cả phạm vi của người tạo.",
            examples = "00000000-0000-4000-8001-000000000079")
        UUID orgUnitId,
    @Schema(description = "Phạm vi theo orgUnitId.", examples = "DESCENDANTS")
        OrgUnitMode orgUnitMode,
    @Schema(description = "Ghi chú.", examples = "Bảng điều hành Thành phố Hồ Chí Minh")
        String description,
    @Schema(
            description =
                "Tài khoản tạo đăng ký: thông báo mang nội dung như tài khoản này được xem.",
            examples = "integration")
        String owner,
    @Schema(
            description =
                "Vị trí trong luồng thay đổi (như next của GET /api/v1/changes) đến đó các thay đổi đã"
                    + " thành lần gửi.",
            examples = "eyJsIjoiY2hhbmdlcyIsImsiOlsiNzg5IiwiMTIiXX0")
        String cursor,
    @Schema(description = "Thời điểm tạo (RFC 3339).", examples = "2026-07-01T01:00:00Z")
        OffsetDateTime createdAt,
    @Schema(description = "Phiên bản bản ghi.", examples = "0") long version,
    @Schema(
            description =
                "Khóa ký (Standard Webhooks, whsec_…): chỉ có trong câu trả lời 201 khi tạo, không bao"
                    + " giờ trả lại; lưu lại để kiểm tra chữ ký webhook-signature.",
            examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String secret)
    implements Versioned {

  WebhookSubscriptionResponse withSecret(String s) {
    return new WebhookSubscriptionResponse(
        id,
        url,
        eventTypes,
        orgUnitId,
        orgUnitMode,
        description,
        owner,
        cursor,
        createdAt,
        version,
        s);
  }
}
