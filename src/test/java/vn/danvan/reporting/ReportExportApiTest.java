package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reporting.ReportConsolidationApiTest.communeDue;
import static vn.danvan.reporting.ReportConsolidationApiTest.created;
import static vn.danvan.reporting.ReportConsolidationApiTest.regime;
import static vn.danvan.reporting.ReportConsolidationApiTest.ruleTemplate;
import static vn.danvan.reporting.ReportConsolidationApiTest.values;
import static vn.danvan.reporting.ReportConsolidationApiTest.wards;
import static vn.danvan.reporting.ReportSubmissionFixtures.AN_HOI_TAY;
import static vn.danvan.reporting.ReportSubmissionFixtures.BASE;
import static vn.danvan.reporting.ReportSubmissionFixtures.activeRegime;
import static vn.danvan.reporting.ReportSubmissionFixtures.done;
import static vn.danvan.reporting.ReportSubmissionFixtures.put;
import static vn.danvan.reporting.ReportSubmissionFixtures.version;
import static vn.danvan.reporting.export.OfficeFiles.cellText;
import static vn.danvan.reporting.export.OfficeFiles.column;
import static vn.danvan.reporting.export.OfficeFiles.find;
import static vn.danvan.reporting.export.OfficeFiles.rowTexts;
import static vn.danvan.reporting.export.OfficeFiles.sheetNames;
import static vn.danvan.reporting.export.OfficeFiles.text;
import static vn.danvan.reporting.export.OfficeFiles.texts;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.danvan.reporting.export.OfficeFiles;
import vn.danvan.reporting.export.ReportExportService;
import vn.danvan.testing.TestClock;

/**
 * The documents officials send, downloaded over HTTP and read back with Apache POI (issue 11 §8): a
 * report's working copy and frozen version as XLSX and DOCX, a consolidation with its provenance, a
 * completeness table; scope, bad formats and the download headers.
 */
@QuarkusTest
class ReportExportApiTest {

  static final String CONSOLIDATIONS = "/api/v1/report-consolidations";
  static final String COMPLETENESS = "/api/v1/report-completeness/export";
  static final String KQ_1 = "Tổ chức 3 hội nghị đối thoại giữa Chủ tịch UBND phường với Nhân dân.";
  static final String KQ_2 = "Tiếp 120 lượt công dân, giải quyết dứt điểm 9 vụ việc.";

  /**
   * The number line and the date of a document not yet numbered or dated, as the clerk fills in.
   */
  static final String NO_NUMBER = "Số: " + " ".repeat(6);

  static final String BLANK = " ".repeat(6);
  static final String TT = "Một số vụ việc khiếu nại về đất đai còn kéo dài.";

  @Inject DataSource dataSource;

  @AfterEach
  void time() {
    TestClock.reset();
  }

