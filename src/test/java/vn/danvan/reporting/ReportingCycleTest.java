package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reporting.ReportSubmissionFixtures.activeRegime;
import static vn.danvan.reporting.ReportSubmissionFixtures.created;
import static vn.danvan.reporting.ReportSubmissionFixtures.put;
import static vn.danvan.reporting.ReportSubmissionFixtures.transition;
import static vn.danvan.reporting.ReportSubmissionFixtures.values;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.Api;
import vn.danvan.testing.TestClock;

/**
 * One reporting cycle through the API alone, as Sở Nội vụ and two communes of TP HCM live it: the
 * communes report, Sở Nội vụ accepts and consolidates; one commune's figure is corrected after
 * acceptance, which makes the consolidation stale until it is computed again; the old version stays
 * readable, and completeness counts what came in.
 */
@QuarkusTest
class ReportingCycleTest {

  private static final String PERIOD = "2026Q3";

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  private static long version(Response r) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath().getLong("version");
  }

  /** A commune's report with {@code visits} citizens received, submitted and accepted. */
  private static String acceptedReport(String regime, String unit, int visits) {
    Response draft = created("hcm-manager", regime, PERIOD, unit);
    String id = draft.jsonPath().getString("id");
    long v =
        version(
            put(
                "hcm-manager",
                id,
                draft.jsonPath().getLong("version"),
                values(
                    "TCD_LUOT", visits, "KNTC_THU_LY", 4, "KNTC_TY_LE", 90, "HN_SO_HOI_NGHI", 1)));
    v = version(transition("hcm-manager", id, v, "SUBMIT"));
    version(transition("hcm-manager", id, v, "ACCEPT"));
    return id;
  }

  private static JsonPath consolidate(String regime) {
    Response r =
        json("hcm-manager")
            .body(Map.of("regimeId", regime, "period", PERIOD))
            .post("/api/v1/report-consolidations");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return json("hcm-manager")
        .get("/api/v1/report-consolidations/" + r.jsonPath().getString("id"))
        .jsonPath();
  }

  private static long visits(JsonPath consolidation) {
    return consolidation.getLong("indicators.find { it.code == 'TCD_LUOT' }.value");
  }

  @Test
  void communesReportSoNoiVuConsolidatesAndACorrectionMakesItStale() {
    String regime = activeRegime();
    JsonPath period =
        json("hcm-manager")
            .get("/api/v1/reporting-regimes/" + regime + "/periods/" + PERIOD)
            .jsonPath();
    List<String> all = period.getList("expectedUnits.unitId");
    // the units reported with: the demo world's, never a ward another test moved to Hà Nội
    List<String> expected = all.stream().filter(Api::demoUnit).toList();
    assertThat(expected).hasSizeGreaterThanOrEqualTo(3);
    LocalDate due = LocalDate.parse(period.getString("dueDates[0].dueDate"));
    TestClock.today(due.minusDays(2));

    String a = acceptedReport(regime, expected.get(0), 10);
    acceptedReport(regime, expected.get(1), 25);

    JsonPath first = consolidate(regime);
    assertThat(visits(first)).isEqualTo(35);
    assertThat(first.getInt("number")).isEqualTo(1);
    assertThat(first.getBoolean("stale")).isFalse();
    assertThat(first.getList("inputs.submissionId")).contains(a);
    assertThat(first.getList("missingUnits.unitId"))
        .hasSize(all.size() - 2)
        .contains(expected.get(2));

    // the commune corrects its figure: reopened, edited, sent again as version 2 and accepted
    long v = version(ReportSubmissionFixtures.get("hcm-manager", a));
    v = version(transition("hcm-manager", a, v, "REOPEN"));
    v = version(put("hcm-manager", a, v, values("TCD_LUOT", 12)));
    v = version(transition("hcm-manager", a, v, "SUBMIT"));
    Response accepted = transition("hcm-manager", a, v, "ACCEPT");
    assertThat(accepted.jsonPath().getInt("versionCount")).isEqualTo(2);
    JsonPath diff =
        json("hcm-manager")
            .get(ReportSubmissionFixtures.BASE + "/" + a + "/versions/2/diff")
            .jsonPath();
    assertThat(diff.getString("values.find { it.code == 'TCD_LUOT' }.after")).isEqualTo("12");

    String firstId = first.getString("id");
    JsonPath stale = json("hcm-manager").get("/api/v1/report-consolidations/" + firstId).jsonPath();
    assertThat(stale.getBoolean("stale")).isTrue();
    assertThat(stale.getList("staleReasons.unitId")).containsExactly(expected.get(0));

    // a consolidation is audited and in the change feed; a retried POST makes no second version
    String key = "consolidation-" + regime;
    Response once =
        json("hcm-manager")
            .header("Idempotency-Key", key)
            .body(Map.of("regimeId", regime, "period", PERIOD))
            .post("/api/v1/report-consolidations");
    assertThat(once.statusCode()).as(once.asString()).isEqualTo(201);
    Response retried =
        json("hcm-manager")
            .header("Idempotency-Key", key)
            .body(Map.of("regimeId", regime, "period", PERIOD))
            .post("/api/v1/report-consolidations");
    assertThat(retried.jsonPath().getString("id")).isEqualTo(once.jsonPath().getString("id"));
    String onceId = once.jsonPath().getString("id");
    assertThat(
            json("auditor")
                .queryParam("entityType", "REPORT_CONSOLIDATION")
                .queryParam("entityId", onceId)
                .get("/api/v1/audit-events")
                .jsonPath()
                .getList("items.action"))
        .containsExactly("CREATE");
    assertThat(vn.danvan.testing.Api.feedEntries("REPORT_CONSOLIDATION", onceId)).hasSize(1);
    assertThat(vn.danvan.testing.Api.feedEntries("REPORT_SUBMISSION", a))
        .hasSizeGreaterThanOrEqualTo(8);

    JsonPath second = consolidate(regime);
    assertThat(second.getInt("number")).isEqualTo(3);
    assertThat(visits(second)).isEqualTo(37);
    assertThat(second.getBoolean("stale")).isFalse();
    // the first version keeps what it said
    assertThat(
            visits(json("hcm-manager").get("/api/v1/report-consolidations/" + firstId).jsonPath()))
        .isEqualTo(35);

    JsonPath completeness =
        json("hcm-manager")
            .queryParam("regimeId", regime)
            .queryParam("period", PERIOD)
            .get("/api/v1/report-completeness")
            .jsonPath();
    assertThat(completeness.getInt("totals.expected")).isEqualTo(all.size());
    assertThat(completeness.getInt("totals.accepted")).isEqualTo(2);
    assertThat(completeness.getInt("totals.doneOnTime")).isEqualTo(2);
    assertThat(completeness.getInt("totals.missing")).isEqualTo(all.size() - 2);
    assertThat(completeness.getInt("totals.inProgressInTerm")).isEqualTo(all.size() - 2);
  }

  @Test
  void theSignedReportIsAttachedAndReadInScopeOnly() {
    String regime = activeRegime();
    String unit =
        json("hcm-manager")
            .get("/api/v1/reporting-regimes/" + regime + "/periods/" + PERIOD)
            .jsonPath()
            .<String>getList("expectedUnits.unitId")
            .stream()
            .filter(Api::demoUnit)
            .findFirst()
            .orElseThrow();
    String id = created("hcm-manager", regime, PERIOD, unit).jsonPath().getString("id");
    byte[] pdf =
        "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    Response sent =
        vn.danvan.testing.Api.as("hcm-manager")
            .multiPart("file", "bao-cao-quy-3-ban-ky.pdf", pdf, "application/pdf")
            .multiPart("description", "Bản ký số của báo cáo")
            .post(ReportSubmissionFixtures.BASE + "/" + id + "/attachments");
    assertThat(sent.statusCode()).as(sent.asString()).isEqualTo(201);
    assertThat(sent.jsonPath().getString("mediaType")).isEqualTo("application/pdf");
    assertThat(sent.jsonPath().getString("fileName")).isEqualTo("bao-cao-quy-3-ban-ky.pdf");
    String content = sent.header("Location");

    assertThat(
            json("hcm-manager")
                .get(ReportSubmissionFixtures.BASE + "/" + id + "/attachments")
                .jsonPath()
                .getList("items.fileName"))
        .containsExactly("bao-cao-quy-3-ban-ky.pdf");
    Response download = vn.danvan.testing.Api.as("hcm-manager").get(content);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.asByteArray()).isEqualTo(pdf);
    // out of scope: 404; in scope without the right to write: 403; not a known file type: 415
    vn.danvan.testing.Api.assertProblem(
        json("viewer").get(ReportSubmissionFixtures.BASE + "/" + id + "/attachments"),
        404,
        "NOT_FOUND");
    vn.danvan.testing.Api.assertProblem(
        vn.danvan.testing.Api.as("auditor")
            .multiPart("file", "x.pdf", pdf, "application/pdf")
            .post(ReportSubmissionFixtures.BASE + "/" + id + "/attachments"),
        403,
        "FORBIDDEN");
    Response text =
        vn.danvan.testing.Api.as("hcm-manager")
            .multiPart(
                "file",
                "ghi-chu.txt",
                "chỉ là chữ".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "text/plain")
            .post(ReportSubmissionFixtures.BASE + "/" + id + "/attachments");
    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(text.contentType()).startsWith(vn.danvan.testing.Api.PROBLEM_JSON);
  }

  private static final String DAY_OFF = "/api/v1/calendar/days/2026-09-16"; // a Wednesday

  @AfterEach
  void removeTheDayOff() {
    Response r = vn.danvan.testing.Api.as("admin").get(DAY_OFF);
    if (r.statusCode() == 200) {
      vn.danvan.testing.Api.as("admin").header("If-Match", r.header("ETag")).delete(DAY_OFF);
    }
  }

  @Test
  void aDayOffAddedInsideTheDueRuleMovesTheStoredDueDateOfReports() {
    String regime = activeRegime();
    String unit =
        json("hcm-manager")
            .get("/api/v1/reporting-regimes/" + regime + "/periods/" + PERIOD)
            .jsonPath()
            .<String>getList("expectedUnits.unitId")
            .stream()
            .filter(Api::demoUnit)
            .findFirst()
            .orElseThrow();
    // three working days after the cut-off of Monday 14/9: 15, 16, 17/9
    Response draft = created("hcm-manager", regime, PERIOD, unit);
    String id = draft.jsonPath().getString("id");
    assertThat(draft.jsonPath().getString("dueDate")).isEqualTo("2026-09-17");

    Response added =
        json("admin")
            .body(
                Map.of("kind", "HOLIDAY", "name", "Ngày nghỉ đột xuất", "legalBasis", "Thử nghiệm"))
            .put(DAY_OFF);
    assertThat(added.statusCode()).as(added.asString()).isEqualTo(201);
    JsonPath moved = ReportSubmissionFixtures.get("hcm-manager", id).jsonPath();
    assertThat(moved.getString("dueDate")).isEqualTo("2026-09-18");
    assertThat(moved.getLong("version")).isEqualTo(draft.jsonPath().getLong("version") + 1);
    // the late filter reads the stored date: sent on 18/9, the report is on time
    TestClock.today(LocalDate.of(2026, 9, 18));
    Response sent = transition("hcm-manager", id, moved.getLong("version"), "SUBMIT");
    assertThat(sent.statusCode()).as(sent.asString()).isEqualTo(200);
    assertThat(sent.jsonPath().getBoolean("late")).isFalse();
  }
}
