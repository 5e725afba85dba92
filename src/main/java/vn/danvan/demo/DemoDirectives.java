package vn.danvan.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.directive.DirectiveAction;
import vn.danvan.directive.DirectiveRequest;
import vn.danvan.directive.DirectiveRequest.RecipientItem;
import vn.danvan.directive.DirectiveResponse;
import vn.danvan.directive.DirectiveService;
import vn.danvan.directive.DirectiveType;
import vn.danvan.directive.ObligationSpec;
import vn.danvan.directive.ObligationTargets;
import vn.danvan.directive.RecipientPurpose;
import vn.danvan.directive.ReferenceRelation;
import vn.danvan.directive.ReferenceRequest;
import vn.danvan.directive.Secrecy;
import vn.danvan.directive.SigningAuthority;
import vn.danvan.directive.TransitionRequest;
import vn.danvan.directive.Urgency;
import vn.danvan.orgunit.OrgUnitKind;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.shared.logging.BulkLoad;

/**
 * The documents of the demo world, entered as officials would enter them: Chỉ thị 33/CT-TTg and the
 * plans and directives that implement it in Hà Nội, quận Đống Đa, TP Hồ Chí Minh, quận Gò Vấp and
 * An Giang, linked as their texts say, with the Party documents they cite recorded as outside
 * documents or citations. Loaded once, after the demo units (the Prime Minister's directive's
 * presence marks it done).
 *
 * <p>The deadlines of the obligations are the demo's own: the documents do not set a date for the
 * implementing plans. The Hà Nội 2022 plan stays a draft because the copy at hand carries neither
 * its number nor its date.
 */
@ApplicationScoped
public class DemoDirectives implements DemoStep {

  /** Quyết định 23-QĐ/TW of the Politburo, 30/07/2021 (recorded as an outside document). */
  public static final UUID QD_23_TW = id("9021-000000000023");

  /** Chỉ thị 07-CT/TU of the Hà Nội Party Standing Committee, 01/10/2021 (outside document). */
  public static final UUID CT_07_TU_HA_NOI = id("9021-001900000007");

  /** Chỉ thị 33/CT-TTg of the Prime Minister, 26/11/2021. */
  public static final UUID CT_33_TTG = id("9021-000000000033");

  /** Kế hoạch 274/KH-UBND of UBND TP Hà Nội, 02/12/2021. */
  public static final UUID KH_274_HA_NOI = id("9021-001000000274");

  /** Kế hoạch 814/KH-UBND of UBND tỉnh An Giang, 28/12/2021. */
  public static final UUID KH_814_AN_GIANG = id("9021-089000000814");

  /** Chỉ thị 02/CT-UBND of UBND TP Hà Nội, 18/01/2022. */
  public static final UUID CT_02_HA_NOI = id("9022-001000000002");

  /** Kế hoạch 246/KH-UBND of UBND TP Hồ Chí Minh, 21/01/2022. */
  public static final UUID KH_246_HCM = id("9022-079000000246");

  /** Chỉ thị 04/CT-UBND of UBND TP Hồ Chí Minh, 22/01/2022. */
  public static final UUID CT_04_HCM = id("9022-079000000004");

  /** Chỉ thị 02/CT-UBND of UBND quận Đống Đa, 24/01/2022. */
  public static final UUID CT_02_DONG_DA = id("9022-006000000002");

  /** Chỉ thị 03/CT-UBND of UBND quận Gò Vấp, 17/02/2022. */
  public static final UUID CT_03_GO_VAP = id("9022-764000000003");

  /** Kế hoạch 847/KH-UBND of UBND quận Gò Vấp, 10/03/2023. */
  public static final UUID KH_847_GO_VAP = id("9023-764000000847");

  /** The Hà Nội 2022 plan implementing Chương trình phối hợp 03-CTr/BDVTU-BCSĐUBNDTP (draft). */
  public static final UUID KH_2022_HA_NOI = id("9022-001000000000");

