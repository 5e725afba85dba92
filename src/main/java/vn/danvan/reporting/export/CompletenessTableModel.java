package vn.danvan.reporting.export;

import java.util.List;

/**
 * A completeness and timeliness table: per unit, the expected reports and what became of them, and
 * a total row.
 *
 * @param title the title above the table, e.g. "TÌNH HÌNH GỬI BÁO CÁO"
 * @param info context lines (regime, period, as of)
 * @param rows one row per unit, in the order to print
 * @param total the total row; optional
 */
public record CompletenessTableModel(
    String title, List<ReportDocumentModel.InfoLine> info, List<Row> rows, Row total) {

  public CompletenessTableModel {
    info = info == null ? List.of() : List.copyOf(info);
    rows = rows == null ? List.of() : List.copyOf(rows);
  }

  /**
   * One unit's counts.
   *
   * @param depth the indentation of the unit name below the unit asked for (0 for itself)
   * @param state the label of the official state of the unit's report when it has exactly one, e.g.
   *     "Hoàn thành đúng hạn"; optional
   */
  public record Row(
      String unitName,
      int depth,
      int expected,
      int submitted,
      int onTime,
      int late,
      int missing,
      int returned,
      int accepted,
      String state) {}
}
