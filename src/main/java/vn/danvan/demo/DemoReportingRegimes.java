package vn.danvan.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.orgunit.OrgUnitKind;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.reporting.DueDateKind;
import vn.danvan.reporting.RegimeCutOff;
import vn.danvan.reporting.RegimeDateRule;
import vn.danvan.reporting.RegimeLevelRule;
import vn.danvan.reporting.RegimeTransitionRequest;
import vn.danvan.reporting.ReportingFrequency;
import vn.danvan.reporting.ReportingRegimeAction;
import vn.danvan.reporting.ReportingRegimeRequest;
import vn.danvan.reporting.ReportingRegimeResponse;
import vn.danvan.reporting.ReportingRegimeService;
import vn.danvan.reporting.ReportingUnitTargets;
import vn.danvan.reporting.ReportingUnitsSpec;
import vn.danvan.shared.logging.BulkLoad;

/**
 * The reporting regimes of the demo, in force, on Bộ Nội vụ's template:
 *
 * <ul>
 *   <li>Gò Vấp's KH 847/KH-UBND (2023): the 6-month report before 05/5 and the annual report before
 *       05/11, two regimes (one frequency each). Its window closes on the 14th two months before
 *       the period's end (14/4, 14/10); the 16 wards of the district and four departments send
 *       theirs to Phòng Nội vụ by the 3rd, which consolidates by the 5th; the data lock on the
 *       15th.
 *   <li>TP Hồ Chí Minh from 2026 (open-ended), half-yearly: the communes of the city send their
 *       reports to Sở Nội vụ three working days after the Decree 09 cut-off (14/6, 14/12), the city
 *       consolidates by the 20th, the data lock on the 5th of the next month.
 * </ul>
 */
@ApplicationScoped
class DemoReportingRegimes implements DemoStep {

  /** Gò Vấp, KH 847/KH-UBND: the 6-month report of 2023. */
  static final UUID GO_VAP_847_SEMI_ANNUAL =
      UUID.fromString("00000000-0000-4b0d-9023-764000000001");

  /** Gò Vấp, KH 847/KH-UBND: the annual report of 2023. */
  static final UUID GO_VAP_847_ANNUAL = UUID.fromString("00000000-0000-4b0d-9023-764000000002");

  /** TP Hồ Chí Minh: the half-yearly report of its communes, from 2026. */
  static final UUID HCM_SEMI_ANNUAL = UUID.fromString("00000000-0000-4b0d-9026-079000000001");

  private static final Logger LOG = Logger.getLogger(DemoReportingRegimes.class);

  @Inject ReportingRegimeService regimes;

  @Inject BulkLoad bulkLoad;

  @Override
  public void loadIfAbsent() {
    boolean present =
        QuarkusTransaction.requiringNew().call(() -> regimes.exists(GO_VAP_847_SEMI_ANNUAL));
    if (!present) {
      bulkLoad.run(LOG, "Demo reporting regimes", this::build);
    }
  }

  private void build() {
    UUID goVap = UnitIds.district("764");
    UUID hcm = UnitIds.province("79");
    RegimeCutOff kh847 = new RegimeCutOff(-1, 15, -2, 14, null);
    List<RegimeLevelRule> goVapLevels =
        List.of(dayOfMonth("COMMUNE", 1, 3), dayOfMonth("DISTRICT", 1, 5));
    ReportingUnitsSpec goVapUnits =
        new ReportingUnitsSpec(
            ReportingUnitTargets.CHILD_UNITS_OF_KIND,
            OrgUnitKind.COMMUNE,
            goVap,
            List.of(
                UnitIds.department(goVap, "VAN_PHONG"),
                UnitIds.department(goVap, "THANH_TRA"),
                UnitIds.department(goVap, "TNMT"),
                UnitIds.department(goVap, "QLDT")));
    activate(
        GO_VAP_847_SEMI_ANNUAL,
        new ReportingRegimeRequest(
            "KH847-GV-2023-6T",
            "Báo cáo 6 tháng đầu năm 2023 về công tác dân vận chính quyền (Kế hoạch 847/KH-UBND quận Gò Vấp)",
            DemoReportTemplates.BAO_CAO_DAN_VAN_CHINH_QUYEN,
            1,
            ReportingFrequency.SEMI_ANNUAL,
            "2023S1",
            "2023S1",
            DemoDirectives.KH_847_GO_VAP,
            kh847,
            goVapLevels,
            new RegimeDateRule(DueDateKind.DAY_OF_MONTH, 1, 15, null),
            UnitIds.department(goVap, "NOI_VU"),
            goVapUnits),
        "Kế hoạch số 847/KH-UBND ngày 10/3/2023: báo cáo 6 tháng trước ngày 05 tháng 5");
    activate(
        GO_VAP_847_ANNUAL,
        new ReportingRegimeRequest(
            "KH847-GV-2023-NAM",
            "Báo cáo năm 2023 về công tác dân vận chính quyền (Kế hoạch 847/KH-UBND quận Gò Vấp)",
            DemoReportTemplates.BAO_CAO_DAN_VAN_CHINH_QUYEN,
            1,
            ReportingFrequency.ANNUAL,
            "2023",
            "2023",
            DemoDirectives.KH_847_GO_VAP,
            kh847,
            goVapLevels,
            new RegimeDateRule(DueDateKind.DAY_OF_MONTH, 1, 15, null),
            UnitIds.department(goVap, "NOI_VU"),
            goVapUnits),
        "Kế hoạch số 847/KH-UBND ngày 10/3/2023: báo cáo năm trước ngày 05 tháng 11");
    activate(
        HCM_SEMI_ANNUAL,
        new ReportingRegimeRequest(
            "BC-DVCQ-HCM-6T",
            "Báo cáo 6 tháng công tác dân vận chính quyền của các xã, phường, đặc khu Thành phố Hồ Chí Minh",
            DemoReportTemplates.BAO_CAO_DAN_VAN_CHINH_QUYEN,
            1,
            ReportingFrequency.SEMI_ANNUAL,
            "2026S1",
            null,
            DemoDirectives.KH_246_HCM,
            null,
            List.of(
                new RegimeLevelRule("COMMUNE", DueDateKind.WORKING_DAYS_AFTER, null, null, 3),
                dayOfMonth("PROVINCE", 0, 20)),
            new RegimeDateRule(DueDateKind.DAY_OF_MONTH, 1, 5, null),
            UnitIds.department(hcm, "NOI_VU"),
            new ReportingUnitsSpec(
                ReportingUnitTargets.CHILD_UNITS_OF_KIND, OrgUnitKind.COMMUNE, hcm, List.of())),
        "Chế độ báo cáo 6 tháng của cấp xã từ năm 2026 (dữ liệu mẫu)");
  }

  private void activate(UUID id, ReportingRegimeRequest request, String reason) {
    ReportingRegimeResponse created = regimes.create(id, request);
    regimes.transition(
        id, created.version(), new RegimeTransitionRequest(ReportingRegimeAction.ACTIVATE, reason));
  }

  private static RegimeLevelRule dayOfMonth(String level, int monthsAfter, int day) {
    return new RegimeLevelRule(level, DueDateKind.DAY_OF_MONTH, monthsAfter, day, null);
  }
}
