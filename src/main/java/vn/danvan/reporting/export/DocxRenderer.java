package vn.danvan.reporting.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import vn.danvan.reporting.export.ReportDocumentModel.IndicatorRow;
import vn.danvan.reporting.export.ReportDocumentModel.Section;
import vn.danvan.reporting.export.ReportDocumentModel.Signer;

/**
 * A report as a Word document in the layout of Decree 30/2020 (Phụ lục I): A4, Times New Roman, the
 * issuing body and number top left, quốc hiệu and tiêu ngữ top right, place and date in italics,
 * the type and trích yếu centred, the sections with their tables of figures, nơi nhận bottom left
 * and the signature block bottom right; page numbers from the second page.
 */
final class DocxRenderer {

  static final String FONT = "Times New Roman";
  static final String QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  static final String TIEU_NGU = "Độc lập - Tự do - Hạnh phúc";
  static final List<String> TABLE_HEADERS = List.of("STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu");
  static final String TARGET_HEADER = "Chỉ tiêu kế hoạch";

  // A4 in twentieths of a point; margins 20 mm top and bottom, 30 mm left, 15 mm right
  private static final int PAGE_W = 11906;
  private static final int PAGE_H = 16838;
  private static final int MARGIN_TOP = 1134;
  private static final int MARGIN_BOTTOM = 1134;
  private static final int MARGIN_LEFT = 1701;
  private static final int MARGIN_RIGHT = 850;
  static final int BODY_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT;
  // the header block reaches 300 twips into each side margin, as in the Decree's model documents
  private static final int HEAD_OUT = 300;
  private static final int HEAD_LEFT = (BODY_W + 2 * HEAD_OUT) * 9 / 20;
  private static final int HEAD_RIGHT = BODY_W + 2 * HEAD_OUT - HEAD_LEFT;
  private static final int STT_W = 850;
  private static final int FIRST_LINE = 567;

  private DocxRenderer() {}

