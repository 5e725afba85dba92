package vn.danvan.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(
    description =
        "Trạng thái lần gửi: PENDING chờ gửi, DELIVERED đã nhận (2xx), FAILED lần gửi gần nhất lỗi và sẽ"
            + " gửi lại, DEAD đã bỏ sau số lần gửi tối đa.",
    examples = "DELIVERED")
public enum WebhookDeliveryStatus implements LabeledEnum {
  PENDING,
  DELIVERED,
  FAILED,
  DEAD;
}