  @Test
  void aReportDownloadsAsSpreadsheetAndDecree30DocumentWorkingCopyAndFrozenVersion()
      throws IOException {
    String regime = activeRegime();
    Response created =
        ReportSubmissionFixtures.created("ward-officer", regime, "2026Q3", AN_HOI_TAY);
    String id = created.jsonPath().getString("id");
    LocalDate due = LocalDate.parse(created.jsonPath().getString("dueDate"));
    TestClock.today(due.minusDays(1));
    Map<String, Object> body =
        ReportSubmissionFixtures.values(
            "TCD_LUOT", 120, "KNTC_THU_LY", 10, "KNTC_TY_LE", 97.5, "HN_SO_HOI_NGHI", 3);
    body.put("narratives", Map.of("KET_QUA", KQ_1 + "\n\n" + KQ_2, "TON_TAI", TT));
    Response edited = put("ward-officer", id, 0, body);
    assertThat(edited.statusCode()).as(edited.asString()).isEqualTo(200);
    String unit = edited.jsonPath().getString("orgUnitName");
    String collecting = edited.jsonPath().getString("collectingUnitName");
    String committee = ("Ủy ban nhân dân " + unit).toUpperCase(Locale.ROOT);
    String place = unit.replaceFirst("^(Phường|Xã|Đặc khu) ", "");
    String subject = "Kết quả thực hiện công tác dân vận chính quyền quý III năm 2026";

    // the working copy, never sent: no number, no date yet
    Response draft = download("ward-officer", BASE + "/" + id + "/export?format=xlsx");
    assertThat(draft.contentType()).startsWith(ReportExportService.XLSX);
    assertDisposition(draft, "bao-cao-2026q3-", ".xlsx");
    try (XSSFWorkbook wb = xlsx(draft)) {
      assertThat(sheetNames(wb)).containsExactly("Báo cáo", "Thuyết minh");
      Sheet s = wb.getSheet("Báo cáo");
      assertThat(text(s, 0, 0)).isEqualTo(committee);
      assertThat(text(s, 1, 0)).isEqualTo(NO_NUMBER + "/BC-UBND");
      assertThat(column(s, 0))
          .contains("BÁO CÁO", subject, place + ", ngày" + BLANK + "tháng" + BLANK + "năm" + BLANK);
      assertThat(find(s, 1, "Kỳ báo cáo").getCell(2).getStringCellValue())
          .isEqualTo("quý III năm 2026 (2026Q3)");
      assertThat(find(s, 1, "Đơn vị nhận báo cáo").getCell(2).getStringCellValue())
          .isEqualTo(collecting);
      assertThat(find(s, 1, "Trạng thái").getCell(2).getStringCellValue()).isEqualTo("Đang soạn");
      assertThat(texts(find(s, 0, "STT")))
          .containsExactly(
              "STT",
              "Mã chỉ tiêu",
              "Chỉ tiêu",
              "Đơn vị tính",
              "Số liệu",
              "Số liệu hệ thống tính",
              "Khác số hệ thống tính",
              "Chỉ tiêu kế hoạch",
              "Ghi chú");
      Row luot = find(s, 1, "TCD_LUOT");
      assertThat(texts(luot).subList(0, 4))
          .containsExactly("1", "TCD_LUOT", "Chỉ tiêu TCD_LUOT", "lượt");
      assertThat(luot.getCell(4).getNumericCellValue()).isEqualTo(120);
      Row rate = find(s, 1, "KNTC_TY_LE");
      assertThat(rate.getCell(4).getNumericCellValue()).isEqualTo(97.5);
      assertThat(rate.getCell(7).getStringCellValue()).isEqualTo("≥ 85 %");
      assertThat(find(s, 1, "HN_SO_HOI_NGHI").getCell(4).getNumericCellValue()).isEqualTo(3);
      // sections in template order, numbered as in the document
      assertThat(column(s, 1))
          .containsSubsequence(
              "Công tác tiếp công dân, giải quyết khiếu nại, tố cáo",
              "TCD_LUOT",
              "Hội nghị, tuyên truyền",
              "HN_SO_HOI_NGHI");

      Sheet n = wb.getSheet("Thuyết minh");
      assertThat(texts(n.getRow(0))).containsExactly("Mục", "Tên mục", "Nội dung");
      assertThat(texts(n.getRow(1))).containsExactly("I", "Kết quả đạt được", KQ_1);
      assertThat(texts(n.getRow(2)).get(2)).isEqualTo(KQ_2);
      assertThat(texts(n.getRow(3))).containsExactly("IV", "Tồn tại, hạn chế", TT);
    }

    // sent: version 1 is frozen; the collecting unit returns it, the ward changes a figure
    Response sent = done("ward-officer", id, version(edited), "SUBMIT", null);
    LocalDate sentDay =
        Instant.parse(sent.jsonPath().getString("submittedAt"))
            .atZone(ZoneId.of("Asia/Ho_Chi_Minh"))
            .toLocalDate();
    Response back = done("hcm-manager", id, version(sent), "RETURN", "Bổ sung số liệu.");
    Response changed =
        put("ward-officer", id, version(back), ReportSubmissionFixtures.values("TCD_LUOT", 125));
    assertThat(changed.statusCode()).as(changed.asString()).isEqualTo(200);

    Response v1 = download("ward-officer", BASE + "/" + id + "/export?format=docx&version=1");
    assertThat(v1.contentType()).startsWith(ReportExportService.DOCX);
    assertDisposition(v1, "bao-cao-2026q3-", "-v1.docx");
    assertThat(v1.header("Content-Disposition")).contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o");
    try (XWPFDocument d = docx(v1)) {
      List<String> t = texts(d);
      assertThat(t)
          .containsSubsequence(
              committee,
              NO_NUMBER + "/BC-UBND",
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "Độc lập - Tự do - Hạnh phúc",
              placeDate(place, sentDay),
              "BÁO CÁO",
              subject,
              "I. KẾT QUẢ ĐẠT ĐƯỢC",
              KQ_1,
              KQ_2,
              "II. CÔNG TÁC TIẾP CÔNG DÂN, GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO",
              "III. HỘI NGHỊ, TUYÊN TRUYỀN",
              "IV. TỒN TẠI, HẠN CHẾ",
              TT.substring(0, TT.length() - 1) + "./.",
              "Nơi nhận:",
              "- " + collecting + ";",
              "- Lưu: VT.",
              "TM. ỦY BAN NHÂN DÂN",
              "CHỦ TỊCH");
      XWPFTable reception = table(d, "Chỉ tiêu TCD_LUOT");
      assertThat(rowTexts(reception.getRow(0)))
          .containsExactly("STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Chỉ tiêu kế hoạch");
      // the frozen figure, not the working copy's 125
      assertThat(rowTexts(reception.getRow(1)))
          .containsExactly("1", "Chỉ tiêu TCD_LUOT", "lượt", "120", "");
      assertThat(rowTexts(reception.getRow(3)))
          .containsExactly("3", "Chỉ tiêu KNTC_TY_LE", "", "97,5", "≥ 85 %");
    }
    try (XSSFWorkbook wb = xlsx(download("ward-officer", BASE + "/" + id + "/export"))) {
      Sheet s = wb.getSheet("Báo cáo");
      assertThat(find(s, 1, "TCD_LUOT").getCell(4).getNumericCellValue()).isEqualTo(125);
      assertThat(find(s, 1, "Trạng thái").getCell(2).getStringCellValue()).isEqualTo("Bị trả lại");
    }
    try (XSSFWorkbook wb = xlsx(download("ward-officer", BASE + "/" + id + "/export?version=1"))) {
      Sheet s = wb.getSheet("Báo cáo");
      assertThat(find(s, 1, "TCD_LUOT").getCell(4).getNumericCellValue()).isEqualTo(120);
      assertThat(find(s, 1, "Phiên bản").getCell(2).getStringCellValue())
          .startsWith("Phiên bản 1, gửi ngày ");
    }

    // bad input and scope: problems, never a half-written file
    Response pdf = as("ward-officer").get(BASE + "/" + id + "/export?format=pdf");
    assertProblem(pdf, 400, "INVALID_PARAMETER");
    assertThat(pdf.jsonPath().getList("errors.pointer")).containsExactly("/query/format");
    Response nine = as("ward-officer").get(BASE + "/" + id + "/export?version=9");
    assertProblem(nine, 400, "VALIDATION_FAILED");
    assertThat(nine.jsonPath().getList("errors.pointer")).containsExactly("/query/version");
    assertProblem(
        as("viewer").accept(ReportExportService.XLSX).get(BASE + "/" + id + "/export"),
        404,
        "NOT_FOUND");
    assertProblem(
        as("ward-officer").get(BASE + "/" + UUID.randomUUID() + "/export?format=docx"),
        404,
        "NOT_FOUND");
    assertProblem(as("ward-officer").get(BASE + "/nope/export"), 400, "INVALID_PARAMETER");
  }

