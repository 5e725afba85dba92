package vn.danvan.directive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(
    description =
        "Độ mật của văn bản; văn bản mật được đánh số theo hệ thống số riêng. Văn bản có độ mật khác NONE chỉ"
            + " người có phạm vi chứa cơ quan ban hành hoặc một đơn vị nhận (và admin, có ghi nhật ký) đọc được;"
            + " với người khác nó như không tồn tại (404), chỉ hiện là nút ẩn trong cây triển khai.",
    examples = "NONE")
public enum Secrecy implements LabeledEnum {
  NONE,
  CONFIDENTIAL,
  SECRET,
  TOP_SECRET;
}