  private static final Logger LOG = Logger.getLogger(DemoDirectives.class);
  private static final String CT33_TITLE =
      "Về tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới";
  private static final String HCM_DIRECTIVE_TITLE =
      "Về tăng cường và đổi mới công tác dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới";
  private static final String DISTRICT_DIRECTIVE_TITLE =
      "Về việc tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước các cấp trên địa bàn quận trong tình hình mới";

  @Inject DirectiveService directives;
  @Inject BulkLoad bulkLoad;

  @Override
  public void loadIfAbsent() {
    boolean present = QuarkusTransaction.requiringNew().call(() -> directives.exists(CT_33_TTG));
    if (!present) {
      bulkLoad.run(LOG, "Demo documents", this::build);
    }
  }

  private void build() {
    UUID haNoi = UnitIds.province("01");
    UUID hcm = UnitIds.province("79");
    UUID anGiang = UnitIds.province("89");
    UUID dongDa = UnitIds.district("006");
    UUID goVap = UnitIds.district("764");

    // --- documents of the Party, cited by the plans: recorded as outside documents
    issue(
        QD_23_TW,
        doc(DirectiveType.QUYET_DINH, 23, "QĐ/TW", null, "2021-07-30")
            .external("Bộ Chính trị")
            .title("Quy chế công tác dân vận của hệ thống chính trị"));
    issue(
        CT_07_TU_HA_NOI,
        doc(DirectiveType.CHI_THI, 7, "CT/TU", null, "2021-10-01")
            .external("Ban Thường vụ Thành ủy Hà Nội")
            .title(
                "Về đẩy mạnh, nâng cao chất lượng, hiệu quả công tác dân vận của các cơ quan nhà nước"));

    // --- the Prime Minister's directive: every province must issue its implementing plan
    Doc ct33 =
        doc(DirectiveType.CHI_THI, 33, "CT-TTg", UnitIds.PRIME_MINISTER, "2021-11-26")
            .place("Hà Nội")
            .title(CT33_TITLE)
            .signer("Phạm Minh Chính", "Thủ tướng", SigningAuthority.DIRECT)
            .obligations(ObligationTargets.RECIPIENTS, null, "2022-01-31");
    for (String code : List.of("01", "79", "89", "91", "74", "77")) {
      ct33.to(UnitIds.province(code), RecipientPurpose.EXECUTE);
    }
    ct33.to(UnitIds.MINISTRY_OF_HOME_AFFAIRS, RecipientPurpose.COORDINATE)
        .to("Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ", RecipientPurpose.EXECUTE)
        .to("Lưu: VT, NC", RecipientPurpose.ARCHIVE);
    issue(CT_33_TTG, ct33);

    // --- Hà Nội
    issue(
        KH_274_HA_NOI,
        doc(DirectiveType.KE_HOACH, 274, "KH-UBND", haNoi, "2021-12-02")
            .place("Hà Nội")
            .title(
                "Về đẩy mạnh, nâng cao chất lượng, hiệu quả công tác dân vận của các cơ quan nhà nước của thành phố Hà Nội")
            .to(dongDa, RecipientPurpose.EXECUTE)
            .implementing(CT_07_TU_HA_NOI));
    issue(
        CT_02_HA_NOI,
        doc(DirectiveType.CHI_THI, 2, "CT-UBND", haNoi, "2022-01-18")
            .place("Hà Nội")
            .title(DISTRICT_DIRECTIVE_TITLE)
            .to(UnitIds.department(haNoi, "NOI_VU"), RecipientPurpose.EXECUTE)
            .to(dongDa, RecipientPurpose.EXECUTE)
            .to("UBND các quận, huyện, thị xã", RecipientPurpose.EXECUTE)
            .obligations(ObligationTargets.CHILD_UNITS_OF_KIND, OrgUnitKind.DISTRICT, "2022-02-28")
            .implementing(CT_33_TTG));
    issue(
        CT_02_DONG_DA,
        doc(DirectiveType.CHI_THI, 2, "CT-UBND", dongDa, "2022-01-24")
            .place("Đống Đa")
            .title(DISTRICT_DIRECTIVE_TITLE)
            .body("dong-da-02-CT-UBND-2022.txt")
            .signer("Lê Tuấn Định", "Chủ tịch", SigningAuthority.TM)
            .to(UnitIds.department(haNoi, "NOI_VU"), RecipientPurpose.REPORT_TO)
            .to("TT Quận Ủy", RecipientPurpose.FOR_INFORMATION)
            .to("TT HĐND Quận", RecipientPurpose.FOR_INFORMATION)
            .to("Các Đ/c Phó Chủ tịch quận", RecipientPurpose.FOR_INFORMATION)
            .to(UnitIds.department(dongDa, "VAN_PHONG"), RecipientPurpose.EXECUTE)
            .to(UnitIds.department(dongDa, "NOI_VU"), RecipientPurpose.EXECUTE)
            .to(UnitIds.department(dongDa, "THANH_TRA"), RecipientPurpose.EXECUTE)
            .to("Các phòng chuyên môn thuộc quận", RecipientPurpose.EXECUTE)
            .to("Các đơn vị sự nghiệp thuộc quận", RecipientPurpose.EXECUTE)
            .to("UBND 21 phường", RecipientPurpose.EXECUTE)
            .to("Lưu: VT, NV", RecipientPurpose.ARCHIVE)
            .implementing(CT_02_HA_NOI)
            .basedOn(QD_23_TW)
            .basedOn(
                "Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư Trung ương Đảng về nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp")
            .basedOn(
                "Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ về thực hiện dân chủ trong hoạt động của cơ quan hành chính nhà nước và đơn vị sự nghiệp công lập")
            .basedOn(CT_33_TTG)
            .basedOn(CT_07_TU_HA_NOI)
            .basedOn(
                "Kế hoạch số 136/KH-UBND ngày 01/6/2021 của UBND Thành phố về Kế hoạch cải cách hành chính nhà nước của thành phố Hà Nội giai đoạn 2021 - 2025")
            .basedOn(KH_274_HA_NOI));
    // the copy at hand has neither number nor date: a draft of the city, ready to be issued
    create(
        KH_2022_HA_NOI,
        doc(DirectiveType.KE_HOACH, null, "KH-UBND", haNoi, null)
            .place("Hà Nội")
            .title(
                "Thực hiện Chương trình phối hợp số 03-CTr/BDVTU-BCSĐUBNDTP ngày 29/10/2021 giữa Ban Dân vận Thành ủy và Ban cán sự Đảng UBND Thành phố - năm 2022")
            .body("ha-noi-ke-hoach-2022.txt")
            .to("TT Thành ủy Hà Nội", RecipientPurpose.REPORT_TO)
            .to("Ban Dân vận Thành ủy", RecipientPurpose.REPORT_TO)
            .to(UnitIds.department(haNoi, "NOI_VU"), RecipientPurpose.EXECUTE)
            .to("Các sở, ban, ngành Thành phố", RecipientPurpose.EXECUTE)
            .to(dongDa, RecipientPurpose.EXECUTE)
            .to("UBND các quận, huyện, thị xã", RecipientPurpose.EXECUTE)
            .to("VPUBTP: CVP, các PCVP; p.KGVX, NC, TH, TKBT", RecipientPurpose.ARCHIVE)
            .implementing(
                "Chương trình phối hợp số 03-CTr/BDVTU-BCSĐUBNDTP ngày 29/10/2021 giữa Ban Dân vận Thành ủy và Ban cán sự Đảng UBND Thành phố về công tác dân vận giai đoạn 2021 - 2026")
            .implementing(CT_33_TTG)
            .implementing(CT_07_TU_HA_NOI)
            .basedOn(KH_274_HA_NOI));

    // --- TP Hồ Chí Minh and quận Gò Vấp
    issue(
        KH_246_HCM,
        doc(DirectiveType.KE_HOACH, 246, "KH-UBND", hcm, "2022-01-21")
            .place("Thành phố Hồ Chí Minh")
            .title(
                "Về triển khai thực hiện Chỉ thị số 33/CT-TTg ngày 26 tháng 11 năm 2021 của Thủ tướng Chính phủ về tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới")
            .to(UnitIds.department(hcm, "NOI_VU"), RecipientPurpose.EXECUTE)
            .to(goVap, RecipientPurpose.EXECUTE)
            .to("UBND các quận, huyện và thành phố Thủ Đức", RecipientPurpose.EXECUTE)
            .obligations(ObligationTargets.CHILD_UNITS_OF_KIND, OrgUnitKind.DISTRICT, "2022-02-28")
            .implementing(CT_33_TTG));
    issue(
        CT_04_HCM,
        doc(DirectiveType.CHI_THI, 4, "CT-UBND", hcm, "2022-01-22")
            .place("Thành phố Hồ Chí Minh")
            .title(HCM_DIRECTIVE_TITLE)
            .to(goVap, RecipientPurpose.EXECUTE)
            .implementing(CT_33_TTG));
    issue(
        CT_03_GO_VAP,
        doc(DirectiveType.CHI_THI, 3, "CT-UBND", goVap, "2022-02-17")
            .place("Gò Vấp")
            .title(HCM_DIRECTIVE_TITLE)
            .to("UBND 16 phường", RecipientPurpose.EXECUTE)
            .implementing(KH_246_HCM)
            .implementing(CT_04_HCM));
    issue(
        KH_847_GO_VAP,
        doc(DirectiveType.KE_HOACH, 847, "KH-UBND", goVap, "2023-03-10")
            .place("Gò Vấp")
            .title(
                "Thực hiện công tác dân vận của chính quyền và quy chế dân chủ ở cơ sở năm 2023 trên địa bàn quận Gò Vấp")
            .body("go-vap-847-KH-UBND-2023.txt")
            .signer("Đào Thị My Thư", "Phó Chủ tịch", SigningAuthority.KT)
            .to(hcm, RecipientPurpose.REPORT_TO)
            .to(UnitIds.department(hcm, "NOI_VU"), RecipientPurpose.REPORT_TO)
            .to("Thường trực Quận ủy", RecipientPurpose.FOR_INFORMATION)
            .to("UBND quận: CT và các PCT", RecipientPurpose.FOR_INFORMATION)
            .to("UBMTTQVN quận", RecipientPurpose.FOR_INFORMATION)
            .to("Ban Dân vận Quận ủy", RecipientPurpose.FOR_INFORMATION)
            .to(UnitIds.department(goVap, "VAN_PHONG"), RecipientPurpose.EXECUTE)
            .to(UnitIds.department(goVap, "NOI_VU"), RecipientPurpose.EXECUTE)
            .to(UnitIds.department(goVap, "THANH_TRA"), RecipientPurpose.EXECUTE)
            .to(UnitIds.department(goVap, "TNMT"), RecipientPurpose.EXECUTE)
            .to(UnitIds.department(goVap, "QLDT"), RecipientPurpose.EXECUTE)
            .to("Các cơ quan, đơn vị thuộc quận", RecipientPurpose.EXECUTE)
            .to("UBND 16 phường", RecipientPurpose.EXECUTE)
            .to("Lưu: VT, T (02)", RecipientPurpose.ARCHIVE)
            // section IV.1: the 16 wards build their own 2023 programmes and plans
            .obligations(ObligationTargets.CHILD_UNITS_OF_KIND, OrgUnitKind.COMMUNE, "2023-03-31")
            .implementing(CT_33_TTG)
            .implementing(
                "Công văn số 756/KH-VX ngày 08 tháng 3 năm 2023 của Ủy ban nhân dân Thành phố về việc thực hiện công tác dân vận chính quyền và quy chế dân chủ cơ sở năm 2023")
            .basedOn(
                "Kế hoạch số 55/KH-UBND ngày 11 tháng 01 năm 2023 của UBND quận Gò Vấp về ban hành Kế hoạch phát triển kinh tế - xã hội và Chương trình công tác năm 2023")
            .basedOn(KH_246_HCM)
            .basedOn(CT_04_HCM)
            .basedOn(CT_03_GO_VAP));

    // --- An Giang
    issue(
        KH_814_AN_GIANG,
        doc(DirectiveType.KE_HOACH, 814, "KH-UBND", anGiang, "2021-12-28")
            .place("An Giang")
            .title(
                "Triển khai thực hiện Chỉ thị số 33/CT-TTg ngày 26 tháng 11 năm 2021 của Thủ tướng Chính phủ về tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới")
            .body("an-giang-814-KH-UBND-2021.txt")
            .to(UnitIds.department(anGiang, "NOI_VU"), RecipientPurpose.EXECUTE)
            .to("Các sở, ban, ngành tỉnh", RecipientPurpose.EXECUTE)
            .to("UBND các huyện, thị xã, thành phố", RecipientPurpose.EXECUTE)
            .implementing(CT_33_TTG));
  }

