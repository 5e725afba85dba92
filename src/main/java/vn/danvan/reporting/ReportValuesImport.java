package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import vn.danvan.shared.sync.ImportItemResult;
import vn.danvan.shared.sync.ImportTarget;

/**
 * Imports of type {@code REPORT_VALUES} (JSON only): each item creates or updates the draft report
 * of its unit and period by the rules of {@code PUT /api/v1/report-submissions/{id}} ({@link
 * ReportSubmissionService#importValues}).
 */
@ApplicationScoped
class ReportValuesImport implements ImportTarget<ReportValuesImportItem> {

  static final String TYPE = "REPORT_VALUES";

  @Inject ReportSubmissionService submissions;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Class<ReportValuesImportItem> itemType() {
    return ReportValuesImportItem.class;
  }

  @Override
  public List<ImportItemResult> apply(List<ReportValuesImportItem> items) {
    return submissions.importValues(items);
  }
}
