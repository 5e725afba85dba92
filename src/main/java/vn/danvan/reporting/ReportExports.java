package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import vn.danvan.reporting.export.ReportDocumentModel;
import vn.danvan.reporting.export.ReportExportService;
import vn.danvan.reporting.export.ReportExportService.Format;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.error.ApiException.FieldError;
import vn.danvan.shared.persistence.OrgUnitMode;

/**
 * The documents officials send (issue 11 §8): a report, a consolidation and a completeness table as
 * XLSX, a report and a consolidation as a Decree 30/2020 DOCX. Each read follows the access rule of
 * the JSON read it exports (out of scope: 404); the model is built inside the read, the file is
 * rendered while it streams.
 */
@ApplicationScoped
public class ReportExports {

  static final String FORMAT_POINTER = "/query/format";

  @Inject ReportSubmissionService submissions;
  @Inject ReportSubmissionVersionService versions;
  @Inject ReportConsolidationService consolidations;
  @Inject ReportCompletenessService completeness;
  @Inject SubmissionDocumentMapper submissionMapper;
  @Inject ConsolidationDocumentMapper consolidationMapper;
  @Inject CompletenessTableMapper completenessMapper;
  @Inject ReportExportService export;

  /** The report's working copy, or its frozen version {@code version}, as XLSX or DOCX. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ReportDownload submission(UUID id, String format, Integer version) {
    Format f = format(format, List.of(Format.XLSX, Format.DOCX));
    ReportSubmissionResponse s = submissions.get(id);
    ReportSubmissionVersionResponse v = null;
    if (version != null) {
      if (version < 1 || version > s.versionCount()) {
        throw ApiException.invalid(
            "/query/version", "field.NUMBER_RANGE", "1", String.valueOf(s.versionCount()));
      }
      v = versions.version(id, version);
    }
    ReportDocumentModel model = submissionMapper.map(s, v);
    String[] parts = {"bao-cao", s.period(), s.orgUnitName(), v == null ? null : "v" + v.number()};
    String name =
        "Báo cáo "
            + s.period()
            + " - "
            + s.orgUnitName()
            + (v == null ? "" : " (phiên bản " + v.number() + ")")
            + "."
            + f.extension();
    return new ReportDownload(
        f,
        ReportExportService.fileName(f, parts),
        name,
        f == Format.XLSX ? export.submissionXlsx(model) : export.docx(model));
  }

  /** A consolidation version as XLSX (figures, provenance, units) or DOCX. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ReportDownload consolidation(UUID id, String format) {
    Format f = format(format, List.of(Format.XLSX, Format.DOCX));
    ReportConsolidationResponse c = consolidations.get(id);
    ReportDocumentModel model = consolidationMapper.map(c);
    String name =
        "Tổng hợp "
            + c.period()
            + " - "
            + c.collectingUnitName()
            + " (phiên bản "
            + c.number()
            + ")."
            + f.extension();
    return new ReportDownload(
        f,
        ReportExportService.fileName(
            f, "tong-hop", c.period(), c.collectingUnitName(), "v" + c.number()),
        name,
        f == Format.XLSX ? export.consolidationXlsx(model) : export.docx(model));
  }

  /** The completeness table of a period as XLSX. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ReportDownload completeness(
      UUID regimeId, String period, UUID orgUnitId, OrgUnitMode mode, String format) {
    Format f = format(format, List.of(Format.XLSX));
    ReportCompletenessResponse r = completeness.completeness(regimeId, period, orgUnitId, mode);
    return new ReportDownload(
        f,
        ReportExportService.fileName(f, "tinh-hinh-gui-bao-cao", r.period()),
        "Tình hình gửi báo cáo " + r.period() + "." + f.extension(),
        export.completenessXlsx(completenessMapper.map(r)));
  }

  /** The format asked for (XLSX when absent), one of {@code allowed}; else 400 at /query/format. */
  static Format format(String value, List<Format> allowed) {
    if (value == null || value.isBlank()) {
      return allowed.get(0);
    }
    for (Format f : allowed) {
      if (f.extension().equals(value.strip().toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    String codes = String.join(", ", allowed.stream().map(Format::extension).toList());
    throw new ApiException(
        400,
        "INVALID_PARAMETER",
        List.of(FieldError.of(FORMAT_POINTER, "field.INVALID_PARAMETER.CODE", codes)));
  }
}