  private void issue(UUID id, Doc doc) {
    DirectiveResponse created = create(id, doc);
    directives.transition(
        id, created.version(), new TransitionRequest(DirectiveAction.ISSUE, null));
  }

  private DirectiveResponse create(UUID id, Doc doc) {
    DirectiveResponse created = directives.create(id, doc.request());
    for (ReferenceRequest reference : doc.references) {
      directives.addReference(id, reference);
    }
    return directives.get(id);
  }

  private static Doc doc(
      DirectiveType type, Integer number, String symbol, UUID issuer, String date) {
    Doc d = new Doc();
    d.type = type;
    d.number = number;
    d.symbol = symbol;
    d.issuer = issuer;
    d.date = date == null ? null : LocalDate.parse(date);
    return d;
  }

  private static UUID id(String tail) {
    return UUID.fromString("00000000-0000-4d0c-" + tail);
  }

  /** A document as it is entered: its registration, then recipients and references. */
  private static final class Doc {
    DirectiveType type;
    Integer number;
    String symbol;
    UUID issuer;
    String external;
    LocalDate date;
    String place;
    String title;
    String body;
    String signerName;
    String signerTitle;
    SigningAuthority authority;
    ObligationSpec obligations;
    final List<RecipientItem> recipients = new ArrayList<>();
    final List<ReferenceRequest> references = new ArrayList<>();

