package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.json;

import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.danvan.orgunit.UnitIds;

/** Bodies and calls of the report-submission tests. */
final class ReportSubmissionFixtures {

  static final String BASE = "/api/v1/report-submissions";
  static final String AN_HOI_TAY = UnitIds.newCommune("26882").toString();
  static final String VAN_PHONG_GO_VAP =
      UnitIds.department(UnitIds.district("764"), "VAN_PHONG").toString();
  static final String THANH_TRA_GO_VAP =
      UnitIds.department(UnitIds.district("764"), "THANH_TRA").toString();

  private ReportSubmissionFixtures() {}

  /**
   * A published template of the fixture's shape (TCD_LUOT required ≥ 0, KNTC_TY_LE 0–100 with a
   * target ≥ 85, narratives KET_QUA and TON_TAI) and an active quarterly regime on it over TP HCM's
   * communes, collected by Sở Nội vụ (2026Q3–2027Q4); returns the regime's id.
   */
  static String activeRegime() {
    return activeRegime(
        ReportingRegimeFixtures.body(ReportingRegimeFixtures.code()), "hcm-manager");
  }

  /**
   * An active regime of {@code regime}'s body on a new published template, created by {@code user}.
   */
  static String activeRegime(Map<String, Object> regime, String user) {
    Response template =
        ReportTemplateFixtures.create(
            "hcm-manager", ReportTemplateFixtures.body(ReportTemplateFixtures.code()));
    String templateId = template.jsonPath().getString("id");
    Response published =
        ReportTemplateFixtures.transition(
            "hcm-manager", templateId, template.jsonPath().getLong("version"), "PUBLISH");
    assertThat(published.statusCode()).as(published.asString()).isEqualTo(200);
    regime.put("templateId", templateId);
    regime.put("templateVersion", 1);
    Response created = ReportingRegimeFixtures.create(user, regime);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String id = created.jsonPath().getString("id");
    Response active =
        ReportingRegimeFixtures.transition(
            user, id, created.jsonPath().getLong("version"), "ACTIVATE");
    assertThat(active.statusCode()).as(active.asString()).isEqualTo(200);
    return id;
  }

  /**
   * A regime collected by Sở Nội vụ Hà Nội of which An Hội Tây (TP HCM) is the one reporting unit.
   */
  static String haNoiCollectedRegime() {
    Map<String, Object> body = ReportingRegimeFixtures.body(ReportingRegimeFixtures.code());
    body.put("collectingUnitId", ReportingRegimeFixtures.SO_NOI_VU_HA_NOI);
    body.put(
        "reportingUnits", ReportingRegimeFixtures.units("UNITS", null, null, List.of(AN_HOI_TAY)));
    return activeRegime(body, "admin");
  }

  static Map<String, Object> create(String regimeId, String period, String unitId) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("regimeId", regimeId);
    b.put("period", period);
    b.put("orgUnitId", unitId);
    return b;
  }

  static Response post(String user, Map<String, Object> body) {
    return json(user).body(body).post(BASE);
  }

  static Response created(String user, String regimeId, String period, String unitId) {
    Response r = post(user, create(regimeId, period, unitId));
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r;
  }

  static Response get(String user, String id) {
    return json(user).get(BASE + "/" + id);
  }

  static Response put(String user, String id, long version, Map<String, Object> body) {
    return json(user).header("If-Match", "\"" + version + "\"").body(body).put(BASE + "/" + id);
  }

  static Map<String, Object> values(Object... codesAndValues) {
    Map<String, Object> v = new LinkedHashMap<>();
    for (int i = 0; i < codesAndValues.length; i += 2) {
      v.put((String) codesAndValues[i], codesAndValues[i + 1]);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("values", v);
    return body;
  }

  static Response transition(String user, String id, long version, String action) {
    return transition(user, id, version, action, null);
  }

  static Response transition(String user, String id, long version, String action, String comment) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("action", action);
    if (comment != null) {
      body.put("comment", comment);
    }
    return json(user)
        .header("If-Match", "\"" + version + "\"")
        .body(body)
        .post(BASE + "/" + id + "/transitions");
  }

  /** The transition, asserted 200; returns the answer. */
  static Response done(String user, String id, long version, String action, String comment) {
    Response r = transition(user, id, version, action, comment);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r;
  }

  static long version(Response r) {
    return r.jsonPath().getLong("version");
  }
}
