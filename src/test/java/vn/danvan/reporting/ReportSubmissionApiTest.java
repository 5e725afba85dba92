package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reporting.ReportSubmissionFixtures.AN_HOI_TAY;
import static vn.danvan.reporting.ReportSubmissionFixtures.BASE;
import static vn.danvan.reporting.ReportSubmissionFixtures.THANH_TRA_GO_VAP;
import static vn.danvan.reporting.ReportSubmissionFixtures.VAN_PHONG_GO_VAP;
import static vn.danvan.reporting.ReportSubmissionFixtures.activeRegime;
import static vn.danvan.reporting.ReportSubmissionFixtures.create;
import static vn.danvan.reporting.ReportSubmissionFixtures.created;
import static vn.danvan.reporting.ReportSubmissionFixtures.done;
import static vn.danvan.reporting.ReportSubmissionFixtures.get;
import static vn.danvan.reporting.ReportSubmissionFixtures.haNoiCollectedRegime;
import static vn.danvan.reporting.ReportSubmissionFixtures.post;
import static vn.danvan.reporting.ReportSubmissionFixtures.put;
import static vn.danvan.reporting.ReportSubmissionFixtures.transition;
import static vn.danvan.reporting.ReportSubmissionFixtures.values;
import static vn.danvan.reporting.ReportSubmissionFixtures.version;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.testing.Api;
import vn.danvan.testing.TestClock;

/**
 * Report submissions over HTTP: creation on the demo regime of Gò Vấp and on regimes made here,
 * edits, SUBMIT's checks and warnings, frozen versions and their diff, lateness on an injected
 * clock, the lock date's reopening rule, roles and scopes, and bad input.
 */
@QuarkusTest
class ReportSubmissionApiTest {

  private static final String GO_VAP_6T = ReportingRegimeFixtures.DEMO_GO_VAP_6T;
  private static final String GO_VAP = UnitIds.district("764").toString();
  private static final String HA_NOI_COMMUNE = UnitIds.oldCommune("00001").toString();

  @AfterEach
  void time() {
    TestClock.reset();
  }

