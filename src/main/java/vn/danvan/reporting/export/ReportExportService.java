package vn.danvan.reporting.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The documents officials send, rendered from a {@link ReportDocumentModel} or a {@link
 * CompletenessTableModel}: spreadsheets of a submission, a consolidation (with its provenance) and
 * a completeness table, and the Word document of a report in the layout of Decree 30/2020.
 *
 * <p>Pure: reads nothing, writes nothing but the output. Text is cleaned of the characters XML
 * cannot carry, so no input produces a corrupt file.
 */
@ApplicationScoped
public class ReportExportService {

  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  /** One of the two file formats, with its media type and file extension. */
  public enum Format {
    XLSX(ReportExportService.XLSX, "xlsx"),
    DOCX(ReportExportService.DOCX, "docx");

    private final String mediaType;
    private final String extension;

    Format(String mediaType, String extension) {
      this.mediaType = mediaType;
      this.extension = extension;
    }

    public String mediaType() {
      return mediaType;
    }

    public String extension() {
      return extension;
    }
  }

  /** A submission: the figures sheet ("Báo cáo") and the narrative ("Thuyết minh"). */
  public StreamingOutput submissionXlsx(ReportDocumentModel model) {
    return out -> XlsxRenderer.submission(model, out);
  }

  /**
   * A consolidation: the consolidated figures ("Tổng hợp"), their provenance ("Nguồn số liệu"), the
   * missing, late and returned units, and the narrative if any.
   */
  public StreamingOutput consolidationXlsx(ReportDocumentModel model) {
    return out -> XlsxRenderer.consolidation(model, out);
  }

  /** The completeness and timeliness table ("Tình hình gửi báo cáo"). */
  public StreamingOutput completenessXlsx(CompletenessTableModel model) {
    return out -> XlsxRenderer.completeness(model, out);
  }

  /** The report (a submission or a consolidation) as a Decree 30/2020 Word document. */
  public StreamingOutput docx(ReportDocumentModel model) {
    return out -> DocxRenderer.render(model, out);
  }

  /** The whole file in memory, for tests and small documents. */
  public static byte[] bytes(StreamingOutput output) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      output.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes the whole file to a stream. */
  public static void write(StreamingOutput output, OutputStream out) throws IOException {
    output.write(out);
  }

  /**
   * A file name without accents from the given parts, e.g. ("bao-cao", "2023S1", "Phường 12") and
   * XLSX give "bao-cao-2023s1-phuong-12.xlsx".
   */
  public static String fileName(Format format, String... parts) {
    StringBuilder b = new StringBuilder();
    for (String part : parts) {
      if (!Texts.blank(part)) {
        if (!b.isEmpty()) {
          b.append('-');
        }
        b.append(Texts.slug(part));
      }
    }
    String stem = b.isEmpty() ? "bao-cao" : b.toString();
    if (stem.length() > 120) {
      stem = stem.substring(0, 120).replaceAll("-+$", "");
    }
    return stem + "." + format.extension();
  }

  /**
   * The Content-Disposition header of a download: the ASCII name for every client and the
   * Vietnamese name (RFC 6266 / 5987 {@code filename*}) for those that read it.
   */
  public static String contentDisposition(String asciiName, String vietnameseName) {
    String header = "attachment; filename=\"" + asciiName + "\"";
    if (!Texts.blank(vietnameseName)) {
      String encoded =
          URLEncoder.encode(Texts.clean(vietnameseName), StandardCharsets.UTF_8)
              .replace("+", "%20")
              .replace("*", "%2A");
      header += "; filename*=UTF-8''" + encoded;
    }
    return header;
  }
}
