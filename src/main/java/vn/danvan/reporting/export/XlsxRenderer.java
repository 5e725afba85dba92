package vn.danvan.reporting.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.danvan.reporting.export.ReportDocumentModel.IndicatorRow;
import vn.danvan.reporting.export.ReportDocumentModel.InfoLine;
import vn.danvan.reporting.export.ReportDocumentModel.ProvenanceRow;
import vn.danvan.reporting.export.ReportDocumentModel.Section;
import vn.danvan.reporting.export.ReportDocumentModel.UnitNote;

/**
 * The spreadsheets of a report, written as they go (fastexcel streams rows out in batches): a
 * submission, a consolidation with its provenance, a completeness table.
 */
final class XlsxRenderer {

  /** Excel refuses cells longer than 32,767 characters: longer paragraphs continue below. */
  static final int MAX_CELL = 32_000;

  private static final int FLUSH_EVERY = 500;
  private static final String FONT = "Times New Roman";
  private static final String HEADER_FILL = "DDEBF7";

  static final List<String> SUBMISSION_HEADERS =
      List.of(
          "STT",
          "Mã chỉ tiêu",
          "Chỉ tiêu",
          "Đơn vị tính",
          "Số liệu",
          "Số liệu hệ thống tính",
          "Khác số hệ thống tính",
          "Chỉ tiêu kế hoạch",
          "Ghi chú");
  private static final double[] SUBMISSION_WIDTHS = {6, 14, 55, 12, 14, 16, 12, 18, 30};

  static final List<String> CONSOLIDATION_HEADERS =
      List.of(
          "STT",
          "Mã chỉ tiêu",
          "Chỉ tiêu",
          "Đơn vị tính",
          "Số liệu tổng hợp",
          "Chỉ tiêu kế hoạch",
          "Ghi chú");
  private static final double[] CONSOLIDATION_WIDTHS = {6, 14, 55, 12, 16, 18, 40};

  static final List<String> PROVENANCE_HEADERS =
      List.of(
          "STT",
          "Mã chỉ tiêu",
          "Chỉ tiêu",
          "Đơn vị báo cáo",
          "Phiên bản",
          "Số liệu",
          "Trạng thái",
          "Nộp muộn");
  private static final double[] PROVENANCE_WIDTHS = {6, 14, 45, 35, 10, 14, 16, 10};

  static final List<String> UNIT_HEADERS = List.of("STT", "Đơn vị", "Tình trạng", "Ghi chú");
  private static final double[] UNIT_WIDTHS = {6, 45, 18, 50};

  static final List<String> NARRATIVE_HEADERS = List.of("Mục", "Tên mục", "Nội dung");
  private static final double[] NARRATIVE_WIDTHS = {6, 30, 120};