    Doc external(String name) {
      external = name;
      return this;
    }

    Doc place(String value) {
      place = value;
      return this;
    }

    Doc title(String value) {
      title = value;
      return this;
    }

    Doc body(String resource) {
      String path = "demo/directives/" + resource;
      try (InputStream in = DemoDirectives.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("missing demo text " + path);
        }
        body = new String(in.readAllBytes(), UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Doc signer(String name, String title, SigningAuthority how) {
      signerName = name;
      signerTitle = title;
      authority = how;
      return this;
    }

    Doc to(UUID unit, RecipientPurpose purpose) {
      recipients.add(new RecipientItem(unit, null, purpose));
      return this;
    }

    Doc to(String name, RecipientPurpose purpose) {
      recipients.add(new RecipientItem(null, name, purpose));
      return this;
    }

    Doc obligations(ObligationTargets targets, OrgUnitKind kind, String due) {
      obligations = new ObligationSpec(targets, kind, LocalDate.parse(due));
      return this;
    }

    Doc implementing(UUID target) {
      references.add(new ReferenceRequest(target, null, ReferenceRelation.IMPLEMENTS));
      return this;
    }

    Doc implementing(String citation) {
      references.add(new ReferenceRequest(null, citation, ReferenceRelation.IMPLEMENTS));
      return this;
    }

    Doc basedOn(UUID target) {
      references.add(new ReferenceRequest(target, null, ReferenceRelation.BASED_ON));
      return this;
    }

    Doc basedOn(String citation) {
      references.add(new ReferenceRequest(null, citation, ReferenceRelation.BASED_ON));
      return this;
    }

    DirectiveRequest request() {
      return new DirectiveRequest(
          type,
          number,
          symbol,
          issuer,
          external,
          date,
          place,
          title,
          body,
          signerName,
          signerTitle,
          authority,
          null,
          Urgency.NORMAL,
          Secrecy.NONE,
          recipients,
          obligations);
    }
  }
}
