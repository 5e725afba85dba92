package vn.danvan.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.reporting.ConsolidationRequest;
import vn.danvan.reporting.ReportConsolidationService;
import vn.danvan.reporting.ReportSubmissionAction;
import vn.danvan.reporting.ReportSubmissionCreateRequest;
import vn.danvan.reporting.ReportSubmissionResponse;
import vn.danvan.reporting.ReportSubmissionService;
import vn.danvan.reporting.ReportSubmissionTransitionRequest;
import vn.danvan.reporting.ReportSubmissionUpdateRequest;
import vn.danvan.reporting.ReportSubmissionWorkflow;
import vn.danvan.reporting.ReportingPeriodResponse;
import vn.danvan.reporting.ReportingPeriodService;
import vn.danvan.reporting.SubmissionValueResponse;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.logging.BulkLoad;
import vn.danvan.shared.time.BusinessTime;

/**
 * The reports of the demo regimes, made on the days they would have been:
 *
 * <ul>
 *   <li>Gò Vấp's KH 847/KH-UBND, 6-month report of 2023 (2023S1): of the 20 expected units, most
 *       send on time and are accepted by Phòng Nội vụ, two send late, one is returned for a wrong
 *       figure and sent again, one waits for Phòng Nội vụ's decision, one stays a draft, one never
 *       sends; Phòng Nội vụ consolidates the accepted reports, and the district's own report, made
 *       from that consolidation, is sent on the 5th;
 *   <li>the annual report of 2023: every unit sends, a few late, all accepted and consolidated;
 *   <li>TP Hồ Chí Minh's half-yearly report of 2026 (2026S1): a few communes sent, the rest are
 *       overdue today.
 * </ul>
 *
 * The figures the system knows are prefilled from the demo reception book and tasks; the others
 * (administrative reform, conferences) are made up from a seed, the same on every start.
 */
@ApplicationScoped
class DemoReportSubmissions implements DemoStep {

  private static final Logger LOG = Logger.getLogger(DemoReportSubmissions.class);

  private static final String S1_2023 = "2023S1";
  private static final String YEAR_2023 = "2023";
  private static final String S1_2026 = "2026S1";

  /** How the unit at a position of the expected list behaves in 2023S1. */
  private enum Fate {
    ON_TIME,
    LATE,
    RETURNED_AND_RESENT,
    AWAITING_DECISION,
    DRAFT_ONLY,
    MISSING
  }

  @Inject ReportSubmissionService submissions;
  @Inject ReportSubmissionWorkflow workflow;
  @Inject ReportingPeriodService periods;
  @Inject ReportConsolidationService consolidations;
  @Inject BulkLoad bulkLoad;

