package vn.danvan.directive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

@Schema(
    description =
        "Thẩm quyền ký: ký trực tiếp, TM. (thay mặt tập thể), KT. (ký thay người đứng đầu), Q. (quyền), TL. (thừa lệnh), TUQ. (thừa ủy quyền).",
    examples = "KT")
public enum SigningAuthority implements LabeledEnum {
  DIRECT("Ký trực tiếp", "Signed by the head"),
  TM("TM. – Thay mặt tập thể", "On behalf of the collective"),
  KT("KT. – Ký thay người đứng đầu", "Deputy signing for the head"),
  Q("Q. – Quyền người đứng đầu", "Acting head"),
  TL("TL. – Thừa lệnh", "By order"),
  TUQ("TUQ. – Thừa ủy quyền", "By special written delegation");

  private final String vi;
  private final String en;

  SigningAuthority(String vi, String en) {
    this.vi = vi;
    this.en = en;
  }

  @Override
  public String labelVi() {
    return vi;
  }

  @Override
  public String labelEn() {
    return en;
  }
}