  @Test
  void theIssuedReportDocumentGivesNumberPlaceDateAndSigner() throws IOException {
    String regime = activeRegime();
    int number = 100 + new java.util.Random().nextInt(9000);
    Map<String, Object> doc = new java.util.LinkedHashMap<>();
    doc.put("type", "BAO_CAO");
    doc.put("number", number);
    doc.put("symbol", "BC-UBND");
    doc.put("issuingUnitId", AN_HOI_TAY);
    doc.put("issueDate", "2026-10-02");
    doc.put("place", "Hồ Chí Minh");
    doc.put("title", "Báo cáo kết quả thực hiện công tác dân vận chính quyền quý III năm 2026");
    doc.put("signerName", "Nguyễn Văn An");
    doc.put("signerTitle", "Phó Chủ tịch");
    doc.put("signingAuthority", "KT");
    Response directive =
        vn.danvan.testing.Api.json("hcm-manager").body(doc).post("/api/v1/directives");
    assertThat(directive.statusCode()).as(directive.asString()).isEqualTo(201);
    Map<String, Object> body = ReportSubmissionFixtures.create(regime, "2026Q3", AN_HOI_TAY);
    body.put("reportDocumentId", directive.jsonPath().getString("id"));
    Response created = ReportSubmissionFixtures.post("hcm-manager", body);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String id = created.jsonPath().getString("id");

    try (XWPFDocument d = docx(download("hcm-manager", BASE + "/" + id + "/export?format=docx"))) {
      assertThat(texts(d))
          .containsSubsequence(
              "Số: " + number + "/BC-UBND",
              "Hồ Chí Minh, ngày 02 tháng 10 năm 2026",
              "BÁO CÁO",
              "KT. CHỦ TỊCH",
              "PHÓ CHỦ TỊCH",
              "Nguyễn Văn An");
    }
  }

