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
  NGHI_QUYET("NQ", "Nghị quyết", "Resolution"),
  QUYET_DINH("QĐ", "Quyết định", "Decision"),
  CHI_THI("CT", "Chỉ thị", "Directive"),
  QUY_CHE("QC", "Quy chế", "Rules"),
  QUY_DINH("QyĐ", "Quy định", "Regulation"),
  THONG_CAO("TC", "Thông cáo", "Communiqué"),
  THONG_BAO("TB", "Thông báo", "Notice"),
  HUONG_DAN("HD", "Hướng dẫn", "Guidance"),
  CHUONG_TRINH("CTr", "Chương trình", "Programme"),
  KE_HOACH("KH", "Kế hoạch", "Plan"),
  PHUONG_AN("PA", "Phương án", "Arrangement"),
  DE_AN("ĐA", "Đề án", "Scheme"),
  DU_AN("DA", "Dự án", "Project"),
  BAO_CAO("BC", "Báo cáo", "Report"),
  BIEN_BAN("BB", "Biên bản", "Minutes"),
  TO_TRINH("TTr", "Tờ trình", "Submission"),
  HOP_DONG("HĐ", "Hợp đồng", "Contract"),
  CONG_DIEN("CĐ", "Công điện", "Official telegram"),
  BAN_GHI_NHO("BGN", "Bản ghi nhớ", "Memorandum of understanding"),
  BAN_THOA_THUAN("BTT", "Bản thỏa thuận", "Agreement"),
  GIAY_UY_QUYEN("GUQ", "Giấy ủy quyền", "Power of attorney"),
  GIAY_MOI("GM", "Giấy mời", "Invitation"),
  GIAY_GIOI_THIEU("GGT", "Giấy giới thiệu", "Letter of introduction"),
  GIAY_NGHI_PHEP("GNP", "Giấy nghỉ phép", "Leave permit"),
  PHIEU_GUI("PG", "Phiếu gửi", "Dispatch slip"),
  PHIEU_CHUYEN("PC", "Phiếu chuyển", "Transfer slip"),
  PHIEU_BAO("PB", "Phiếu báo", "Notification slip"),
  KET_LUAN("KL", "Kết luận", "Conclusion"),
  CONG_VAN(null, "Công văn", "Official letter");

  private final String abbreviation;
  private final String vi;
  private final String en;

  DirectiveType(String abbreviation, String vi, String en) {
    this.abbreviation = abbreviation;
    this.vi = vi;
    this.en = en;
  }

  /** The abbreviation that opens the symbol ({@code KH} of {@code KH-UBND}); null for công văn. */
  public String abbreviation() {
    return abbreviation;
  }

  @Override
  public String labelVi() {
    return abbreviation == null ? vi : vi + " (" + abbreviation + ")";
  }

  @Override
  public String labelEn() {
    return en;
  }
}
