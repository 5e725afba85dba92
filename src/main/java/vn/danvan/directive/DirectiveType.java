package vn.danvan.directive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/**
 * The kinds of administrative documents of Decree 30/2020/NĐ-CP (Appendix III) with their official
 * abbreviations, plus the Party's Kết luận (cited as {@code 114-KL/TW}) and công văn, which has no
 * abbreviation: its symbol is the issuer and the drafting unit ({@code UBND-VX}).
 */
@Schema(
    description =
        "Loại văn bản theo Nghị định 30/2020/NĐ-CP, kèm chữ viết tắt (KH, CT, QĐ…); công văn không có chữ viết tắt.",
    examples = "KE_HOACH")
public enum DirectiveType implements LabeledEnum {
  NGHI_QUYET("NQ"),
  QUYET_DINH("QĐ"),
  CHI_THI("CT"),
  QUY_CHE("QC"),
  QUY_DINH("QyĐ"),
  THONG_CAO("TC"),
  THONG_BAO("TB"),
  HUONG_DAN("HD"),
  CHUONG_TRINH("CTr"),
  KE_HOACH("KH"),
  PHUONG_AN("PA"),
  DE_AN("ĐA"),
  DU_AN("DA"),
  BAO_CAO("BC"),
  BIEN_BAN("BB"),
  TO_TRINH("TTr"),
  HOP_DONG("HĐ"),
  CONG_DIEN("CĐ"),
  BAN_GHI_NHO("BGN"),
  BAN_THOA_THUAN("BTT"),
  GIAY_UY_QUYEN("GUQ"),
  GIAY_MOI("GM"),
  GIAY_GIOI_THIEU("GGT"),
  GIAY_NGHI_PHEP("GNP"),
  PHIEU_GUI("PG"),
  PHIEU_CHUYEN("PC"),
  PHIEU_BAO("PB"),
  KET_LUAN("KL"),
  CONG_VAN(null);

  private final String abbreviation;

  DirectiveType(String abbreviation) {
    this.abbreviation = abbreviation;
  }

  /** The abbreviation that opens the symbol ({@code KH} of {@code KH-UBND}); null for công văn. */
  public String abbreviation() {
    return abbreviation;
  }

  @Override
  public String labelVi() {
    String vi = LabeledEnum.super.labelVi();
    return abbreviation == null ? vi : vi + " (" + abbreviation + ")";
  }
}
