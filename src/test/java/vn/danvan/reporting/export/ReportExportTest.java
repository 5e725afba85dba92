package vn.danvan.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reporting.export.OfficeFiles.cellText;
import static vn.danvan.reporting.export.OfficeFiles.cellTexts;
import static vn.danvan.reporting.export.OfficeFiles.column;
import static vn.danvan.reporting.export.OfficeFiles.docx;
import static vn.danvan.reporting.export.OfficeFiles.find;
import static vn.danvan.reporting.export.OfficeFiles.paragraph;
import static vn.danvan.reporting.export.OfficeFiles.rowTexts;
import static vn.danvan.reporting.export.OfficeFiles.sheetNames;
import static vn.danvan.reporting.export.OfficeFiles.text;
import static vn.danvan.reporting.export.OfficeFiles.texts;
import static vn.danvan.reporting.export.OfficeFiles.xlsx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import vn.danvan.reporting.export.ReportDocumentModel.IndicatorRow;
import vn.danvan.reporting.export.ReportDocumentModel.Section;

/** The exported documents, read back with Apache POI: what officials will open. */
class ReportExportTest {

  private final ReportExportService export = new ReportExportService();

  @Test
  void submissionWorkbookHasTheFiguresAndTheNarrative() throws IOException {
    try (XSSFWorkbook wb = xlsx(export.submissionXlsx(GoVapReports.ward12()))) {
      assertThat(sheetNames(wb)).containsExactly("Báo cáo", "Thuyết minh");
      Sheet s = wb.getSheet("Báo cáo");
      assertThat(text(s, 0, 0)).isEqualTo("ỦY BAN NHÂN DÂN QUẬN GÒ VẤP");
      assertThat(text(s, 1, 0)).isEqualTo("ỦY BAN NHÂN DÂN PHƯỜNG 12");
      assertThat(text(s, 2, 0)).isEqualTo("Số: 45/BC-UBND");
      assertThat(column(s, 0)).contains("BÁO CÁO", GoVapReports.SUBJECT);
      assertThat(column(s, 0)).contains("Gò Vấp, ngày 28 tháng 4 năm 2023");
      Row kyBaoCao = find(s, 1, "Kỳ báo cáo");
      assertThat(kyBaoCao.getCell(2).getStringCellValue())
          .isEqualTo("6 tháng đầu năm 2023 (2023S1)");

      Row header = find(s, 0, "STT");
      assertThat(texts(header)).containsExactlyElementsOf(XlsxRenderer.SUBMISSION_HEADERS);
      assertThat(texts(s.getRow(header.getRowNum() + 1))).startsWith("I", "Kết quả đạt được");

      Row luot = find(s, 1, "TCD_LUOT");
      assertThat(texts(luot).subList(0, 4))
          .containsExactly("1", "TCD_LUOT", "Số lượt tiếp công dân", "lượt");
      assertThat(luot.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(luot.getCell(4).getNumericCellValue()).isEqualTo(126);
      assertThat(luot.getCell(5).getNumericCellValue()).isEqualTo(124);
      assertThat(luot.getCell(6).getStringCellValue()).isEqualTo("Có");
      assertThat(luot.getCell(8).getStringCellValue())
          .isEqualTo("Bổ sung 02 lượt tiếp đột xuất chưa nhập sổ");
      Row tyLe = find(s, 1, "KNTC_DUNG_HAN");
      assertThat(tyLe.getCell(4).getNumericCellValue()).isEqualTo(97.5);
      assertThat(tyLe.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0");
      assertThat(tyLe.getCell(7).getStringCellValue()).isEqualTo("≥ 99 %");
      assertThat(blankIfMissing(tyLe, 6)).isEmpty();
      assertThat(find(s, 1, "DVK_CO_MO_HINH").getCell(4).getStringCellValue()).isEqualTo("Có");
      assertThat(find(s, 1, "DVK_TEN").getCell(4).getStringCellValue())
          .isEqualTo("Hẻm sạch, hẻm xanh – khu phố 4");
      assertThat(s.getColumnWidth(2)).isGreaterThan(40 * 256);
      // narrative-only sections have no rows in the table of figures
      assertThat(column(s, 1)).doesNotContain("Tồn tại, hạn chế");

      Sheet n = wb.getSheet("Thuyết minh");
      assertThat(texts(n.getRow(0))).containsExactlyElementsOf(XlsxRenderer.NARRATIVE_HEADERS);
      assertThat(texts(n.getRow(1))).containsExactly("I", "Kết quả đạt được", GoVapReports.KQ_1);
      assertThat(texts(n.getRow(2)).get(2)).isEqualTo(GoVapReports.KQ_2);
      assertThat(texts(n.getRow(3))).containsExactly("II", "Tồn tại, hạn chế", GoVapReports.TT);
      assertThat(texts(n.getRow(5))).containsExactly("IV", "Đề xuất, kiến nghị", GoVapReports.KN);
    }
  }

  @Test
  void consolidationWorkbookHasItsProvenanceAndTheMissingUnits() throws IOException {
    try (XSSFWorkbook wb = xlsx(export.consolidationXlsx(GoVapReports.district()))) {
      assertThat(sheetNames(wb))
          .containsExactly(
              "Tổng hợp", "Nguồn số liệu", "Đơn vị thiếu, muộn, trả lại", "Thuyết minh");
      Sheet s = wb.getSheet("Tổng hợp");
      assertThat(text(s, 1, 0)).isEqualTo("PHÒNG NỘI VỤ");
      assertThat(text(s, 2, 0)).isEqualTo("Số:       /BC-PNV");
      assertThat(texts(find(s, 0, "STT")))
          .containsExactlyElementsOf(XlsxRenderer.CONSOLIDATION_HEADERS);
      Row luot = find(s, 1, "TCD_LUOT");
      assertThat(luot.getCell(4).getNumericCellValue()).isEqualTo(1847);
      assertThat(luot.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
      assertThat(luot.getCell(6).getStringCellValue()).isEqualTo("Tổng của 20 báo cáo");
      assertThat(find(s, 1, "KNTC_DUNG_HAN").getCell(4).getNumericCellValue()).isEqualTo(98.25);

      Sheet p = wb.getSheet("Nguồn số liệu");
      assertThat(texts(p.getRow(0))).containsExactlyElementsOf(XlsxRenderer.PROVENANCE_HEADERS);
      assertThat(p.getLastRowNum()).isEqualTo(3);
      assertThat(texts(p.getRow(1)))
          .containsExactly(
              "1",
              "TCD_LUOT",
              "Số lượt tiếp công dân",
              "Ủy ban nhân dân Phường 12",
              "2",
              "126",
              "Đã tiếp nhận",
              "");
      assertThat(texts(p.getRow(2)))
          .containsExactly(
              "2",
              "TCD_LUOT",
              "Số lượt tiếp công dân",
              "Thanh tra quận",
              "1",
              "412",
              "Đã tiếp nhận",
              "Có");
      assertThat(p.getRow(3).getCell(5).getNumericCellValue()).isEqualTo(97.5);

      Sheet u = wb.getSheet("Đơn vị thiếu, muộn, trả lại");
      assertThat(texts(u.getRow(0))).containsExactly("STT", "Đơn vị", "Tình trạng", "Ghi chú");
      assertThat(texts(u.getRow(1)))
          .containsExactly("1", "Ủy ban nhân dân Phường 5", "Chưa báo cáo", "");
      assertThat(texts(u.getRow(2)))
          .containsExactly("2", "Ủy ban nhân dân Phường 13", "Báo cáo muộn", "Gửi ngày 08/5/2023");
      assertThat(texts(u.getRow(3)))
          .containsExactly(
              "3", "Ủy ban nhân dân Phường 7", "Bị trả lại", "Thiếu số liệu tiếp công dân định kỳ");
    }
  }

  @Test
  void completenessWorkbookListsEveryUnitAndTheTotal() throws IOException {
    try (XSSFWorkbook wb = xlsx(export.completenessXlsx(GoVapReports.completeness(16)))) {
      Sheet s = wb.getSheet("Tình hình gửi báo cáo");
      assertThat(text(s, 0, 0))
          .isEqualTo("TÌNH HÌNH GỬI BÁO CÁO CÔNG TÁC DÂN VẬN CHÍNH QUYỀN 6 THÁNG ĐẦU NĂM 2023");
      Row header = find(s, 0, "STT");
      assertThat(texts(header)).containsExactlyElementsOf(XlsxRenderer.COMPLETENESS_HEADERS);
      Row p5 = find(s, 1, "Ủy ban nhân dân Phường 5");
      assertThat(texts(p5).subList(2, 10))
          .containsExactly("1", "0", "0", "0", "1", "0", "0", "Quá hạn");
      assertThat(p5.getCell(1).getCellStyle().getIndention()).isEqualTo((short) 1);
      Row thanhTra = find(s, 1, "Thanh tra quận");
      assertThat(thanhTra.getCell(9).getStringCellValue()).isEqualTo("Hoàn thành quá hạn");
      Row total = s.getRow(s.getLastRowNum());
      assertThat(texts(total).subList(1, 9))
          .containsExactly("Tổng cộng", "17", "16", "15", "1", "1", "0", "16");
      assertThat(
              wb.getFontAt(((XSSFCell) total.getCell(1)).getCellStyle().getFontIndex()).getBold())
          .isTrue();
      assertThat(s.getLastRowNum() - header.getRowNum()).isEqualTo(1 + 2 + 16);
    }
  }

  @Test
  void completenessOfTheWholeCountryStreams() throws IOException {
    try (XSSFWorkbook wb = xlsx(export.completenessXlsx(GoVapReports.completeness(3321)))) {
      Sheet s = wb.getSheet("Tình hình gửi báo cáo");
      Row last = find(s, 1, "Ủy ban nhân dân Phường 3321");
      assertThat(last.getCell(0).getNumericCellValue()).isEqualTo(3323);
      assertThat(texts(s.getRow(s.getLastRowNum())).get(2)).isEqualTo("3322");
    }
  }

  @Test
  void docxFollowsTheLayoutOfDecree30() throws IOException {
    try (XWPFDocument d = docx(export.docx(GoVapReports.ward12()))) {
      List<String> texts = texts(d);
      assertThat(texts)
          .containsSubsequence(
              "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP",
              "ỦY BAN NHÂN DÂN PHƯỜNG 12",
              "Số: 45/BC-UBND",
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "Độc lập - Tự do - Hạnh phúc",
              "Gò Vấp, ngày 28 tháng 4 năm 2023",
              "BÁO CÁO",
              GoVapReports.SUBJECT,
              "I. KẾT QUẢ ĐẠT ĐƯỢC",
              GoVapReports.KQ_1,
              GoVapReports.KQ_2,
              "STT",
              "Chỉ tiêu",
              "Đơn vị tính",
              "Số liệu",
              "Chỉ tiêu kế hoạch",
              "1",
              "Số lượt tiếp công dân",
              "lượt",
              "126",
              "Tỷ lệ đơn khiếu nại, tố cáo giải quyết đúng hạn",
              "%",
              "97,5",
              "≥ 99 %",
              "Có",
              "Hẻm sạch, hẻm xanh – khu phố 4",
              "II. TỒN TẠI, HẠN CHẾ",
              GoVapReports.TT,
              "III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2023",
              GoVapReports.PH,
              "IV. ĐỀ XUẤT, KIẾN NGHỊ",
              "Đề nghị Ủy ban nhân dân quận tổ chức tập huấn kỹ năng dân vận./.",
              "Nơi nhận:",
              "- Phòng Nội vụ quận Gò Vấp;",
              "- Thường trực Đảng ủy phường;",
              "- Lưu: VT.",
              "TM. ỦY BAN NHÂN DÂN",
              "CHỦ TỊCH",
              "Trần Thị Bích Ngọc");
      // the computed value is for the spreadsheet, not for the paper
      assertThat(texts).doesNotContain("124");

      List<XWPFTable> tables = d.getTables();
      assertThat(tables).hasSize(3);
      XWPFTable head = tables.get(0);
      assertThat(head.getRow(0).getTableCells()).hasSize(2);
      assertThat(head.getTopBorderType()).isIn(null, XWPFTable.XWPFBorderType.NONE);
      assertThat(head.getInsideVBorderType()).isIn(null, XWPFTable.XWPFBorderType.NONE);
      assertThat(cellTexts(head.getRow(0).getCell(0)))
          .containsExactly(
              "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP", "ỦY BAN NHÂN DÂN PHƯỜNG 12", "Số: 45/BC-UBND");
      assertThat(cellTexts(head.getRow(0).getCell(1)))
          .containsExactly(
              DocxRenderer.QUOC_HIEU, DocxRenderer.TIEU_NGU, "Gò Vấp, ngày 28 tháng 4 năm 2023");
      XWPFRun date = head.getRow(0).getCell(1).getParagraphs().getLast().getRuns().getFirst();
      assertThat(date.isItalic()).isTrue();
      XWPFRun issuer = head.getRow(0).getCell(0).getParagraphs().get(1).getRuns().getFirst();
      assertThat(issuer.isBold()).isTrue();

      XWPFTable figures = tables.get(1);
      assertThat(figures.getRows()).hasSize(1 + 5);
      assertThat(figures.getRow(0).isRepeatHeader()).isTrue();
      assertThat(figures.getTopBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
      assertThat(rowTexts(figures.getRow(2)))
          .containsExactly("2", "Số người được tiếp", "người", "143", "");
      assertThat(rowTexts(figures.getRow(3)))
          .containsExactly(
              "3", "Tỷ lệ đơn khiếu nại, tố cáo giải quyết đúng hạn", "%", "97,5", "≥ 99 %");

      XWPFTable end = tables.get(2);
      assertThat(end.getTopBorderType()).isIn(null, XWPFTable.XWPFBorderType.NONE);
      assertThat(cellTexts(end.getRow(0).getCell(0))).first().isEqualTo("Nơi nhận:");
      assertThat(cellTexts(end.getRow(0).getCell(1)))
          .containsExactly("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Thị Bích Ngọc");

      // Times New Roman 13–14 in the body, A4 page
      XWPFParagraph title = paragraph(d, "BÁO CÁO");
      assertThat(title.getRuns().getFirst().getFontFamily()).isEqualTo("Times New Roman");
      assertThat(title.getRuns().getFirst().getFontSizeAsDouble()).isEqualTo(14.0);
      assertThat(title.getRuns().getFirst().isBold()).isTrue();
      XWPFParagraph body = paragraph(d, GoVapReports.KQ_1);
      assertThat(body.getRuns().getFirst().getFontSizeAsDouble()).isEqualTo(14.0);
      assertThat(body.getFirstLineIndent()).isPositive();
      // short rules under the issuing body, the tiêu ngữ and the trích yếu
      long rules =
          d.getBodyElements().stream()
              .flatMap(
                  e ->
                      e instanceof XWPFTable t
                          ? t.getRows().stream()
                              .flatMap(r -> r.getTableCells().stream())
                              .flatMap(c -> c.getParagraphs().stream())
                          : e instanceof XWPFParagraph p ? java.util.stream.Stream.of(p) : null)
              .filter(p -> p.getBorderBottom() == org.apache.poi.xwpf.usermodel.Borders.SINGLE)
              .count();
      assertThat(rules).isEqualTo(3);
      // the closing paragraph keeps with the signature; page numbers from the second page
      assertThat(
              paragraph(d, "Đề nghị Ủy ban nhân dân quận tổ chức tập huấn kỹ năng dân vận./.")
                  .getCTP()
                  .getPPr()
                  .isSetKeepNext())
          .isTrue();
      assertThat(d.getHeaderList()).hasSize(2);
      var sect = d.getDocument().getBody().getSectPr();
      assertThat(sect.isSetTitlePg()).isTrue();
      assertThat(sect.getPgSz().getW().toString()).isEqualTo("11906");
      assertThat(sect.getPgMar().getLeft().toString()).isEqualTo("1701");
      assertThat(d.getProperties().getCoreProperties().getTitle())
          .isEqualTo("BÁO CÁO " + GoVapReports.SUBJECT);
    }
  }

  @Test
  void docxOfAConsolidationLeavesTheNumberForTheClerk() throws IOException {
    try (XWPFDocument d = docx(export.docx(GoVapReports.district()))) {
      assertThat(texts(d))
          .containsSubsequence(
              "ỦY BAN NHÂN DÂN QUẬN GÒ VẤP",
              "PHÒNG NỘI VỤ",
              "Số:       /BC-PNV",
              "Gò Vấp, ngày 08 tháng 5 năm 2023",
              "BÁO CÁO",
              "Tổng hợp kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2023 trên địa"
                  + " bàn quận Gò Vấp",
              "1.847",
              "98,25",
              "- Ủy ban nhân dân quận;",
              "- Sở Nội vụ;",
              "- Lưu: VT, PNV.",
              "KT. TRƯỞNG PHÒNG",
              "PHÓ TRƯỞNG PHÒNG",
              "Lê Hoàng Minh");
    }
  }

  @Test
  void aHugeNarrativeRendersWhole() throws IOException {
    StringBuilder b = new StringBuilder();
    while (b.length() < 100_000) {
      b.append("Tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo” ở khu phố ").append(b.length());
      b.append(b.length() % 7 == 0 ? ". " : ", ");
    }
    String huge = b.toString();
    ReportDocumentModel model =
        withSections(
            GoVapReports.ward12(),
            List.of(new Section("KQ", "Kết quả đạt được", huge, GoVapReports.ward12Figures())));

    try (XWPFDocument d = docx(export.docx(model))) {
      assertThat(texts(d)).contains(huge.strip());
    }
    try (XSSFWorkbook wb = xlsx(export.submissionXlsx(model))) {
      Sheet n = wb.getSheet("Thuyết minh");
      StringBuilder back = new StringBuilder();
      for (int r = 1; r <= n.getLastRowNum(); r++) {
        String piece = n.getRow(r).getCell(2).getStringCellValue();
        assertThat(piece.length()).isLessThanOrEqualTo(32_767);
        back.append(piece);
      }
      assertThat(n.getLastRowNum()).isGreaterThan(3);
      assertThat(back.toString()).isEqualTo(huge.strip());
    }
  }

  @Test
  void charactersXmlCannotCarryAreDroppedNotWritten() throws IOException {
    String dirty = "Phường\u0000 12\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800 – 𝔇ân vận";
    String clean = "Phường 12 – 𝔇ân vận";
    ReportDocumentModel base = GoVapReports.ward12();
    ReportDocumentModel model =
        new ReportDocumentModel(
            base.parentBody(),
            dirty,
            base.number(),
            base.symbol(),
            "Gò\u0007 Vấp",
            base.date(),
            null,
            "Kết quả\u0000 " + dirty,
            List.of(new ReportDocumentModel.InfoLine("Kỳ\u0003", dirty)),
            List.of(
                new Section(
                    "KQ",
                    "Kết quả\u0002",
                    "Đoạn một\r\nĐoạn hai\u0000\rĐoạn ba",
                    List.of(
                        new IndicatorRow(
                            "TCD\u0000",
                            dirty,
                            "lượt\u0001",
                            FigureValue.of(dirty),
                            FigureValue.of(1),
                            "\u0000≥ 99 %",
                            false,
                            dirty)))),
            List.of(dirty),
            new ReportDocumentModel.Signer("TM.\u0000 Ủy ban nhân dân", "Chủ tịch", dirty),
            new ReportDocumentModel.Consolidation(
                List.of(
                    new ReportDocumentModel.ProvenanceRow(
                        "TCD", dirty, dirty, 1, FigureValue.of(dirty), dirty, false)),
                List.of(
                    new ReportDocumentModel.UnitNote(
                        dirty, ReportDocumentModel.UnitIssue.MISSING, dirty))));

    byte[] docx = ReportExportService.bytes(export.docx(model));
    assertValidXmlParts(docx);
    try (XWPFDocument d = docx(docx)) {
      assertThat(texts(d))
          .containsSubsequence(
              "PHƯỜNG 12 – 𝔇ÂN VẬN",
              "Gò Vấp, ngày 28 tháng 4 năm 2023",
              "Kết quả " + clean,
              "I. KẾT QUẢ",
              "Đoạn một",
              "Đoạn hai",
              "Đoạn ba",
              clean,
              "≥ 99 %",
              "- " + clean + ".",
              clean);
    }
    for (byte[] xlsx :
        List.of(
            ReportExportService.bytes(export.submissionXlsx(model)),
            ReportExportService.bytes(export.consolidationXlsx(model)))) {
      assertValidXmlParts(xlsx);
      try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
        Sheet s = wb.getSheetAt(0);
        assertThat(text(s, 1, 0)).isEqualTo("PHƯỜNG 12 – 𝔇ÂN VẬN");
        Row row = find(s, 1, "TCD");
        assertThat(texts(row).subList(2, 5)).containsExactly(clean, "lượt", clean);
      }
    }
    CompletenessTableModel table =
        new CompletenessTableModel(
            dirty,
            List.of(),
            List.of(new CompletenessTableModel.Row(dirty, 0, 1, 1, 1, 0, 0, 0, 1, dirty)),
            null);
    byte[] xlsx = ReportExportService.bytes(export.completenessXlsx(table));
    assertValidXmlParts(xlsx);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(text(wb.getSheetAt(0), 0, 0)).isEqualTo(clean);
    }
  }

  @Test
  void textsFollowDecree30() {
    assertThat(Texts.numberLine(5, "BC-UBND")).isEqualTo("Số: 05/BC-UBND");
    assertThat(Texts.numberLine(847, "KH-UBND")).isEqualTo("Số: 847/KH-UBND");
    assertThat(Texts.numberLine(null, "BC-UBND")).isEqualTo("Số:       /BC-UBND");
    assertThat(Texts.placeDate("Gò Vấp", LocalDate.of(2023, 3, 10)))
        .isEqualTo("Gò Vấp, ngày 10 tháng 3 năm 2023");
    assertThat(Texts.placeDate("Hà Nội", LocalDate.of(2022, 1, 5)))
        .isEqualTo("Hà Nội, ngày 05 tháng 01 năm 2022");
    assertThat(Texts.placeDate("An Giang", LocalDate.of(2021, 12, 28)))
        .isEqualTo("An Giang, ngày 28 tháng 12 năm 2021");
    assertThat(Texts.placeDate("Gò Vấp", null)).isEqualTo("Gò Vấp, ngày      tháng      năm      ");
    assertThat(Texts.number(new BigDecimal("1250"))).isEqualTo("1.250");
    assertThat(Texts.number(new BigDecimal("97.50"))).isEqualTo("97,5");
    assertThat(Texts.number(new BigDecimal("-1234567.125"))).isEqualTo("-1.234.567,125");
    assertThat(Texts.number(new BigDecimal("1E+3"))).isEqualTo("1.000");
    assertThat(Texts.roman(4)).isEqualTo("IV");
    assertThat(Texts.roman(9)).isEqualTo("IX");
    assertThat(Texts.chunks("ab cd ef", 4)).containsExactly("ab ", "cd ", "ef");
    assertThat(Texts.chunks("😀😀😀", 3)).containsExactly("😀", "😀", "😀");
  }

  @Test
  void fileNamesAreAsciiAndTheVietnameseNameTravelsEncoded() {
    assertThat(
            ReportExportService.fileName(
                ReportExportService.Format.XLSX, "bao-cao", "2023S1", "Ủy ban nhân dân Phường 12"))
        .isEqualTo("bao-cao-2023s1-uy-ban-nhan-dan-phuong-12.xlsx");
    assertThat(ReportExportService.fileName(ReportExportService.Format.DOCX, "Đống Đa", null))
        .isEqualTo("dong-da.docx");
    assertThat(ReportExportService.fileName(ReportExportService.Format.DOCX, "***"))
        .isEqualTo("bao-cao.docx");
    assertThat(ReportExportService.contentDisposition("bao-cao.docx", "Báo cáo Phường 12.docx"))
        .isEqualTo(
            "attachment; filename=\"bao-cao.docx\";"
                + " filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20Ph%C6%B0%E1%BB%9Dng%2012.docx");
    assertThat(ReportExportService.Format.DOCX.mediaType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  }

  // ---- reading back

  private static String blankIfMissing(Row r, int col) {
    return cellText(r.getCell(col));
  }

  private static ReportDocumentModel withSections(ReportDocumentModel m, List<Section> sections) {
    return new ReportDocumentModel(
        m.parentBody(),
        m.issuingBody(),
        m.number(),
        m.symbol(),
        m.place(),
        m.date(),
        m.documentType(),
        m.subject(),
        m.info(),
        sections,
        m.recipients(),
        m.signer(),
        m.consolidation());
  }

  /**
   * Every XML part of the package parses as XML 1.0 with a strict parser: no character reference to
   * a control character, nothing a word processor would refuse.
   */
  private static void assertValidXmlParts(byte[] zip) throws IOException {
    List<String> checked = new ArrayList<>();
    java.nio.file.Path file = java.nio.file.Files.createTempFile("report-export", ".zip");
    try {
      java.nio.file.Files.write(file, zip);
      try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(file.toFile())) {
        for (ZipEntry e : java.util.Collections.list(z.entries())) {
          if (e.getName().endsWith(".xml") || e.getName().endsWith(".rels")) {
            try (var in = z.getInputStream(e)) {
              javax.xml.parsers.DocumentBuilderFactory f =
                  javax.xml.parsers.DocumentBuilderFactory.newInstance();
              f.setNamespaceAware(true);
              f.newDocumentBuilder().parse(in);
            } catch (Exception ex) {
              throw new AssertionError(e.getName() + " is not well-formed XML: " + ex, ex);
            }
            checked.add(e.getName());
          }
        }
      }
    } finally {
      java.nio.file.Files.delete(file);
    }
    assertThat(checked).isNotEmpty();
  }
}