  static final List<String> COMPLETENESS_HEADERS =
      List.of(
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
  private static final double[] COMPLETENESS_WIDTHS = {6, 50, 12, 10, 10, 10, 10, 10, 12, 24};

  static final String SHEET_SUBMISSION = "Báo cáo";
  static final String SHEET_CONSOLIDATION = "Tổng hợp";
  static final String SHEET_PROVENANCE = "Nguồn số liệu";
  static final String SHEET_UNITS = "Đơn vị thiếu, muộn, trả lại";
  static final String SHEET_NARRATIVE = "Thuyết minh";
  static final String SHEET_COMPLETENESS = "Tình hình gửi báo cáo";

  private XlsxRenderer() {}

  static void submission(ReportDocumentModel model, OutputStream out) throws IOException {
    Workbook wb = workbook(out);
    figures(wb.newWorksheet(SHEET_SUBMISSION), model, true);
    narrative(wb, model);
    wb.finish();
  }

  static void consolidation(ReportDocumentModel model, OutputStream out) throws IOException {
    Workbook wb = workbook(out);
    figures(wb.newWorksheet(SHEET_CONSOLIDATION), model, false);
    ReportDocumentModel.Consolidation c =
        model.consolidation() == null
            ? new ReportDocumentModel.Consolidation(List.of(), List.of())
            : model.consolidation();
    provenance(wb.newWorksheet(SHEET_PROVENANCE), c.provenance());
    units(wb.newWorksheet(SHEET_UNITS), c.units());
    narrative(wb, model);
    wb.finish();
  }

  static void completeness(CompletenessTableModel model, OutputStream out) throws IOException {
    Workbook wb = workbook(out);
    Worksheet ws = wb.newWorksheet(SHEET_COMPLETENESS);
    widths(ws, COMPLETENESS_WIDTHS);
    int last = COMPLETENESS_HEADERS.size() - 1;
    String title = Texts.blank(model.title()) ? "TÌNH HÌNH GỬI BÁO CÁO" : model.title();
    ws.value(0, 0, Texts.clean(title));
    ws.range(0, 0, 0, last).style().bold().fontSize(14).horizontalAlignment("center").merge().set();
    int r = info(ws, 2, model.info());
    int headerRow = r;
    header(ws, r++, COMPLETENESS_HEADERS);
    ws.freezePane(0, headerRow + 1);
    int n = 1;
    for (CompletenessTableModel.Row row : model.rows()) {
      ws.value(r, 0, n++);
      completenessRow(ws, r, row, false);
      r = flushed(ws, r + 1);
    }
    if (model.total() != null) {
      ws.value(r, 0, "");
      completenessRow(ws, r, model.total(), true);
    }
    wb.finish();
  }

  private static void completenessRow(
      Worksheet ws, int r, CompletenessTableModel.Row row, boolean total) {
    cell(ws, r, 0, null, total, "center");
    ws.value(r, 1, total && Texts.blank(row.unitName()) ? "Tổng cộng" : Texts.text(row.unitName()));
    var name = ws.style(r, 1).borderStyle("thin").wrapText(true).verticalAlignment("top");
    if (total) {
      name.bold();
    }
    if (row.depth() > 0) {
      name.indent(Math.min(row.depth(), 10));
    }
    name.set();
    int[] counts = {
      row.expected(),
      row.submitted(),
      row.onTime(),
      row.late(),
      row.missing(),
      row.returned(),
      row.accepted()
    };
    for (int i = 0; i < counts.length; i++) {
      ws.value(r, 2 + i, counts[i]);
      var s = ws.style(r, 2 + i).borderStyle("thin").format("#,##0").verticalAlignment("top");
      if (total) {
        s.bold();
      }
      s.set();
    }
    cell(ws, r, 9, row.state(), total, null);
  }

  /** The title block, the context lines and the table of figures, section by section. */
  private static void figures(Worksheet ws, ReportDocumentModel model, boolean submission) {
    List<String> headers = submission ? SUBMISSION_HEADERS : CONSOLIDATION_HEADERS;
    widths(ws, submission ? SUBMISSION_WIDTHS : CONSOLIDATION_WIDTHS);
    int last = headers.size() - 1;
    int r = 0;
    if (!Texts.blank(model.parentBody())) {
      ws.value(r++, 0, Texts.clean(model.parentBody()).toUpperCase(java.util.Locale.ROOT));
    }
    ws.value(r, 0, Texts.text(model.issuingBody()).toUpperCase(java.util.Locale.ROOT));
    ws.style(r++, 0).bold().set();
    ws.value(r++, 0, Texts.numberLine(model.number(), model.symbol()));
    r++;
    ws.value(r, 0, documentType(model));
    ws.range(r, 0, r, last).style().bold().fontSize(14).horizontalAlignment("center").merge().set();
    r++;
    if (!Texts.blank(model.subject())) {
      ws.value(r, 0, Texts.clean(model.subject()));
      ws.range(r, 0, r, last)
          .style()
          .bold()
          .wrapText(true)
          .horizontalAlignment("center")
          .merge()
          .set();
      r++;
    }
    ws.value(r, 0, Texts.placeDate(model.place(), model.date()));
    ws.range(r, 0, r, last).style().italic().horizontalAlignment("center").merge().set();
    r = info(ws, r + 2, model.info());
    int headerRow = r;
    header(ws, r++, headers);
    ws.freezePane(0, headerRow + 1);
    int s = 0;
    for (Section section : model.sections()) {
      s++;
      if (section.indicators().isEmpty()) {
        continue;
      }
      cell(ws, r, 0, Texts.roman(s), true, "center");
      ws.value(r, 1, Texts.text(section.title()));
      ws.range(r, 1, r, last).style().bold().borderStyle("thin").wrapText(true).merge().set();
      r = flushed(ws, r + 1);
      int n = 1;
      for (IndicatorRow row : section.indicators()) {
        cell(ws, r, 0, Integer.toString(n++), false, "center");
        cell(ws, r, 1, row.code(), false, null);
        cell(ws, r, 2, row.label(), false, null);
        cell(ws, r, 3, row.measurementUnit(), false, "center");
        figure(ws, r, 4, row.value());
        int c = 5;
        if (submission) {
          figure(ws, r, c++, row.computed());
          cell(ws, r, c++, row.differs() ? "Có" : null, row.differs(), "center");
        }
        cell(ws, r, c++, row.target(), false, null);
        cell(ws, r, c, row.note(), false, null);
        r = flushed(ws, r + 1);
      }
    }
  }

  private static void provenance(Worksheet ws, List<ProvenanceRow> rows) {
    widths(ws, PROVENANCE_WIDTHS);
    header(ws, 0, PROVENANCE_HEADERS);
    ws.freezePane(0, 1);
    int r = 1;
    for (ProvenanceRow p : rows) {
      ws.value(r, 0, r);
      ws.style(r, 0).borderStyle("thin").horizontalAlignment("center").set();
      cell(ws, r, 1, p.indicatorCode(), false, null);
      cell(ws, r, 2, p.indicatorLabel(), false, null);
      cell(ws, r, 3, p.unitName(), false, null);
      ws.value(r, 4, p.submissionVersion());
      ws.style(r, 4).borderStyle("thin").horizontalAlignment("center").set();
      figure(ws, r, 5, p.value());
      cell(ws, r, 6, p.status(), false, null);
      cell(ws, r, 7, p.late() ? "Có" : null, false, "center");
      r = flushed(ws, r + 1);
    }
  }

  private static void units(Worksheet ws, List<UnitNote> rows) {
    widths(ws, UNIT_WIDTHS);
    header(ws, 0, UNIT_HEADERS);
    ws.freezePane(0, 1);
    int r = 1;
    for (UnitNote u : rows) {
      ws.value(r, 0, r);
      ws.style(r, 0).borderStyle("thin").horizontalAlignment("center").set();
      cell(ws, r, 1, u.unitName(), false, null);
      cell(ws, r, 2, u.issue() == null ? null : u.issue().labelVi(), false, null);
      cell(ws, r, 3, u.note(), false, null);
      r = flushed(ws, r + 1);
    }
  }

  /** The narrative sections, one paragraph a row; only when some section has a narrative. */
  private static void narrative(Workbook wb, ReportDocumentModel model) {
    if (model.sections().stream().allMatch(s -> Texts.paragraphs(s.narrative()).isEmpty())) {
      return;
    }
    Worksheet ws = wb.newWorksheet(SHEET_NARRATIVE);
    widths(ws, NARRATIVE_WIDTHS);
    header(ws, 0, NARRATIVE_HEADERS);
    ws.freezePane(0, 1);
    int r = 1;
    int s = 0;
    for (Section section : model.sections()) {
      s++;
      List<String> paragraphs = Texts.paragraphs(section.narrative());
      if (paragraphs.isEmpty()) {
        continue;
      }
      boolean first = true;
      for (String paragraph : paragraphs) {
        for (String piece : Texts.chunks(paragraph, MAX_CELL)) {
          cell(ws, r, 0, first ? Texts.roman(s) : null, first, "center");
          cell(ws, r, 1, first ? section.title() : null, first, null);
          cell(ws, r, 2, piece, false, null);
          first = false;
          r = flushed(ws, r + 1);
        }
      }
    }
  }

  private static Workbook workbook(OutputStream out) {
    Workbook wb = new Workbook(out, "DanVan", "1.0");
    wb.setGlobalDefaultFont(FONT, 12);
    return wb;
  }

  private static String documentType(ReportDocumentModel model) {
    return Texts.blank(model.documentType())
        ? "BÁO CÁO"
        : Texts.clean(model.documentType().strip()).toUpperCase(java.util.Locale.ROOT);
  }

  private static int info(Worksheet ws, int r, List<InfoLine> lines) {
    for (InfoLine line : lines) {
      ws.value(r, 1, Texts.text(line.label()));
      ws.style(r, 1).bold().set();
      ws.value(r, 2, Texts.text(line.value()));
      r++;
    }
    return lines.isEmpty() ? r : r + 1;
  }

  private static void header(Worksheet ws, int r, List<String> headers) {
    for (int c = 0; c < headers.size(); c++) {
      ws.value(r, c, headers.get(c));
      ws.style(r, c)
          .bold()
          .wrapText(true)
          .horizontalAlignment("center")
          .verticalAlignment("center")
          .borderStyle("thin")
          .fillColor(HEADER_FILL)
          .set();
    }
  }

  private static void widths(Worksheet ws, double[] widths) {
    for (int c = 0; c < widths.length; c++) {
      ws.width(c, widths[c]);
    }
  }

  private static void cell(Worksheet ws, int r, int c, String value, boolean bold, String align) {
    if (value != null) {
      ws.value(r, c, Texts.clean(value));
    }
    var s = ws.style(r, c).borderStyle("thin").wrapText(true).verticalAlignment("top");
    if (bold) {
      s.bold();
    }
    if (align != null) {
      s.horizontalAlignment(align);
    }
    s.set();
  }

  private static void figure(Worksheet ws, int r, int c, FigureValue v) {
    if (v.number() != null) {
      ws.value(r, c, v.number());
      ws.style(r, c)
          .borderStyle("thin")
          .verticalAlignment("top")
          .format(Texts.numberFormat(v.number()))
          .set();
    } else {
      String text = v.isEmpty() ? null : v.display();
      cell(
          ws,
          r,
          c,
          text == null ? null : Texts.chunks(text, MAX_CELL).get(0),
          false,
          v.flag() != null ? "center" : null);
    }
  }

  /** Hands finished rows to the output now and then, so a long table is not held in memory. */
  private static int flushed(Worksheet ws, int next) {
    if (next % FLUSH_EVERY == 0) {
      try {
        ws.flush();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return next;
  }
}