  static void render(ReportDocumentModel model, OutputStream out) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      page(doc);
      defaults(doc);
      properties(doc, model);
      headerBlock(doc, model);
      title(doc, model);
      sections(doc, model);
      signatureBlock(doc, model);
      doc.write(out);
    }
  }

  private static void page(XWPFDocument doc) {
    CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.addNewPgSz();
    size.setW(BigInteger.valueOf(PAGE_W));
    size.setH(BigInteger.valueOf(PAGE_H));
    CTPageMar mar = sect.addNewPgMar();
    mar.setTop(BigInteger.valueOf(MARGIN_TOP));
    mar.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
    mar.setLeft(BigInteger.valueOf(MARGIN_LEFT));
    mar.setRight(BigInteger.valueOf(MARGIN_RIGHT));
    mar.setHeader(BigInteger.valueOf(567));
    mar.setFooter(BigInteger.valueOf(567));
    // page number centred at the top from the second page on; none on the first
    sect.addNewTitlePg();
    doc.createHeader(HeaderFooterType.FIRST);
    XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
    XWPFParagraph p = header.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    p.getCTP().addNewFldSimple().setInstr("PAGE");
  }

  private static void defaults(XWPFDocument doc) {
    CTFonts fonts = CTFonts.Factory.newInstance();
    fonts.setAscii(FONT);
    fonts.setHAnsi(FONT);
    fonts.setCs(FONT);
    fonts.setEastAsia(FONT);
    doc.createStyles().setDefaultFonts(fonts);
  }

  private static void properties(XWPFDocument doc, ReportDocumentModel model) {
    var core = doc.getProperties().getCoreProperties();
    core.setTitle(
        Texts.blank(model.subject())
            ? documentType(model)
            : documentType(model) + " " + Texts.clean(model.subject()));
    core.setCreator(Texts.blank(model.issuingBody()) ? "Dân Vận API" : upper(model.issuingBody()));
  }

  /** Ô 1–4 of Decree 30: issuing body and number left, quốc hiệu, tiêu ngữ and date right. */
  private static void headerBlock(XWPFDocument doc, ReportDocumentModel model) {
    XWPFTable t = table(doc, 1, new int[] {HEAD_LEFT, HEAD_RIGHT});
    t.removeBorders();
    var indent = t.getCTTbl().getTblPr().addNewTblInd();
    indent.setW(BigInteger.valueOf(-HEAD_OUT));
    indent.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth.DXA);
    XWPFTableCell left = t.getRow(0).getCell(0);
    XWPFTableCell right = t.getRow(0).getCell(1);

    XWPFParagraph p = first(left);
    if (!Texts.blank(model.parentBody())) {
      line(p, upper(model.parentBody()), 12, false, false);
      p = left.addParagraph();
    }
    line(p, upper(model.issuingBody()), 13, true, false);
    rule(left.addParagraph(), HEAD_LEFT / 3);
    p = left.addParagraph();
    p.setSpacingBefore(120);
    line(p, Texts.numberLine(model.number(), model.symbol()), 13, false, false);

    p = first(right);
    line(p, QUOC_HIEU, 12, true, false);
    p = right.addParagraph();
    line(p, TIEU_NGU, 13, true, false);
    rule(right.addParagraph(), (HEAD_RIGHT - 3400) / 2);
    p = right.addParagraph();
    p.setSpacingBefore(120);
    line(p, Texts.placeDate(model.place(), model.date()), 13, false, true);
  }

  /** Ô 5a: the type of the document and its trích yếu, centred, a short rule under them. */
  private static void title(XWPFDocument doc, ReportDocumentModel model) {
    XWPFParagraph p = doc.createParagraph();
    p.setSpacingBefore(360);
    line(p, documentType(model), 14, true, false);
    if (!Texts.blank(model.subject())) {
      line(doc.createParagraph(), Texts.clean(model.subject().strip()), 14, true, false);
    }
    rule(doc.createParagraph(), BODY_W * 3 / 8);
    doc.createParagraph().setSpacingAfter(120);
  }

  /** Ô 6: the sections, numbered I, II …, each with its narrative and its table of figures. */
  private static void sections(XWPFDocument doc, ReportDocumentModel model) {
    int n = 0;
    int count = model.sections().size();
    for (Section section : model.sections()) {
      n++;
      XWPFParagraph h = body(doc.createParagraph());
      h.setSpacingBefore(120);
      h.setKeepNext(true);
      run(h, Texts.roman(n) + ". " + upper(section.title()), 14, true, false);
      List<String> paragraphs = Texts.paragraphs(section.narrative());
      boolean closesDocument = n == count && section.indicators().isEmpty();
      for (int i = 0; i < paragraphs.size(); i++) {
        String text = paragraphs.get(i);
        if (closesDocument && i == paragraphs.size() - 1 && !text.endsWith("./.")) {
          text = (text.endsWith(".") ? text.substring(0, text.length() - 1) : text) + "./.";
        }
        XWPFParagraph p = body(doc.createParagraph());
        // the closing paragraph stays on the page of the signature
        p.setKeepNext(closesDocument && i == paragraphs.size() - 1);
        run(p, text, 14, false, false);
      }
      if (!section.indicators().isEmpty()) {
        figures(doc, section.indicators());
      }
    }
  }

  /** The table of figures of a section: STT | Chỉ tiêu | Đơn vị tính | Số liệu (| target). */
  private static void figures(XWPFDocument doc, List<IndicatorRow> rows) {
    boolean targets = rows.stream().anyMatch(r -> !Texts.blank(r.target()));
    int[] widths =
        targets
            ? new int[] {STT_W, BODY_W - STT_W - 1400 - 1600 - 1700, 1400, 1600, 1700}
            : new int[] {STT_W, BODY_W - STT_W - 1600 - 1800, 1600, 1800};
    XWPFTable t = table(doc, rows.size() + 1, widths);
    XWPFTableRow head = t.getRow(0);
    head.setRepeatHeader(true);
    head.setCantSplitRow(true);
    List<String> headers = new ArrayList<>(TABLE_HEADERS);
    if (targets) {
      headers.add(TARGET_HEADER);
    }
    for (int c = 0; c < headers.size(); c++) {
      cellText(head.getCell(c), headers.get(c), true, ParagraphAlignment.CENTER);
    }
    int i = 1;
    for (IndicatorRow row : rows) {
      XWPFTableRow r = t.getRow(i);
      r.setCantSplitRow(true);
      cellText(r.getCell(0), Integer.toString(i), false, ParagraphAlignment.CENTER);
      cellText(r.getCell(1), Texts.text(row.label()), false, ParagraphAlignment.LEFT);
      cellText(r.getCell(2), Texts.text(row.measurementUnit()), false, ParagraphAlignment.CENTER);
      cellText(
          r.getCell(3),
          row.value().display(),
          false,
          row.value().number() != null
              ? ParagraphAlignment.RIGHT
              : row.value().flag() != null ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
      if (targets) {
        cellText(r.getCell(4), Texts.text(row.target()), false, ParagraphAlignment.CENTER);
      }
      i++;
    }
    doc.createParagraph().setSpacingAfter(0);
  }

  /** Ô 9 and 7: nơi nhận left, the signer's authority, title and name right. */
  private static void signatureBlock(XWPFDocument doc, ReportDocumentModel model) {
    XWPFParagraph gap = doc.createParagraph();
    gap.setSpacingAfter(0); // creates the paragraph properties setKeepNext needs
    gap.setKeepNext(true);
    XWPFTable t = table(doc, 1, new int[] {BODY_W / 2, BODY_W - BODY_W / 2});
    t.removeBorders();
    t.getRow(0).setCantSplitRow(true);
    XWPFTableCell left = t.getRow(0).getCell(0);
    XWPFTableCell right = t.getRow(0).getCell(1);

    XWPFParagraph p = first(left);
    p.setAlignment(ParagraphAlignment.LEFT);
    if (!model.recipients().isEmpty()) {
      run(p, "Nơi nhận:", 12, true, true);
      List<String> lines = new ArrayList<>();
      for (String recipient : model.recipients()) {
        String r = Texts.text(recipient).strip().replaceFirst("^[-–•]\\s*", "");
        r = r.replaceFirst("[;.,]+$", "");
        if (!r.isEmpty()) {
          lines.add(r);
        }
      }
      for (int i = 0; i < lines.size(); i++) {
        XWPFParagraph q = left.addParagraph();
        q.setAlignment(ParagraphAlignment.LEFT);
        run(q, "- " + lines.get(i) + (i == lines.size() - 1 ? "." : ";"), 11, false, false);
      }
    }

    Signer signer = model.signer();
    p = first(right);
    if (signer != null) {
      boolean any = false;
      if (!Texts.blank(signer.authority())) {
        line(p, upper(signer.authority()), 14, true, false);
        any = true;
      }
      if (!Texts.blank(signer.title())) {
        line(any ? right.addParagraph() : p, upper(signer.title()), 14, true, false);
        any = true;
      }
      for (int i = 0; i < 4; i++) {
        right.addParagraph();
      }
      if (!Texts.blank(signer.name())) {
        line(right.addParagraph(), Texts.clean(signer.name().strip()), 14, true, false);
      }
    }
  }

  private static XWPFTable table(XWPFDocument doc, int rows, int[] widths) {
    XWPFTable t = doc.createTable(rows, widths.length);
    t.setWidthType(TableWidthType.DXA);
    t.setWidth(Integer.toString(sum(widths)));
    var tblPr = t.getCTTbl().getTblPr();
    (tblPr.isSetTblLayout() ? tblPr.getTblLayout() : tblPr.addNewTblLayout())
        .setType(STTblLayoutType.FIXED);
    var grid =
        t.getCTTbl().getTblGrid() == null
            ? t.getCTTbl().addNewTblGrid()
            : t.getCTTbl().getTblGrid();
    for (int c = 0; c < widths.length; c++) {
      var col = c < grid.sizeOfGridColArray() ? grid.getGridColArray(c) : grid.addNewGridCol();
      col.setW(BigInteger.valueOf(widths[c]));
    }
    for (XWPFTableRow row : t.getRows()) {
      for (int c = 0; c < widths.length; c++) {
        XWPFTableCell cell = row.getCell(c);
        cell.setWidthType(TableWidthType.DXA);
        cell.setWidth(Integer.toString(widths[c]));
      }
    }
    return t;
  }

  private static int sum(int[] values) {
    int s = 0;
    for (int v : values) {
      s += v;
    }
    return s;
  }

  private static void cellText(
      XWPFTableCell cell, String text, boolean bold, ParagraphAlignment align) {
    cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
    XWPFParagraph p = first(cell);
    p.setAlignment(align);
    run(p, text, 13, bold, false);
  }

  /** The first (empty) paragraph of a new cell, with no space around it. */
  private static XWPFParagraph first(XWPFTableCell cell) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    p.setSpacingAfter(0);
    return p;
  }

  /** A centred line with no space after it. */
  private static void line(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
    p.setAlignment(ParagraphAlignment.CENTER);
    p.setSpacingAfter(0);
    run(p, text, size, bold, italic);
  }

  /** A body paragraph: justified, first line indented, 6 pt after, line spacing 1.15. */
  private static XWPFParagraph body(XWPFParagraph p) {
    p.setAlignment(ParagraphAlignment.BOTH);
    p.setFirstLineIndent(FIRST_LINE);
    p.setSpacingAfter(120);
    p.setSpacingBetween(1.15, LineSpacingRule.AUTO);
    return p;
  }

  /** A short horizontal rule: an empty paragraph with a bottom border, indented on both sides. */
  private static void rule(XWPFParagraph p, int indent) {
    p.setSpacingAfter(0);
    p.setSpacingBetween(1.0, LineSpacingRule.AUTO);
    p.setIndentationLeft(indent);
    p.setIndentationRight(indent);
    p.setBorderBottom(Borders.SINGLE);
    var border = p.getCTP().getPPr().getPBdr().getBottom();
    border.setSz(BigInteger.valueOf(6));
    border.setSpace(BigInteger.ONE);
    border.setColor("auto");
    XWPFRun r = p.createRun();
    r.setFontSize(2);
  }

  /** A run of text in the document font; line breaks in the text become breaks in the run. */
  private static void run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
    XWPFRun r = p.createRun();
    r.setFontFamily(FONT);
    r.setFontSize(size);
    r.setBold(bold);
    r.setItalic(italic);
    String[] lines = Texts.text(text).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        r.addBreak();
      }
      r.setText(lines[i]);
    }
  }

  private static String documentType(ReportDocumentModel model) {
    return Texts.blank(model.documentType()) ? "BÁO CÁO" : upper(model.documentType());
  }

  private static String upper(String s) {
    return Texts.text(s).strip().toUpperCase(Locale.ROOT);
  }
}
