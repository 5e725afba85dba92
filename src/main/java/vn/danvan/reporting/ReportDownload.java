package vn.danvan.reporting;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import vn.danvan.reporting.export.ReportExportService;
import vn.danvan.reporting.export.ReportExportService.Format;

/**
 * A document ready to stream: everything it shows was read and checked before, so the download
 * cannot fail halfway on a problem the caller should have been told about.
 *
 * @param asciiName the file name without accents ("bao-cao-2023s1-phuong-12.xlsx")
 * @param name the Vietnamese file name ("Báo cáo 2023S1 - Phường 12.xlsx")
 */
public record ReportDownload(Format format, String asciiName, String name, StreamingOutput body) {

  /** 200 with the file, its media type, Content-Disposition (both names) and no caching. */
  public Response toResponse() {
    return Response.ok(body, format.mediaType())
        .header("Content-Disposition", ReportExportService.contentDisposition(asciiName, name))
        .header("Cache-Control", "no-store")
        .build();
  }
}