  @Test
  void aConsolidationDownloadsWithItsProvenanceAndACompletenessTable() throws IOException {
    SubmissionRows rows = new SubmissionRows(dataSource);
    String template = ruleTemplate();
    List<String> w = wards();
    String regime = regime(template, w);
    LocalDate due = communeDue(regime, "2026Q3");
    UUID s0 = rows.draft(regime, "2026Q3", w.get(0), due);
    rows.submit(s0, values("N_SUM", 10, "N_W", 80, "B_CT", true, "T_NOTE", "a"), false);
    rows.accept(s0);
    UUID s1 = rows.draft(regime, "2026Q3", w.get(1), due);
    rows.submit(s1, values("N_SUM", 30, "N_W", 90, "B_CT", false), false);
    rows.accept(s1);
    UUID s2 = rows.draft(regime, "2026Q3", w.get(2), due);
    rows.submit(s2, values("N_SUM", 100), true);
    UUID s3 = rows.draft(regime, "2026Q3", w.get(3), due);
    rows.submit(s3, values("N_SUM", 1000), false);
    rows.giveBack(s3);
    String id = created("hcm-manager", regime, "2026Q3", null).getString("id");
    // the provenance (inputs) is at the version's URL, not in the POST's summary
    JsonPath c =
        vn.danvan.testing.Api.json("hcm-manager").get(CONSOLIDATIONS + "/" + id).jsonPath();
    List<String> names = new ArrayList<>();
    for (String unit : w) {
      names.add(
          c.getString("inputs.find { it.unitId == '" + unit + "' }.unitName") != null
              ? c.getString("inputs.find { it.unitId == '" + unit + "' }.unitName")
              : c.getString("missingUnits.find { it.unitId == '" + unit + "' }.unitName"));
    }

    Response x = download("hcm-manager", CONSOLIDATIONS + "/" + id + "/export?format=xlsx");
    assertThat(x.contentType()).startsWith(ReportExportService.XLSX);
    assertDisposition(x, "tong-hop-2026q3-", "-v1.xlsx");
    try (XSSFWorkbook wb = xlsx(x)) {
      assertThat(sheetNames(wb))
          .containsExactly("Tổng hợp", "Nguồn số liệu", "Đơn vị thiếu, muộn, trả lại");
      Sheet s = wb.getSheet("Tổng hợp");
      assertThat(text(s, 0, 0)).isEqualTo("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH");
      assertThat(text(s, 1, 0)).isEqualTo("SỞ NỘI VỤ");
      assertThat(text(s, 2, 0)).isEqualTo(NO_NUMBER + "/BC-SNV");
      assertThat(column(s, 0))
          .contains("Tổng hợp kết quả thực hiện công tác dân vận chính quyền quý III năm 2026");
      Row sum = find(s, 1, "N_SUM");
      assertThat(sum.getCell(4).getNumericCellValue()).isEqualTo(40);
      assertThat(sum.getCell(6).getStringCellValue()).isEqualTo("Cộng (2 đơn vị)");
      Row weighted = find(s, 1, "N_W");
      // (80 × 10 + 90 × 30) / 40
      assertThat(weighted.getCell(4).getNumericCellValue()).isEqualTo(87.5);
      assertThat(weighted.getCell(6).getStringCellValue())
          .isEqualTo("Trung bình có trọng số theo N_SUM (2 đơn vị)");
      assertThat(find(s, 1, "B_CT").getCell(4).getNumericCellValue()).isEqualTo(1);

      Sheet p = wb.getSheet("Nguồn số liệu");
      assertThat(texts(p.getRow(0)))
          .containsExactly(
              "STT",
              "Mã chỉ tiêu",
              "Chỉ tiêu",
              "Đơn vị báo cáo",
              "Phiên bản",
              "Số liệu",
              "Trạng thái",
              "Nộp muộn");
      List<List<String>> sums = new ArrayList<>();
      for (Row r : p) {
        if ("N_SUM".equals(cellText(r.getCell(1)))) {
          sums.add(texts(r).subList(3, 7));
        }
      }
      assertThat(sums)
          .containsExactly(
              List.of(names.get(0), "1", "10", "Đã tiếp nhận"),
              List.of(names.get(1), "1", "30", "Đã tiếp nhận"));

      Sheet u = wb.getSheet("Đơn vị thiếu, muộn, trả lại");
      List<List<String>> notes = new ArrayList<>();
      for (int r = 1; r <= u.getLastRowNum(); r++) {
        notes.add(texts(u.getRow(r)).subList(1, 4));
      }
      assertThat(notes)
          .containsExactlyInAnyOrder(
              List.of(names.get(3), "Bị trả lại", ""),
              List.of(names.get(2), "Chưa báo cáo", "Đã gửi"),
              List.of(names.get(4), "Chưa báo cáo", "Chưa tạo báo cáo"),
              List.of(names.get(5), "Chưa báo cáo", "Chưa tạo báo cáo"),
              List.of(names.get(2), "Báo cáo muộn", "Đã gửi"));
    }

    Response d = download("hcm-manager", CONSOLIDATIONS + "/" + id + "/export?format=docx");
    assertThat(d.contentType()).startsWith(ReportExportService.DOCX);
    try (XWPFDocument doc = docx(d)) {
      assertThat(texts(doc))
          .containsSubsequence(
              "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
              "SỞ NỘI VỤ",
              NO_NUMBER + "/BC-SNV",
              "BÁO CÁO",
              "Tổng hợp kết quả thực hiện công tác dân vận chính quyền quý III năm 2026",
              "I. KẾT QUẢ ĐẠT ĐƯỢC",
              "II. SỐ LIỆU",
              "Nơi nhận:",
              "- Ủy ban nhân dân Thành phố Hồ Chí Minh;",
              "- Lưu: VT.",
              "GIÁM ĐỐC");
      assertThat(texts(doc).stream().filter(t -> t.startsWith("Thành phố Hồ Chí Minh, ngày ")))
          .hasSize(1);
      XWPFTable figures = table(doc, "Chỉ tiêu N_SUM");
      assertThat(rowTexts(figures.getRow(1))).containsExactly("1", "Chỉ tiêu N_SUM", "", "40");
    }
    assertProblem(
        as("viewer").get(CONSOLIDATIONS + "/" + id + "/export?format=docx"), 404, "NOT_FOUND");
    Response csv = as("hcm-manager").get(CONSOLIDATIONS + "/" + id + "/export?format=csv");
    assertProblem(csv, 400, "INVALID_PARAMETER");
    assertThat(csv.jsonPath().getList("errors.pointer")).containsExactly("/query/format");

    // the completeness table of the same period
    String query = "?regimeId=" + regime + "&period=2026Q3";
    Response t = download("hcm-manager", COMPLETENESS + query + "&format=xlsx");
    assertThat(t.contentType()).startsWith(ReportExportService.XLSX);
    assertDisposition(t, "tinh-hinh-gui-bao-cao-2026q3", ".xlsx");
    try (XSSFWorkbook wb = xlsx(t)) {
      assertThat(sheetNames(wb)).containsExactly("Tình hình gửi báo cáo");
      Sheet s = wb.getSheet("Tình hình gửi báo cáo");
      assertThat(text(s, 0, 0)).isEqualTo("TÌNH HÌNH GỬI BÁO CÁO QUÝ III NĂM 2026");
      assertThat(find(s, 1, "Kỳ báo cáo").getCell(2).getStringCellValue())
          .isEqualTo("quý III năm 2026 (2026Q3)");
      Row header = find(s, 0, "STT");
      assertThat(texts(header))
          .containsExactly(
              "STT",
              "Đơn vị",
              "Số báo cáo phải gửi",
              "Đã gửi",
              "Đúng hạn",
              "Muộn",
              "Chưa gửi",
              "Bị trả lại",
              "Đã tiếp nhận",
              "Tình trạng");
      assertThat(texts(find(s, 1, names.get(0))).subList(2, 9))
          .containsExactly("1", "1", "1", "0", "0", "0", "1");
      assertThat(texts(find(s, 1, names.get(2))).subList(2, 10))
          .containsExactly("1", "1", "0", "1", "0", "0", "0", "Đã gửi quá hạn");
      assertThat(texts(find(s, 1, names.get(3))).subList(2, 9))
          .containsExactly("1", "1", "1", "0", "0", "1", "0");
      assertThat(texts(find(s, 1, names.get(5))).subList(2, 9))
          .containsExactly("1", "0", "0", "0", "1", "0", "0");
      assertThat(texts(find(s, 1, "Tổng cộng")).subList(2, 9))
          .containsExactly("6", "4", "3", "1", "2", "1", "2");
    }
    Response docx = as("hcm-manager").get(COMPLETENESS + query + "&format=docx");
    assertProblem(docx, 400, "INVALID_PARAMETER");
    assertThat(docx.jsonPath().getList("errors.pointer")).containsExactly("/query/format");
    assertProblem(as("viewer").get(COMPLETENESS + query), 422, "UNKNOWN_REPORTING_REGIME");
    assertProblem(
        as("hcm-manager").get(COMPLETENESS + "?regimeId=" + regime), 400, "VALIDATION_FAILED");
  }

