package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reporting.ReportSubmissionFixtures.AN_HOI_TAY;
import static vn.danvan.reporting.ReportSubmissionFixtures.BASE;
import static vn.danvan.reporting.ReportSubmissionFixtures.activeRegime;
import static vn.danvan.reporting.ReportSubmissionFixtures.get;
import static vn.danvan.reporting.ReportSubmissionFixtures.put;
import static vn.danvan.reporting.ReportSubmissionFixtures.transition;
import static vn.danvan.reporting.ReportSubmissionFixtures.version;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.danvan.demo.DemoDirectives;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.testing.Api;
import vn.danvan.testing.TestClock;

/**
 * Report submissions pushed by other systems (issue 12 §1): PUT by a client-chosen id creates,
 * replaces or changes nothing; PUT by source key is ordered by the source version; a pushed report
 * is its system's, while the collecting unit still returns and accepts it; ids of another province
 * are refused as elsewhere.
 */
@QuarkusTest
class ReportSubmissionSyncApiTest {

  private static final String HA_NOI_PROVINCE = UnitIds.province("01").toString();

  @AfterEach
  void time() {
    TestClock.reset();
  }

  private static Map<String, Object> body(String regime, Object... codesAndValues) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("regimeId", regime);
    b.put("period", "2026Q3");
    b.put("orgUnitId", AN_HOI_TAY);
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < codesAndValues.length; i += 2) {
      values.put((String) codesAndValues[i], codesAndValues[i + 1]);
    }
    b.put("values", values);
    return b;
  }

  private static Response putId(
      String user, String id, Map<String, Object> body, String... headers) {
    RequestSpecification r = json(user).body(body);
    for (int i = 0; i < headers.length; i += 2) {
      r.header(headers[i], headers[i + 1]);
    }
    return r.put(BASE + "/" + id);
  }

  private static Response push(String user, String system, String key, Map<String, Object> body) {
    return json(user).body(body).put(BASE + "/by-source/" + system + "/" + key);
  }

  private static List<String> pointers(Response r) {
    return r.jsonPath().getList("errors.pointer");
  }

  @Test
  void putByIdCreatesReplacesAndAnswersARetryUnchanged() {
    String regime = activeRegime();
    String id = UUID.randomUUID().toString();

    Response created = putId("integration", id, body(regime, "TCD_LUOT", 7), "If-None-Match", "*");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    assertThat(created.header("Location")).endsWith(BASE + "/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    assertThat(created.jsonPath().getString("id")).isEqualTo(id);
    assertThat(created.jsonPath().getString("status")).isEqualTo("DRAFT");
    assertThat(created.jsonPath().getInt("values.TCD_LUOT.value")).isEqualTo(7);
    assertThat(created.jsonPath().getString("values.TCD_LUOT.source.kind")).isEqualTo("VISITS");
    assertThat(created.jsonPath().getString("sourceSystem")).isNull();

    // a blind retry changes nothing: 200, the same ETag, no second feed entry
    Response retry = putId("integration", id, body(regime, "TCD_LUOT", 7));
    assertThat(retry.statusCode()).as(retry.asString()).isEqualTo(200);
    assertThat(retry.header("ETag")).isEqualTo("\"0\"");
    assertThat(Api.feedEntries(ReportSubmissionService.ENTITY, id)).hasSize(1);

    assertProblem(
        putId("integration", id, body(regime, "TCD_LUOT", 7), "If-None-Match", "*"),
        412,
        "ALREADY_EXISTS");
    // a change needs If-Match: missing 428, stale 412
    assertProblem(
        putId("ward-officer", id, body(regime, "TCD_LUOT", 8)), 428, "PRECONDITION_REQUIRED");
    assertProblem(
        putId("ward-officer", id, body(regime, "TCD_LUOT", 8), "If-Match", "\"5\""),
        412,
        "PRECONDITION_FAILED");
    Response replaced = putId("ward-officer", id, body(regime, "TCD_LUOT", 8), "If-Match", "\"0\"");
    assertThat(replaced.statusCode()).as(replaced.asString()).isEqualTo(200);
    assertThat(replaced.header("ETag")).isEqualTo("\"1\"");
    assertThat(replaced.jsonPath().getInt("values.TCD_LUOT.value")).isEqualTo(8);
    assertThat(Api.feedEntries(ReportSubmissionService.ENTITY, id)).hasSize(2);

    // the report's regime, period and unit cannot change
    Map<String, Object> moved = body(regime, "TCD_LUOT", 8);
    moved.put("orgUnitId", ReportSubmissionFixtures.VAN_PHONG_GO_VAP);
    moved.put("period", "2026Q4");
    Response fixed = putId("ward-officer", id, moved, "If-Match", "\"1\"");
    assertProblem(fixed, 400, "VALIDATION_FAILED");
    assertThat(pointers(fixed)).containsExactlyInAnyOrder("/orgUnitId", "/period");

    // a missing id: If-Match cannot hold; creation needs the report's keys
    String other = UUID.randomUUID().toString();
    assertProblem(
        putId("integration", other, body(regime, "TCD_LUOT", 1), "If-Match", "\"0\""),
        404,
        "NOT_FOUND");
    Response keyless = putId("integration", other, new LinkedHashMap<>(Map.of("values", Map.of())));
    assertProblem(keyless, 400, "VALIDATION_FAILED");
    assertThat(pointers(keyless)).containsExactlyInAnyOrder("/regimeId", "/period", "/orgUnitId");
    // one report per unit and period: another id for the same one is refused
    Response twice = putId("integration", other, body(regime, "TCD_LUOT", 1));
    assertProblem(twice, 409, "REPORT_SUBMISSION_EXISTS");
    assertThat(twice.jsonPath().getString("detail")).contains(id);
    assertThat(get("integration", other).statusCode()).isEqualTo(404);
  }

  @Test
  void bySourcePushesAreOrderedByTheSourceVersion() {
    String regime = activeRegime();
    String key = "BC-" + UUID.randomUUID();
    Map<String, Object> v2 = body(regime, "TCD_LUOT", 5);
    v2.put("sourceVersion", 2);
    v2.put("sourceUpdatedAt", "2026-10-02T08:15:00+07:00");
    Response created = push("integration", "HCM-EGOV", key, v2);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String id = created.jsonPath().getString("id");
    assertThat(created.header("Location")).endsWith(BASE + "/" + id);
    assertThat(created.jsonPath().getString("sourceSystem")).isEqualTo("HCM-EGOV");
    assertThat(created.jsonPath().getString("sourceId")).isEqualTo(key);
    assertThat(created.jsonPath().getLong("sourceVersion")).isEqualTo(2);
    assertThat(created.jsonPath().getString("sourceUpdatedAt")).isEqualTo("2026-10-02T01:15:00Z");
    assertThat(get("hcm-manager", id).jsonPath().getString("sourceId")).isEqualTo(key);

    Response retry = push("integration", "HCM-EGOV", key, v2);
    assertThat(retry.statusCode()).as(retry.asString()).isEqualTo(200);
    assertThat(retry.header("ETag")).isEqualTo(created.header("ETag"));

    // a newer version replaces without If-Match
    Map<String, Object> v3 = body(regime, "TCD_LUOT", 6);
    v3.put("sourceVersion", 3);
    Response newer = push("integration", "HCM-EGOV", key, v3);
    assertThat(newer.statusCode()).as(newer.asString()).isEqualTo(200);
    assertThat(newer.jsonPath().getInt("values.TCD_LUOT.value")).isEqualTo(6);
    assertThat(newer.jsonPath().getLong("sourceVersion")).isEqualTo(3);
    assertThat(version(newer)).isEqualTo(version(created) + 1);

    // an older one (a late retry), or the same version with other content: 409 with the current
    Map<String, Object> v1 = body(regime, "TCD_LUOT", 4);
    v1.put("sourceVersion", 1);
    Response older = push("integration", "HCM-EGOV", key, v1);
    assertProblem(older, 409, "SOURCE_VERSION_CONFLICT");
    assertThat(older.jsonPath().getLong("current.sourceVersion")).isEqualTo(3);
    Map<String, Object> sameVersion = body(regime, "TCD_LUOT", 9);
    sameVersion.put("sourceVersion", 3);
    assertProblem(
        push("integration", "HCM-EGOV", key, sameVersion), 409, "SOURCE_VERSION_CONFLICT");
    assertThat(get("integration", id).jsonPath().getInt("values.TCD_LUOT.value")).isEqualTo(6);

    // body keys must be the path's; a system the caller does not speak for; a malformed key
    Map<String, Object> mismatch = body(regime, "TCD_LUOT", 6);
    mismatch.put("sourceSystem", "HCM-OTHER");
    mismatch.put("sourceId", "x");
    Response bad = push("integration", "HCM-EGOV", key, mismatch);
    assertProblem(bad, 400, "VALIDATION_FAILED");
    assertThat(pointers(bad)).containsExactlyInAnyOrder("/sourceSystem", "/sourceId");
    assertProblem(
        push("integration", "HN-EGOV", "BC-" + UUID.randomUUID(), body(regime, "TCD_LUOT", 1)),
        403,
        "SOURCE_SYSTEM_NOT_YOURS");
    Response malformed = push("integration", "-HCM", key, v3);
    assertProblem(malformed, 400, "VALIDATION_FAILED");
    assertThat(pointers(malformed)).containsExactly("/path/sourceSystem");

    // a unit's report made here is adopted by the key: with If-Match, as any replace of it
    String regime2 = activeRegime();
    Response local =
        ReportSubmissionFixtures.created("ward-officer", regime2, "2026Q3", AN_HOI_TAY);
    String key2 = "BC-" + UUID.randomUUID();
    Map<String, Object> adopt = body(regime2, "TCD_LUOT", 11);
    adopt.put("sourceVersion", 1);
    assertProblem(push("integration", "HCM-EGOV", key2, adopt), 428, "PRECONDITION_REQUIRED");
    Response adopted =
        json("integration")
            .header("If-Match", "\"" + version(local) + "\"")
            .body(adopt)
            .put(BASE + "/by-source/HCM-EGOV/" + key2);
    assertThat(adopted.statusCode()).as(adopted.asString()).isEqualTo(200);
    assertThat(adopted.jsonPath().getString("id")).isEqualTo(local.jsonPath().getString("id"));
    assertThat(adopted.jsonPath().getString("sourceId")).isEqualTo(key2);
  }

  @Test
  void aPushedReportIsItsSystemsWhileTheCollectorStillDecides() {
    String regime = activeRegime();
    String key = "BC-" + UUID.randomUUID();
    Map<String, Object> b = body(regime, "TCD_LUOT", 120, "KNTC_TY_LE", 90);
    b.put("sourceVersion", 1);
    Response created = push("integration", "HCM-EGOV", key, b);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String id = created.jsonPath().getString("id");
    TestClock.today(LocalDate.parse(created.jsonPath().getString("dueDate")).minusDays(1));
    long v = version(created);

    // others in scope: edits, SUBMIT and REOPEN are refused with the owner named
    Response edit = put("ward-officer", id, v, ReportSubmissionFixtures.values("TCD_LUOT", 1));
    assertProblem(edit, 409, "OWNED_BY_SOURCE");
    assertThat(edit.jsonPath().getString("current.sourceSystem")).isEqualTo("HCM-EGOV");
    assertProblem(transition("hcm-manager", id, v, "SUBMIT"), 409, "OWNED_BY_SOURCE");
    // the other province's system sees nothing of it
    assertThat(get("integration-hn", id).statusCode()).isEqualTo(404);
    assertProblem(putId("integration-hn", id, body(regime, "TCD_LUOT", 1)), 404, "NOT_FOUND");
    Response foreign = push("integration-hn", "HN-EGOV", "BC-" + UUID.randomUUID(), b);
    assertProblem(foreign, 422, "UNKNOWN_UNIT");
    assertThat(pointers(foreign)).containsExactly("/orgUnitId");

    // the system files it; the collecting unit (Sở Nội vụ, in hcm-manager's scope) decides
    Response submitted = transition("integration", id, v, "SUBMIT");
    assertThat(submitted.statusCode()).as(submitted.asString()).isEqualTo(200);
    Response returned =
        transition("hcm-manager", id, version(submitted), "RETURN", "Bổ sung số liệu.");
    assertThat(returned.statusCode()).as(returned.asString()).isEqualTo(200);
    Map<String, Object> fix = body(regime, "TCD_LUOT", 125);
    fix.put("sourceVersion", 2);
    Response fixed = push("integration", "HCM-EGOV", key, fix);
    assertThat(fixed.statusCode()).as(fixed.asString()).isEqualTo(200);
    assertThat(fixed.jsonPath().getString("status")).isEqualTo("RETURNED");
    Response again = transition("integration", id, version(fixed), "SUBMIT");
    assertThat(again.statusCode()).as(again.asString()).isEqualTo(200);
    // a newer source version of the same content is stored even once submitted
    fix.put("sourceVersion", 3);
    Response bumped = push("integration", "HCM-EGOV", key, fix);
    assertThat(bumped.statusCode()).as(bumped.asString()).isEqualTo(200);
    assertThat(bumped.jsonPath().getLong("sourceVersion")).isEqualTo(3);
    // … but new content is not: the report is submitted
    fix.put("sourceVersion", 4);
    fix.put("values", Map.of("TCD_LUOT", 1));
    assertProblem(push("integration", "HCM-EGOV", key, fix), 409, "ILLEGAL_TRANSITION");
    Response accepted = transition("hcm-manager", id, version(bumped), "ACCEPT");
    assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(200);
    assertProblem(
        transition("hcm-manager", id, version(accepted), "REOPEN"), 409, "OWNED_BY_SOURCE");
    Response reopened = transition("integration", id, version(accepted), "REOPEN");
    assertThat(reopened.statusCode()).as(reopened.asString()).isEqualTo(200);
    assertThat(reopened.jsonPath().getString("status")).isEqualTo("DRAFT");
  }

  @Test
  void idsOfAnotherProvinceAreRefusedInEveryField() {
    String regime = activeRegime();
    Map<String, Object> unit = body(regime, "TCD_LUOT", 1);
    unit.put("orgUnitId", HA_NOI_PROVINCE);
    Response r = putId("integration", UUID.randomUUID().toString(), unit);
    assertProblem(r, 422, "UNKNOWN_UNIT");
    assertThat(pointers(r)).containsExactly("/orgUnitId");

    Map<String, Object> haNoi = ReportingRegimeFixtures.body(ReportingRegimeFixtures.code());
    haNoi.put("collectingUnitId", ReportingRegimeFixtures.SO_NOI_VU_HA_NOI);
    haNoi.put(
        "reportingUnits",
        ReportingRegimeFixtures.units("CHILD_UNITS_OF_KIND", "COMMUNE", HA_NOI_PROVINCE, null));
    String haNoiRegime = ReportSubmissionFixtures.activeRegime(haNoi, "admin");
    r = push("integration", "HCM-EGOV", "BC-" + UUID.randomUUID(), body(haNoiRegime));
    assertProblem(r, 422, "UNKNOWN_REPORTING_REGIME");
    assertThat(pointers(r)).containsExactly("/regimeId");

    Map<String, Object> document = body(regime, "TCD_LUOT", 1);
    document.put("reportDocumentId", DemoDirectives.CT_02_HA_NOI.toString());
    r = putId("integration", UUID.randomUUID().toString(), document);
    // Hà Nội's directive is read nationwide by the directives' rules, but it is no report document
    assertProblem(r, 422, "NOT_A_REPORT_DOCUMENT");
    assertThat(pointers(r)).containsExactly("/reportDocumentId");
    document.put("reportDocumentId", UUID.randomUUID().toString());
    r = putId("integration", UUID.randomUUID().toString(), document);
    assertProblem(r, 422, "UNKNOWN_DIRECTIVE");
    assertThat(pointers(r)).containsExactly("/reportDocumentId");

    // a report of the other province by id: 404 for its reader and its writer alike
    Response hn =
        ReportSubmissionFixtures.created(
            "admin", haNoiRegime, "2026Q3", firstExpected(haNoiRegime));
    String hnId = hn.jsonPath().getString("id");
    assertThat(get("integration", hnId).statusCode()).isEqualTo(404);
    assertProblem(
        putId("integration", hnId, body(regime, "TCD_LUOT", 1), "If-Match", "\"0\""),
        404,
        "NOT_FOUND");
    assertProblem(transition("integration", hnId, 0, "SUBMIT"), 404, "NOT_FOUND");
  }

  private static String firstExpected(String regime) {
    return ReportingRegimeFixtures.period("admin", regime, "2026Q3")
        .jsonPath()
        .<String>getList("expectedUnits.unitId")
        .stream()
        .filter(Api::demoUnit)
        .findFirst()
        .orElseThrow();
  }
}