  @Override
  public void loadIfAbsent() {
    boolean present =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    submissions.anyFor(DemoReportingRegimes.GO_VAP_847_SEMI_ANNUAL, S1_2023)
                        || submissions.anyFor(DemoReportingRegimes.GO_VAP_847_ANNUAL, YEAR_2023));
    if (!present) {
      bulkLoad.run(LOG, "Demo report submissions", this::build);
    }
  }

  private void build() {
    Random rnd = new Random(847_2023L);
    semiAnnual2023(rnd);
    annual2023(rnd);
    hcm2026(rnd);
  }

  private void semiAnnual2023(Random rnd) {
    ReportingPeriodResponse p =
        periods.period(DemoReportingRegimes.GO_VAP_847_SEMI_ANNUAL, S1_2023);
    List<ReportingPeriodResponse.ExpectedUnit> units = p.expectedUnits();
    for (int i = 0; i < units.size(); i++) {
      Fate fate =
          switch (i) {
            case 3, 11 -> Fate.LATE;
            case 5 -> Fate.RETURNED_AND_RESENT;
            case 8 -> Fate.AWAITING_DECISION;
            case 14 -> Fate.DRAFT_ONLY;
            case 17 -> Fate.MISSING;
            default -> Fate.ON_TIME;
          };
      report(p, units.get(i).unitId(), fate, rnd);
    }
    // Phòng Nội vụ consolidates what it accepted; the district's own report starts from it
    consolidations.create(new ConsolidationRequest(p.regimeId(), p.code(), null, false));
    districtsOwnReport(p, rnd);
  }

  /**
   * The district's own report (UBND quận Gò Vấp, the last level of the chain), prefilled from the
   * consolidation of its units' reports, sent on its due date.
   */
  private void districtsOwnReport(ReportingPeriodResponse p, Random rnd) {
    LocalDate due = p.dueDates().getLast().dueDate();
    ReportSubmissionResponse s =
        submissions.create(
            new ReportSubmissionCreateRequest(
                p.regimeId(), p.code(), UnitIds.district("764"), null),
            at(due.minusDays(1), 8));
    Map<String, JsonNode> missing = new HashMap<>(values(s, rnd));
    missing.keySet().removeIf(code -> present(s, code));
    ReportSubmissionResponse filled =
        submissions.update(
            s.id(),
            s.version(),
            new ReportSubmissionUpdateRequest(missing, narratives(p), null, null));
    try {
      transition(filled, ReportSubmissionAction.SUBMIT, null, at(due, 10));
    } catch (ApiException e) {
      // the demo's own mistake: name the figures, not a bare code
      throw new IllegalStateException("District report refused: " + e.errors(), e);
    }
  }

  private void annual2023(Random rnd) {
    ReportingPeriodResponse p = periods.period(DemoReportingRegimes.GO_VAP_847_ANNUAL, YEAR_2023);
    List<ReportingPeriodResponse.ExpectedUnit> units = p.expectedUnits();
    for (int i = 0; i < units.size(); i++) {
      report(p, units.get(i).unitId(), i % 7 == 2 ? Fate.LATE : Fate.ON_TIME, rnd);
    }
    consolidations.create(new ConsolidationRequest(p.regimeId(), p.code(), null, false));
  }

  private void hcm2026(Random rnd) {
    ReportingPeriodResponse p = periods.period(DemoReportingRegimes.HCM_SEMI_ANNUAL, S1_2026);
    List<ReportingPeriodResponse.ExpectedUnit> units = p.expectedUnits();
    // the last two communes have not reported: overdue today
    for (int i = 0; i < units.size() - 2; i++) {
      Fate fate =
          switch (i) {
            case 2 -> Fate.LATE;
            case 1 -> Fate.DRAFT_ONLY;
            case 3 -> Fate.AWAITING_DECISION;
            default -> Fate.ON_TIME;
          };
      report(p, units.get(i).unitId(), fate, rnd);
    }
  }

  /** One unit's report of the period, made and decided as {@code fate} says. */
  private void report(ReportingPeriodResponse p, UUID unit, Fate fate, Random rnd) {
    if (fate == Fate.MISSING) {
      return;
    }
    LocalDate due = p.dueDates().getFirst().dueDate();
    Instant drafted = at(due.minusDays(6), 8);
    ReportSubmissionResponse s =
        submissions.create(
            new ReportSubmissionCreateRequest(p.regimeId(), p.code(), unit, null), drafted);
    s =
        submissions.update(
            s.id(),
            s.version(),
            new ReportSubmissionUpdateRequest(values(s, rnd), narratives(p), null, null));
    if (fate == Fate.DRAFT_ONLY) {
      return;
    }
    LocalDate sent =
        fate == Fate.LATE ? due.plusDays(2 + rnd.nextInt(4)) : due.minusDays(rnd.nextInt(4));
    s = transition(s, ReportSubmissionAction.SUBMIT, null, at(sent, 9 + rnd.nextInt(7)));
    if (fate == Fate.RETURNED_AND_RESENT) {
      s =
          transition(
              s,
              ReportSubmissionAction.RETURN,
              "Số hội nghị chưa khớp với danh sách hội nghị kèm theo báo cáo; đề nghị rà soát, gửi lại.",
              at(sent.plusDays(1), 14));
      Map<String, JsonNode> fix = new HashMap<>();
      fix.put("HN_SO_HOI_NGHI", LongNode.valueOf(2 + rnd.nextInt(3)));
      s =
          submissions.update(
              s.id(), s.version(), new ReportSubmissionUpdateRequest(fix, Map.of(), null, null));
      s = transition(s, ReportSubmissionAction.SUBMIT, null, at(sent.plusDays(2), 10));
    }
    if (fate == Fate.AWAITING_DECISION) {
      return;
    }
    transition(
        s, ReportSubmissionAction.ACCEPT, null, at(due.plusDays(fate == Fate.LATE ? 7 : 1), 15));
  }

  private ReportSubmissionResponse transition(
      ReportSubmissionResponse s, ReportSubmissionAction action, String comment, Instant at) {
    return workflow.transition(
        s.id(), s.version(), new ReportSubmissionTransitionRequest(action, comment), at);
  }

  /**
   * The figures the system does not know, made up: dossiers received and on time, satisfaction,
   * conferences, people reached, models of "Dân vận khéo"; the resolution rate from the cases.
   */
  private static Map<String, JsonNode> values(ReportSubmissionResponse s, Random rnd) {
    Map<String, JsonNode> v = new LinkedHashMap<>();
    v.put("CCHC_HS_TIEP_NHAN", LongNode.valueOf(300 + rnd.nextInt(1500)));
    v.put("CCHC_HS_DUNG_HAN", percent(97 + rnd.nextInt(30) / 10.0));
    v.put("CCHC_SIPAS", percent(82 + rnd.nextInt(120) / 10.0));
    v.put("HN_SO_HOI_NGHI", LongNode.valueOf(1 + rnd.nextInt(6)));
    v.put("HN_NGUOI_THAM_DU", LongNode.valueOf(80 + rnd.nextInt(400)));
    v.put("HN_DOI_THOAI", LongNode.valueOf(rnd.nextInt(3)));
    v.put("HN_NGUOI_DUOC_TIEP_CAN", LongNode.valueOf(500 + rnd.nextInt(5000)));
    v.put("DVK_MO_HINH", LongNode.valueOf(rnd.nextInt(4)));
    v.put("HN_NHAN_DAN_KHU_PHO", BooleanNode.valueOf(rnd.nextInt(5) > 0));
    if (s.period().startsWith("2023")) {
      // the demo reception book starts in 2025: the units enter their 2023 figures from their own
      // books, and the report shows them beside the (empty) computed ones
      received(v, rnd);
    }
    long accepted =
        v.containsKey("KNTC_THU_LY") ? v.get("KNTC_THU_LY").asLong() : number(s, "KNTC_THU_LY");
    long onTime =
        v.containsKey("KNTC_DUNG_HAN")
            ? v.get("KNTC_DUNG_HAN").asLong()
            : number(s, "KNTC_DUNG_HAN");
    v.put(
        "KNTC_TY_LE_GIAI_QUYET",
        accepted == 0
            ? percent(100)
            : percent(Math.min(100.0, Math.round(1000.0 * onTime / accepted) / 10.0)));
    return v;
  }

  /** Reception figures of a 6-month or annual report, consistent with each other. */
  private static void received(Map<String, JsonNode> v, Random rnd) {
    int visits = 20 + rnd.nextInt(60);
    int complaints = rnd.nextInt(visits / 4 + 1);
    int denunciations = rnd.nextInt(visits / 8 + 1);
    int accepted = 2 + rnd.nextInt(9);
    int resolved = accepted - rnd.nextInt(3);
    v.put("TCD_LUOT", LongNode.valueOf(visits));
    v.put("TCD_NGUOI", LongNode.valueOf(visits + rnd.nextInt(20)));
    v.put("TCD_DOAN_DONG_NGUOI", LongNode.valueOf(rnd.nextInt(3)));
    v.put("TCD_KHIEU_NAI", LongNode.valueOf(complaints));
    v.put("TCD_TO_CAO", LongNode.valueOf(denunciations));
    v.put("TCD_KIEN_NGHI_PHAN_ANH", LongNode.valueOf(visits - complaints - denunciations));
    v.put("TCD_NGAY_NGUOI_DUNG_DAU", LongNode.valueOf(22 + rnd.nextInt(5)));
    v.put("KNTC_THU_LY", LongNode.valueOf(accepted));
    v.put("KNTC_DA_GIAI_QUYET", LongNode.valueOf(resolved));
    v.put("KNTC_DUNG_HAN", LongNode.valueOf(Math.max(0, resolved - rnd.nextInt(2))));
  }

  private static Map<String, String> narratives(ReportingPeriodResponse p) {
    Map<String, String> n = new LinkedHashMap<>();
    n.put(
        "KET_QUA",
        "Ủy ban nhân dân đã ban hành kế hoạch triển khai công tác dân vận chính quyền trong kỳ báo cáo"
            + "; duy trì tiếp công dân định kỳ, giải quyết kịp thời kiến nghị, phản ánh của Nhân dân."
            + "\n\nCông tác cải cách hành chính được đẩy mạnh; hồ sơ giải quyết đúng hạn đạt tỷ lệ cao.");
    n.put(
        "TON_TAI",
        "Một số kiến nghị liên quan đến đất đai còn kéo dài; việc cập nhật kết quả trên hệ thống có"
            + " lúc chưa kịp thời.");
    n.put(
        "PHUONG_HUONG",
        "Tiếp tục nâng cao chất lượng tiếp công dân, đối thoại với Nhân dân; nhân rộng mô hình \"Dân vận"
            + " khéo\".");
    n.put("DE_XUAT", "Đề nghị cấp trên tổ chức tập huấn nghiệp vụ công tác dân vận chính quyền.");
    return n;
  }

  private static boolean present(ReportSubmissionResponse s, String code) {
    SubmissionValueResponse value = s.values().get(code);
    return value != null && value.value() != null && !value.value().isNull();
  }

  private static long number(ReportSubmissionResponse s, String code) {
    SubmissionValueResponse value = s.values().get(code);
    return value == null || value.value() == null || !value.value().isNumber()
        ? 0
        : value.value().asLong();
  }

  private static JsonNode percent(double value) {
    return DecimalNode.valueOf(BigDecimal.valueOf(value));
  }

  private static Instant at(LocalDate day, int hour) {
    return day.atTime(LocalTime.of(hour, 30)).atZone(BusinessTime.ZONE).toInstant();
  }
}
