package vn.danvan.models;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.json;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.danvan.orgunit.UnitIds;

/** Bodies and calls of the good-practice-model tests. */
final class GoodPracticeModelFixtures {

  static final String BASE = "/api/v1/good-practice-models";

  /** The home ward of ward-officer and two other wards of TP HCM (after the 2025 reform). */
  static final String AN_HOI_TAY = UnitIds.newCommune("26882").toString();

  static final String HCM_WARD_B = UnitIds.newCommune("26884").toString();
  static final String HCM_WARD_C = UnitIds.newCommune("26878").toString();

  /** A ward of Hà Nội (former quận Đống Đa). */
  static final String HN_WARD = UnitIds.newCommune("00190").toString();

  /** Kế hoạch 246/KH-UBND of TP HCM and 847/KH-UBND of quận Gò Vấp (demo documents). */
  static final String KH_246 = "00000000-0000-4d0c-9022-079000000246";

  static final String KH_847 = "00000000-0000-4d0c-9023-764000000847";

  /** The demo models. */
  static final String DEMO_MOT_CUA = "00000000-0000-4e0d-9030-079000000001";

  static final String DEMO_GO_VAP = "00000000-0000-4e0d-9030-079000000007";
  static final String DEMO_HA_NOI = "00000000-0000-4e0d-9030-001000000001";

  private GoodPracticeModelFixtures() {}

  /** A valid body led by {@code lead}, started 2026-01-05, registered 2026-01-10. */
  static Map<String, Object> body(String lead, String title) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("leadUnitId", lead);
    b.put("coUnitIds", new ArrayList<>());
    b.put("field", "ADMINISTRATIVE_REFORM");
    b.put("title", title);
    b.put("description", "Hướng dẫn người dân nộp hồ sơ trực tuyến tại nhà.");
    b.put("startDate", "2026-01-05");
    b.put("registeredOn", "2026-01-10");
    b.put("peopleReached", 1200);
    b.put("householdsReached", 400);
    b.put("results", "Giảm 30% thời gian giải quyết hồ sơ.");
    b.put(
        "resultFigures",
        new ArrayList<>(
            List.of(Map.of("label", "Hồ sơ trực tuyến", "value", 850, "unit", "hồ sơ"))));
    b.put("replications", new ArrayList<>());
    return b;
  }

  static Response create(String user, Map<String, Object> body) {
    return json(user).body(body).post(BASE).then().extract().response();
  }

  static String createdId(String user, Map<String, Object> body) {
    Response r = create(user, body);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r.jsonPath().getString("id");
  }

  static Response put(String user, String id, long version, Map<String, Object> body) {
    return json(user)
        .header("If-Match", "\"" + version + "\"")
        .body(body)
        .put(BASE + "/" + id)
        .then()
        .extract()
        .response();
  }

  static Response transition(String user, String id, long version, Map<String, Object> body) {
    return json(user)
        .header("If-Match", "\"" + version + "\"")
        .body(body)
        .post(BASE + "/" + id + "/transitions")
        .then()
        .extract()
        .response();
  }

  static Map<String, Object> start(String date) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("action", "START_IMPLEMENTATION");
    if (date != null) {
      b.put("date", date);
    }
    return b;
  }

  static Map<String, Object> recognise(String level, String directiveId, String date) {
    return Map.of(
        "action",
        "RECOGNISE",
        "recognition",
        Map.of("level", level, "directiveId", directiveId, "date", date));
  }

  /** A fresh department under {@code parent} (admin): a unit no other test's models use. */
  static String department(String parent) {
    return vn.danvan.testing.Api.createDepartment(
            "admin", vn.danvan.testing.Api.unique("Tổ mô hình"), parent)
        .jsonPath()
        .getString("id");
  }

  /** A tag no other test uses, for q and titles. */
  static String tag() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
