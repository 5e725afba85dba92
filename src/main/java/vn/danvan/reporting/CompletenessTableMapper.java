package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.reporting.export.CompletenessTableModel;
import vn.danvan.reporting.export.ReportDocumentModel.InfoLine;

/** The completeness of a period as the table officials circulate: one row per expected unit. */
@ApplicationScoped
public class CompletenessTableMapper {

  @Inject ReportingRegimeRepository regimes;
  @Inject OrgUnitService units;

  public CompletenessTableModel map(ReportCompletenessResponse r) {
    String period = PeriodLabels.of(r.period());
    List<InfoLine> info = new ArrayList<>();
    ReportingRegime regime = regimes.find(r.regimeId());
    if (regime != null) {
      info.add(new InfoLine("Chế độ báo cáo", regime.name));
    }
    info.add(new InfoLine("Kỳ báo cáo", PeriodLabels.withCode(r.period())));
    PeriodCode.tryParse(r.period())
        .ifPresent(
            p -> {
              Map<UUID, String> names = units.namesOn(List.of(r.collectingUnitId()), p.start());
              String name = names.get(r.collectingUnitId());
              if (name != null) {
                info.add(new InfoLine("Đơn vị nhận báo cáo", name));
              }
            });
    info.add(new InfoLine("Tính đến ngày", ReportFigures.format(r.asOf())));

    List<CompletenessTableModel.Row> rows = new ArrayList<>();
    for (ReportCompletenessResponse.UnitCompleteness u : r.units()) {
      boolean late = Boolean.TRUE.equals(u.late());
      rows.add(
          new CompletenessTableModel.Row(
              u.unitName(),
              0,
              1,
              u.submitted() ? 1 : 0,
              u.submitted() && !late ? 1 : 0,
              late ? 1 : 0,
              u.submitted() ? 0 : 1,
              "RETURNED".equals(u.status()) ? 1 : 0,
              "ACCEPTED".equals(u.status()) ? 1 : 0,
              state(u)));
    }
    ReportCompletenessResponse.Counts t = r.totals();
    CompletenessTableModel.Row total =
        new CompletenessTableModel.Row(
            "Tổng cộng",
            0,
            t.expected(),
            t.submitted(),
            t.onTime(),
            t.late(),
            t.missing(),
            t.returned(),
            t.accepted(),
            null);
    return new CompletenessTableModel(
        "TÌNH HÌNH GỬI BÁO CÁO " + period.toUpperCase(Locale.ROOT), info, rows, total);
  }

  /**
   * The official state, with the due date while still open: "Chưa gửi, còn hạn (hạn 04/05/2023)".
   */
  private static String state(ReportCompletenessResponse.UnitCompleteness u) {
    if (u.state() == null) {
      return null;
    }
    String label = u.state().labelVi();
    if (u.state() == ReportState.IN_PROGRESS_IN_TERM && u.dueDate() != null) {
      label += " (hạn " + ReportFigures.format(u.dueDate()) + ")";
    }
    return label;
  }
}