  // ------------------------------------------------------------------ helpers

  private static Response download(String user, String path) {
    Response r = as(user).get(path);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    assertThat(r.header("Cache-Control")).isEqualTo("no-store");
    return r;
  }

  /** An ASCII file name for every client and the Vietnamese one in filename*. */
  private static void assertDisposition(Response r, String prefix, String suffix) {
    String header = r.header("Content-Disposition");
    assertThat(header).matches("attachment; filename=\"[a-z0-9.-]+\"; filename\\*=UTF-8''\\S+");
    String ascii = header.substring(header.indexOf('"') + 1, header.indexOf('"', 22));
    assertThat(ascii).startsWith(prefix).endsWith(suffix);
  }

  private static String placeDate(String place, LocalDate d) {
    int day = d.getDayOfMonth();
    int month = d.getMonthValue();
    return place
        + ", ngày "
        + (day < 10 ? "0" + day : day)
        + " tháng "
        + (month < 3 ? "0" + month : month)
        + " năm "
        + d.getYear();
  }

  private static XSSFWorkbook xlsx(Response r) throws IOException {
    return OfficeFiles.xlsx(r.asByteArray());
  }

  private static XWPFDocument docx(Response r) throws IOException {
    return OfficeFiles.docx(r.asByteArray());
  }

  /** The table one of whose rows names {@code label} in its second cell. */
  private static XWPFTable table(XWPFDocument d, String label) {
    return d.getTables().stream()
        .filter(
            t ->
                t.getRows().stream()
                    .anyMatch(
                        r -> r.getTableCells().size() > 1 && label.equals(r.getCell(1).getText())))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no table with " + label));
  }
}
