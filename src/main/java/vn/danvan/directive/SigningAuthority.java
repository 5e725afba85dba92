package vn.danvan.directive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(
    description =
        "Thẩm quyền ký: ký trực tiếp, TM. (thay mặt tập thể), KT. (ký thay người đứng đầu), Q. (quyền), TL. (thừa lệnh), TUQ. (thừa ủy quyền).",
    examples = "KT")
public enum SigningAuthority implements LabeledEnum {
  DIRECT,
  TM,
  KT,
  Q,
  TL,
  TUQ;
}
