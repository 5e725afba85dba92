package vn.danvan.reporting.export;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Reading exported XLSX and DOCX files back with POI, for the tests of the exports. */
public final class OfficeFiles {

  private OfficeFiles() {}

  public static XSSFWorkbook xlsx(StreamingOutput output) throws IOException {
    return xlsx(ReportExportService.bytes(output));
  }

  public static XSSFWorkbook xlsx(byte[] bytes) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  public static XWPFDocument docx(StreamingOutput output) throws IOException {
    return docx(ReportExportService.bytes(output));
  }

  public static XWPFDocument docx(byte[] bytes) throws IOException {
    return new XWPFDocument(new ByteArrayInputStream(bytes));
  }

  public static List<String> sheetNames(XSSFWorkbook wb) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
      names.add(wb.getSheetName(i));
    }
    return names;
  }

  public static String text(Sheet s, int row, int col) {
    return cellText(s.getRow(row).getCell(col));
  }

  public static String cellText(Cell c) {
    if (c == null) {
      return "";
    }
    return switch (c.getCellType()) {
      case NUMERIC -> {
        double v = c.getNumericCellValue();
        yield v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
      }
      case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
      default -> c.getStringCellValue();
    };
  }

  public static List<String> texts(Row r) {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < r.getLastCellNum(); c++) {
      out.add(cellText(r.getCell(c)));
    }
    return out;
  }

  public static List<String> column(Sheet s, int col) {
    List<String> out = new ArrayList<>();
    for (Row r : s) {
      out.add(cellText(r.getCell(col)));
    }
    return out;
  }

  public static Row find(Sheet s, int col, String value) {
    for (Row r : s) {
      if (value.equals(cellText(r.getCell(col)))) {
        return r;
      }
    }
    throw new AssertionError(
        "no row with " + value + " in column " + col + " of " + s.getSheetName());
  }

  /** Every non-blank paragraph of the document, table cells included, in reading order. */
  public static List<String> texts(XWPFDocument d) {
    List<String> out = new ArrayList<>();
    for (IBodyElement e : d.getBodyElements()) {
      if (e instanceof XWPFParagraph p) {
        add(out, p.getText());
      } else if (e instanceof XWPFTable t) {
        for (XWPFTableRow row : t.getRows()) {
          for (XWPFTableCell cell : row.getTableCells()) {
            cellTexts(cell).forEach(text -> add(out, text));
          }
        }
      }
    }
    return out;
  }

  public static void add(List<String> out, String text) {
    if (text != null && !text.isBlank()) {
      out.add(text);
    }
  }

  public static List<String> cellTexts(XWPFTableCell cell) {
    List<String> out = new ArrayList<>();
    for (XWPFParagraph p : cell.getParagraphs()) {
      add(out, p.getText());
    }
    return out;
  }

  public static List<String> rowTexts(XWPFTableRow row) {
    return row.getTableCells().stream().map(XWPFTableCell::getText).toList();
  }

  public static XWPFParagraph paragraph(XWPFDocument d, String text) {
    return d.getParagraphs().stream()
        .filter(p -> text.equals(p.getText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no paragraph " + text));
  }
}
