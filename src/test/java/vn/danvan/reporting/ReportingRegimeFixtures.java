package vn.danvan.reporting;

import static vn.danvan.testing.Api.json;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import vn.danvan.orgunit.UnitIds;

/** Bodies and calls of the reporting-regime tests. */
final class ReportingRegimeFixtures {

  static final String BASE = "/api/v1/reporting-regimes";

  /** The demo template of Bộ Nội vụ, version 1 published. */
  static final String TEMPLATE = "00000000-0000-4b0c-9021-000000000001";

  static final String HCM = UnitIds.province("79").toString();
  static final String SO_NOI_VU_HCM =
      UnitIds.department(UnitIds.province("79"), "NOI_VU").toString();
  static final String SO_NOI_VU_HA_NOI =
      UnitIds.department(UnitIds.province("01"), "NOI_VU").toString();
  static final String GO_VAP = UnitIds.district("764").toString();
  static final String PHONG_NOI_VU_GO_VAP =
      UnitIds.department(UnitIds.district("764"), "NOI_VU").toString();

  /** Kế hoạch 847/KH-UBND of quận Gò Vấp and 246/KH-UBND of TP HCM (demo documents). */
  static final String KH_847 = "00000000-0000-4d0c-9023-764000000847";

  static final String KH_246 = "00000000-0000-4d0c-9022-079000000246";

  /** The demo regimes. */
  static final String DEMO_GO_VAP_6T = "00000000-0000-4b0d-9023-764000000001";

  static final String DEMO_GO_VAP_NAM = "00000000-0000-4b0d-9023-764000000002";
  static final String DEMO_HCM = "00000000-0000-4b0d-9026-079000000001";

  private ReportingRegimeFixtures() {}

  /** A regime code no other test uses. */
  static String code() {
    return "R-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase(Locale.ROOT);
  }

  static Map<String, Object> dayOfMonth(String level, int monthsAfter, int day) {
    Map<String, Object> r = new LinkedHashMap<>();
    if (level != null) {
      r.put("level", level);
    }
    r.put("kind", "DAY_OF_MONTH");
    r.put("monthsAfter", monthsAfter);
    r.put("day", day);
    return r;
  }

  static Map<String, Object> workingDays(String level, int n) {
    Map<String, Object> r = new LinkedHashMap<>();
    if (level != null) {
      r.put("level", level);
    }
    r.put("kind", "WORKING_DAYS_AFTER");
    r.put("workingDays", n);
    return r;
  }

  static Map<String, Object> units(String targets, String kind, String of, List<String> ids) {
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("targets", targets);
    if (kind != null) {
      u.put("kind", kind);
    }
    if (of != null) {
      u.put("ofUnitId", of);
    }
    if (ids != null) {
      u.put("unitIds", new ArrayList<>(ids));
    }
    return u;
  }

  /**
   * A valid quarterly regime of TP HCM's communes (Decree 09 window), 2026Q3 to 2027Q4, collected
   * by Sở Nội vụ: in the scope of {@code hcm-manager}.
   */
  static Map<String, Object> body(String code) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("code", code);
    b.put("name", "Báo cáo quý công tác dân vận chính quyền " + code);
    b.put("templateId", TEMPLATE);
    b.put("templateVersion", 1);
    b.put("frequency", "QUARTERLY");
    b.put("firstPeriod", "2026Q3");
    b.put("lastPeriod", "2027Q4");
    b.put("sourceDirectiveId", KH_246);
    b.put(
        "dueDates",
        new ArrayList<>(List.of(workingDays("COMMUNE", 3), dayOfMonth("PROVINCE", 0, 20))));
    b.put("lock", dayOfMonth(null, 1, 5));
    b.put("collectingUnitId", SO_NOI_VU_HCM);
    b.put("reportingUnits", units("CHILD_UNITS_OF_KIND", "COMMUNE", HCM, null));
    return b;
  }

  static Response create(String user, Map<String, Object> body) {
    return json(user).body(body).post(BASE);
  }

  static String createdId(String user, Map<String, Object> body) {
    Response r = create(user, body);
    if (r.statusCode() != 201) {
      throw new AssertionError(r.asString());
    }
    return r.jsonPath().getString("id");
  }

  static Response put(String user, String id, long version, Map<String, Object> body) {
    return json(user).header("If-Match", "\"" + version + "\"").body(body).put(BASE + "/" + id);
  }

  static Response transition(String user, String id, long version, String action) {
    return json(user)
        .header("If-Match", "\"" + version + "\"")
        .body(Map.of("action", action))
        .post(BASE + "/" + id + "/transitions");
  }

  static Response periods(String user, String id, String from, String to) {
    var request = json(user);
    if (from != null) {
      request.queryParam("from", from);
    }
    if (to != null) {
      request.queryParam("to", to);
    }
    return request.get(BASE + "/" + id + "/periods");
  }

  static Response period(String user, String id, String code) {
    return json(user).get(BASE + "/" + id + "/periods/" + code);
  }
}