  private static void assertBadRequest(Response r) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    vn.danvan.testing.Api.assertNoInternals(r.asString());
  }

  private static List<String> pointers(Response r) {
    return r.jsonPath().getList("errors.pointer");
  }

  /** Creates the report, or finds the one already there (the demo regime is shared by tests). */
  private static String createOrFind(String user, String regime, String period, String unit) {
    Response r = post(user, create(regime, period, unit));
    if (r.statusCode() == 409) {
      assertProblem(r, 409, "REPORT_SUBMISSION_EXISTS");
      String detail = r.jsonPath().getString("detail");
      String id =
          java.util.regex.Pattern.compile(
                  "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
              .matcher(detail)
              .results()
              .map(m -> m.group())
              .findFirst()
              .orElseThrow();
      return id;
    }
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r.jsonPath().getString("id");
  }

  @Test
  void goVapsDemoRegimeTakesTheDepartmentsAndTheDistrictsOwnReport() {
    String id = createOrFind("hcm-manager", GO_VAP_6T, "2023S1", VAN_PHONG_GO_VAP);
    JsonPath s = get("hcm-manager", id).jsonPath();
    assertThat(s.getString("regimeId")).isEqualTo(GO_VAP_6T);
    assertThat(s.getString("level")).isEqualTo("COMMUNE");
    assertThat(s.getString("dueDate")).isEqualTo("2023-05-04");
    assertThat(s.getString("lockDate")).isEqualTo("2023-05-15");
    assertThat(s.getString("collectingUnitName")).contains("Nội vụ");
    assertThat(s.getInt("templateVersion")).isEqualTo(1);
    assertThat(s.getMap("values")).isNotEmpty();

    // the consolidating unit (Phòng Nội vụ's parent, the district) reports at the last level
    String own = createOrFind("hcm-manager", GO_VAP_6T, "2023S1", GO_VAP);
    JsonPath district = get("hcm-manager", own).jsonPath();
    assertThat(district.getString("level")).isEqualTo("DISTRICT");
    assertThat(district.getString("dueDate")).isEqualTo("2023-05-05");

    // one per unit and period: the problem names the report already there
    Response again = post("hcm-manager", create(GO_VAP_6T, "2023S1", VAN_PHONG_GO_VAP));
    assertProblem(again, 409, "REPORT_SUBMISSION_EXISTS");
    assertThat(again.jsonPath().getString("detail")).contains(id);

    // Phòng Nội vụ collects: it does not report itself
    Response collecting =
        post(
            "hcm-manager",
            create(GO_VAP_6T, "2023S1", ReportingRegimeFixtures.PHONG_NOI_VU_GO_VAP));
    assertProblem(collecting, 422, "NOT_EXPECTED_TO_REPORT");
    assertThat(pointers(collecting)).containsExactly("/orgUnitId");
    // a period the regime does not have, a code of another frequency
    assertProblem(
        post("hcm-manager", create(GO_VAP_6T, "2024S1", THANH_TRA_GO_VAP)),
        422,
        "UNKNOWN_REPORTING_PERIOD");
    Response otherFrequency = post("hcm-manager", create(GO_VAP_6T, "2023Q1", THANH_TRA_GO_VAP));
    assertProblem(otherFrequency, 400, "VALIDATION_FAILED");
    assertThat(pointers(otherFrequency)).containsExactly("/period");

    JsonPath list =
        json("hcm-manager")
            .queryParam("regimeId", GO_VAP_6T)
            .queryParam("period", "2023S1")
            .queryParam("orgUnitId", GO_VAP)
            .queryParam("orgUnitMode", "DESCENDANTS")
            .get(BASE)
            .jsonPath();
    assertThat(list.getList("items.id")).contains(id, own);
    assertThat(list.getList("items.values")).containsOnlyNulls();
  }

  @Test
  void aWardDraftsSubmitsIsReturnedAndResubmitsAVersionedReport() {
    String regime = activeRegime();
    Response created = created("ward-officer", regime, "2026Q3", AN_HOI_TAY);
    String id = created.jsonPath().getString("id");
    assertThat(created.header("Location")).endsWith(BASE + "/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    JsonPath s = created.jsonPath();
    assertThat(s.getString("status")).isEqualTo("DRAFT");
    assertThat(s.getString("level")).isEqualTo("COMMUNE");
    assertThat(s.getString("orgUnitName")).isNotBlank();
    assertThat(s.getMap("values").keySet())
        .containsExactly("TCD_LUOT", "KNTC_THU_LY", "KNTC_TY_LE", "HN_SO_HOI_NGHI");
    assertThat(s.getBoolean("values.TCD_LUOT.differs")).isFalse();
    LocalDate due = LocalDate.parse(s.getString("dueDate"));
    TestClock.today(due.minusDays(1));

    // types at PUT: unknown codes, wrong types, a section that is not narrative
    Map<String, Object> bad = values("NOPE", 1, "TCD_LUOT", "nhiều", "KNTC_THU_LY", 1.5);
    bad.put("narratives", Map.of("TIEP_CONG_DAN", "x"));
    Response refused = put("ward-officer", id, 0, bad);
    assertProblem(refused, 400, "VALIDATION_FAILED");
    assertThat(pointers(refused))
        .containsExactlyInAnyOrder(
            "/values/NOPE", "/values/TCD_LUOT", "/values/KNTC_THU_LY", "/narratives/TIEP_CONG_DAN");

    // required and bounds at SUBMIT: a cleared value is missing, its computed value stays
    Response cleared = put("ward-officer", id, 0, values("TCD_LUOT", null));
    assertThat(cleared.statusCode()).as(cleared.asString()).isEqualTo(200);
    assertThat(cleared.jsonPath().getString("values.TCD_LUOT.value")).isNull();
    assertThat(cleared.jsonPath().getString("values.TCD_LUOT.source.kind")).isEqualTo("VISITS");
    Response missing = transition("ward-officer", id, version(cleared), "SUBMIT");
    assertProblem(missing, 422, "REPORT_SUBMISSION_INVALID");
    assertThat(pointers(missing)).containsExactly("/values/TCD_LUOT");
    Response edited =
        put("ward-officer", id, version(cleared), values("TCD_LUOT", -1, "KNTC_TY_LE", 80));
    assertThat(edited.statusCode()).as(edited.asString()).isEqualTo(200);
    Response below = transition("ward-officer", id, version(edited), "SUBMIT");
    assertProblem(below, 422, "REPORT_SUBMISSION_INVALID");
    assertThat(pointers(below)).containsExactly("/values/TCD_LUOT");

    edited = put("ward-officer", id, version(edited), values("TCD_LUOT", 120));
    assertThat(edited.jsonPath().getInt("values.TCD_LUOT.value")).isEqualTo(120);
    assertThat(edited.jsonPath().getDouble("values.KNTC_TY_LE.value")).isEqualTo(80.0);
    // a target not met is a warning, not an error
    Response submitted = done("ward-officer", id, version(edited), "SUBMIT", null);
    JsonPath v1 = submitted.jsonPath();
    assertThat(v1.getString("status")).isEqualTo("SUBMITTED");
    assertThat(v1.getInt("versionCount")).isEqualTo(1);
    assertThat(v1.getBoolean("late")).isFalse();
    assertThat(v1.getList("warnings.pointer")).containsExactly("/values/KNTC_TY_LE");
    assertThat(v1.getString("warnings[0].warning")).isEqualTo("TARGET_NOT_MET");

    // frozen: no edit while submitted; the ward cannot decide on its own report
    assertProblem(
        put("ward-officer", id, version(submitted), values("TCD_LUOT", 1)),
        409,
        "ILLEGAL_TRANSITION");
    assertProblem(transition("ward-officer", id, version(submitted), "ACCEPT"), 403, "FORBIDDEN");
    Response noComment = transition("hcm-manager", id, version(submitted), "RETURN");
    assertProblem(noComment, 400, "VALIDATION_FAILED");
    assertThat(pointers(noComment)).containsExactly("/comment");
    Response returned =
        done("hcm-manager", id, version(submitted), "RETURN", "Bổ sung số liệu tháng 9.");
    assertThat(returned.jsonPath().getString("status")).isEqualTo("RETURNED");
    assertThat(returned.jsonPath().getString("returnComment"))
        .isEqualTo("Bổ sung số liệu tháng 9.");

    Map<String, Object> fix = values("TCD_LUOT", 125);
    fix.put("narratives", Map.of("KET_QUA", "Tổ chức 3 hội nghị đối thoại với Nhân dân."));
    edited = put("ward-officer", id, version(returned), fix);
    assertThat(edited.statusCode()).as(edited.asString()).isEqualTo(200);
    Response again = done("ward-officer", id, version(edited), "SUBMIT", null);
    assertThat(again.jsonPath().getInt("versionCount")).isEqualTo(2);

    JsonPath versions = json("ward-officer").get(BASE + "/" + id + "/versions").jsonPath();
    assertThat(versions.getList("items.number")).containsExactly(2, 1);
    assertThat(versions.getString("items[1].decision")).isEqualTo("RETURNED");
    assertThat(versions.getString("items[1].decisionComment"))
        .isEqualTo("Bổ sung số liệu tháng 9.");
    assertThat(versions.getString("items[1].submittedBy")).isEqualTo("ward-officer");
    JsonPath first = json("ward-officer").get(BASE + "/" + id + "/versions/1").jsonPath();
    assertThat(first.getInt("values.TCD_LUOT.value")).isEqualTo(120);
    assertThat(first.getMap("narratives")).isEmpty();
    assertProblem(json("ward-officer").get(BASE + "/" + id + "/versions/3"), 404, "NOT_FOUND");

    JsonPath diff = json("ward-officer").get(BASE + "/" + id + "/versions/2/diff").jsonPath();
    assertThat(diff.getInt("from")).isEqualTo(1);
    assertThat(diff.getList("values.code")).containsExactly("TCD_LUOT");
    assertThat(diff.getInt("values[0].before")).isEqualTo(120);
    assertThat(diff.getInt("values[0].after")).isEqualTo(125);
    assertThat(diff.getList("narratives.code")).containsExactly("KET_QUA");
    assertThat(diff.getString("narratives[0].before")).isNull();
    JsonPath fromNothing =
        json("ward-officer")
            .queryParam("from", 0)
            .get(BASE + "/" + id + "/versions/1/diff")
            .jsonPath();
    assertThat(fromNothing.getList("values.code")).containsExactly("TCD_LUOT", "KNTC_TY_LE");
    assertProblem(
        json("ward-officer").queryParam("from", 7).get(BASE + "/" + id + "/versions/2/diff"),
        400,
        "VALIDATION_FAILED");

    Response accepted = done("hcm-manager", id, version(again), "ACCEPT", null);
    assertThat(accepted.jsonPath().getString("status")).isEqualTo("ACCEPTED");
    assertThat(accepted.jsonPath().getString("acceptedAt")).isNotNull();
    versions = json("ward-officer").get(BASE + "/" + id + "/versions").jsonPath();
    assertThat(versions.getString("items[0].decision")).isEqualTo("ACCEPTED");
    // an officer does not reopen; a manager does, before the lock date
    assertProblem(transition("ward-officer", id, version(accepted), "REOPEN"), 403, "FORBIDDEN");
    assertProblem(
        transition("hcm-manager", id, version(accepted), "SUBMIT"), 409, "ILLEGAL_TRANSITION");
    Response reopened = done("hcm-manager", id, version(accepted), "REOPEN", null);
    assertThat(reopened.jsonPath().getString("status")).isEqualTo("DRAFT");
    assertThat(reopened.jsonPath().getInt("versionCount")).isEqualTo(2);

    // every mutation: an audit event of REPORT_SUBMISSION
    JsonPath events =
        json("auditor")
            .queryParam("entityType", "REPORT_SUBMISSION")
            .queryParam("entityId", id)
            .get("/api/v1/audit-events")
            .jsonPath();
    assertThat(events.getList("items.action"))
        .contains(
            "CREATE",
            "UPDATE",
            "REPORT_SUBMISSION_SUBMIT",
            "REPORT_SUBMISSION_RETURN",
            "REPORT_SUBMISSION_ACCEPT",
            "REPORT_SUBMISSION_REOPEN");
  }

  @Test
  void theFirstSubmitAfterTheDueDateIsLateAndStaysSo() {
    String regime = activeRegime();
    JsonPath period =
        json("hcm-manager")
            .get(ReportingRegimeFixtures.BASE + "/" + regime + "/periods/2026Q3")
            .jsonPath();
    List<String> units =
        period.<String>getList("expectedUnits.unitId").stream().filter(Api::demoUnit).toList();
    String onTimeUnit = units.stream().filter(u -> !u.equals(AN_HOI_TAY)).findFirst().orElseThrow();
    String lateUnit =
        units.stream()
            .filter(u -> !u.equals(AN_HOI_TAY) && !u.equals(onTimeUnit))
            .findFirst()
            .orElseThrow();

    Response onTime = created("hcm-manager", regime, "2026Q3", onTimeUnit);
    LocalDate due = LocalDate.parse(onTime.jsonPath().getString("dueDate"));
    String onTimeId = onTime.jsonPath().getString("id");
    Response filled = put("hcm-manager", onTimeId, 0, values("TCD_LUOT", 10, "KNTC_TY_LE", 90));
    TestClock.today(due);
    Response submitted = done("hcm-manager", onTimeId, version(filled), "SUBMIT", null);
    assertThat(submitted.jsonPath().getBoolean("late")).isFalse();
    assertThat(submitted.jsonPath().getList("warnings")).isNull();

    String lateId = created("hcm-manager", regime, "2026Q3", lateUnit).jsonPath().getString("id");
    filled = put("hcm-manager", lateId, 0, values("TCD_LUOT", 10));
    TestClock.today(due.plusDays(1));
    Response late = done("hcm-manager", lateId, version(filled), "SUBMIT", null);
    assertThat(late.jsonPath().getBoolean("late")).isTrue();
    Response back = done("hcm-manager", lateId, version(late), "RETURN", "Sai số liệu.");
    TestClock.today(due.minusDays(10));
    Response resubmitted = done("hcm-manager", lateId, version(back), "SUBMIT", null);
    assertThat(resubmitted.jsonPath().getBoolean("late"))
        .as("decided at the first SUBMIT")
        .isTrue();
    JsonPath versions = json("hcm-manager").get(BASE + "/" + lateId + "/versions").jsonPath();
    assertThat(versions.getList("items.late")).containsExactly(false, true);

    JsonPath lateOnes =
        json("hcm-manager")
            .queryParam("regimeId", regime)
            .queryParam("late", true)
            .get(BASE)
            .jsonPath();
    assertThat(lateOnes.getList("items.id")).containsExactly(lateId);
    JsonPath submittedOnes =
        json("hcm-manager")
            .queryParam("regimeId", regime)
            .queryParam("status", "SUBMITTED")
            .get(BASE)
            .jsonPath();
    assertThat(submittedOnes.getList("items.id")).containsExactlyInAnyOrder(onTimeId, lateId);

    // the consolidating unit of a chain of two levels: the province, due at the last level
    Response own = created("hcm-manager", regime, "2026Q3", ReportingRegimeFixtures.HCM);
    assertThat(own.jsonPath().getString("level")).isEqualTo("PROVINCE");
  }

  @Test
  void afterTheLockDateOnlyTheCollectingUnitReopens() {
    // collected in Hà Nội, reported by An Hội Tây: hcm-manager manages the reporting unit only
    String regime = haNoiCollectedRegime();
    Response created = created("hcm-manager", regime, "2026Q3", AN_HOI_TAY);
    String id = created.jsonPath().getString("id");
    LocalDate lock = LocalDate.parse(created.jsonPath().getString("lockDate"));
    Response filled = put("hcm-manager", id, 0, values("TCD_LUOT", 5));
    TestClock.today(lock);
    Response submitted = done("hcm-manager", id, version(filled), "SUBMIT", null);
    assertProblem(transition("hcm-manager", id, version(submitted), "ACCEPT"), 403, "FORBIDDEN");
    Response reopened = done("hcm-manager", id, version(submitted), "REOPEN", null);
    submitted = done("hcm-manager", id, version(reopened), "SUBMIT", null);
    assertThat(submitted.jsonPath().getInt("versionCount")).isEqualTo(2);

    TestClock.today(lock.plusDays(1));
    assertProblem(
        transition("hcm-manager", id, version(submitted), "REOPEN"),
        403,
        "REPORT_SUBMISSION_LOCKED");
    assertThat(done("admin", id, version(submitted), "REOPEN", null).jsonPath().getString("status"))
        .isEqualTo("DRAFT");

    // a viewer of Hà Nội reads it (its collecting unit is in scope) but writes nothing
    assertThat(get("viewer", id).statusCode()).isEqualTo(200);
    assertThat(
            json("viewer").queryParam("regimeId", regime).get(BASE).jsonPath().getList("items.id"))
        .containsExactly(id);
    assertProblem(
        put("viewer", id, version(submitted) + 1, values("TCD_LUOT", 1)), 403, "FORBIDDEN");

    // a unit of TP HCM the regime does not list, by a caller who does not collect: no such regime
    Response notListed = post("hcm-manager", create(regime, "2026Q3", VAN_PHONG_GO_VAP));
    assertProblem(notListed, 422, "UNKNOWN_REPORTING_REGIME");
    // nothing of the regime leaks to such a caller, not even its frequency
    assertProblem(
        post("hcm-manager", create(regime, "2026S1", VAN_PHONG_GO_VAP)),
        422,
        "UNKNOWN_REPORTING_REGIME");
  }

  @Test
  void rolesAndScopes() {
    String regime = activeRegime();
    String id = created("ward-officer", regime, "2026Q3", AN_HOI_TAY).jsonPath().getString("id");
    String goVap = createOrFind("hcm-manager", GO_VAP_6T, "2023S1", THANH_TRA_GO_VAP);

    // out of scope: 404 like a missing report
    assertProblem(get("ward-officer", goVap), 404, "NOT_FOUND");
    assertProblem(get("viewer", id), 404, "NOT_FOUND");
    assertProblem(json("viewer").get(BASE + "/" + id + "/versions"), 404, "NOT_FOUND");
    assertProblem(put("ward-officer", goVap, 0, values("TCD_LUOT", 1)), 404, "NOT_FOUND");
    // in scope, wrong role: 403
    assertThat(get("auditor", id).statusCode()).isEqualTo(200);
    assertProblem(put("auditor", id, 0, values("TCD_LUOT", 1)), 403, "FORBIDDEN");
    assertProblem(transition("auditor", id, 0, "SUBMIT"), 403, "FORBIDDEN");
    assertProblem(post("auditor", create(regime, "2026Q3", AN_HOI_TAY)), 403, "FORBIDDEN");
    assertProblem(post("viewer", create(regime, "2026Q3", AN_HOI_TAY)), 403, "FORBIDDEN");
    // the ward writes only its own reports
    assertProblem(
        post("ward-officer", create(GO_VAP_6T, "2023S1", VAN_PHONG_GO_VAP)), 422, "UNKNOWN_UNIT");

    // another province's ids in every body field and filter
    Response foreignUnit = post("hcm-manager", create(regime, "2026Q3", HA_NOI_COMMUNE));
    assertProblem(foreignUnit, 422, "UNKNOWN_UNIT");
    assertThat(pointers(foreignUnit)).containsExactly("/orgUnitId");
    Response unknownRegime =
        post("hcm-manager", create(UUID.randomUUID().toString(), "2026Q3", AN_HOI_TAY));
    assertProblem(unknownRegime, 422, "UNKNOWN_REPORTING_REGIME");
    assertThat(pointers(unknownRegime)).containsExactly("/regimeId");
    Map<String, Object> foreignDocument = create(regime, "2026Q3", AN_HOI_TAY);
    foreignDocument.put("reportDocumentId", UUID.randomUUID().toString());
    Response document = post("hcm-manager", foreignDocument);
    assertProblem(document, 422, "UNKNOWN_DIRECTIVE");
    assertThat(pointers(document)).containsExactly("/reportDocumentId");
    Map<String, Object> plan =
        new LinkedHashMap<>(Map.of("reportDocumentId", ReportingRegimeFixtures.KH_246));
    Response notAReport = put("ward-officer", id, 0, plan);
    assertProblem(notAReport, 422, "NOT_A_REPORT_DOCUMENT");
    Response foreignFilter = json("hcm-manager").queryParam("orgUnitId", HA_NOI_COMMUNE).get(BASE);
    assertProblem(foreignFilter, 422, "UNKNOWN_UNIT");
    assertThat(pointers(foreignFilter)).containsExactly("/query/orgUnitId");
    assertThat(json("viewer").queryParam("regimeId", regime).get(BASE).jsonPath().getList("items"))
        .isEmpty();
  }

  @Test
  void aReportNamesItsIssuedReportDocument() {
    String regime = activeRegime();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("type", "BAO_CAO");
    doc.put("symbol", "BC-UBND");
    doc.put("issuingUnitId", AN_HOI_TAY);
    doc.put("title", "Báo cáo kết quả thực hiện công tác dân vận chính quyền quý III năm 2026");
    Response directive = json("hcm-manager").body(doc).post("/api/v1/directives");
    assertThat(directive.statusCode()).as(directive.asString()).isEqualTo(201);
    String documentId = directive.jsonPath().getString("id");
    Map<String, Object> body = create(regime, "2026Q3", AN_HOI_TAY);
    body.put("reportDocumentId", documentId);
    Response created = post("hcm-manager", body);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    assertThat(created.jsonPath().getString("reportDocumentId")).isEqualTo(documentId);
  }

  @Test
  void retriesAreReplayedAndChangesNeedTheCurrentETag() {
    String regime = activeRegime();
    Map<String, Object> body = create(regime, "2026Q3", AN_HOI_TAY);
    String key = UUID.randomUUID().toString();
    Response first = json("ward-officer").header("Idempotency-Key", key).body(body).post(BASE);
    Response again = json("ward-officer").header("Idempotency-Key", key).body(body).post(BASE);
    assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
    assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
    String id = first.jsonPath().getString("id");
    assertProblem(
        json("ward-officer").body(values("TCD_LUOT", 1)).put(BASE + "/" + id),
        428,
        "PRECONDITION_REQUIRED");
    assertProblem(put("ward-officer", id, 9, values("TCD_LUOT", 1)), 412, "PRECONDITION_FAILED");
    assertProblem(transition("ward-officer", id, 9, "SUBMIT"), 412, "PRECONDITION_FAILED");
  }

  @Test
  void badInputIsAProblem() {
    String regime = activeRegime();
    String id = created("ward-officer", regime, "2026Q3", AN_HOI_TAY).jsonPath().getString("id");
    assertProblem(json("viewer").get(BASE + "/not-a-uuid"), 400, "INVALID_PARAMETER");
    assertProblem(json("viewer").get(BASE + "/" + UUID.randomUUID()), 404, "NOT_FOUND");
    Response badPeriod = json("hcm-manager").queryParam("period", "2026X9").get(BASE);
    assertProblem(badPeriod, 400, "VALIDATION_FAILED");
    assertThat(pointers(badPeriod)).containsExactly("/query/period");
    assertProblem(
        json("hcm-manager").queryParam("orgUnitMode", "DESCENDANTS").get(BASE),
        400,
        "VALIDATION_FAILED");
    assertBadRequest(post("ward-officer", create("not-a-uuid", "2026Q3", AN_HOI_TAY)));
    Response unknownPeriod = post("ward-officer", create(regime, "2031Q1", AN_HOI_TAY));
    assertThat(unknownPeriod.statusCode()).isEqualTo(422);
    Map<String, Object> nul = new LinkedHashMap<>();
    nul.put("narratives", Map.of("KET_QUA", "a\u0000b"));
    assertBadRequest(put("ward-officer", id, 0, nul));
    Map<String, Object> huge = new LinkedHashMap<>();
    Map<String, Object> many = new LinkedHashMap<>();
    for (int i = 0; i < 1200; i++) {
      many.put("C" + i, i);
    }
    huge.put("values", many);
    assertProblem(put("ward-officer", id, 0, huge), 400, "VALIDATION_FAILED");
    Response hugeNumber =
        put("ward-officer", id, 0, values("TCD_LUOT", new java.math.BigDecimal("1e400")));
    assertProblem(hugeNumber, 400, "VALIDATION_FAILED");
    assertThat(pointers(hugeNumber)).containsExactly("/values/TCD_LUOT");
    assertBadRequest(
        json("ward-officer")
            .header("If-Match", "\"0\"")
            .body(Map.of("action", "PUBLISH"))
            .post(BASE + "/" + id + "/transitions"));
  }
}
