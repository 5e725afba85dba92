package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.json;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Bodies and calls of the report-template tests. */
final class ReportTemplateFixtures {

  static final String BASE = "/api/v1/report-templates";

  /** Sở Nội vụ of Thành phố Hồ Chí Minh: in the scope of {@code hcm-manager}. */
  static final String SO_NOI_VU_HCM = "831b30fd-f4a3-3798-b3f2-e27830ab027b";

  static final String BO_NOI_VU = "00000000-0000-4000-8000-000000000003";

  /** The demo template. */
  static final String DEMO = "00000000-0000-4b0c-9021-000000000001";

  private ReportTemplateFixtures() {}

  /** A template code no other test uses. */
  static String code() {
    return "T-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase(Locale.ROOT);
  }

  static Map<String, Object> indicator(String code, String type, String aggregation) {
    Map<String, Object> i = new LinkedHashMap<>();
    i.put("code", code);
    i.put("labelVi", "Chỉ tiêu " + code);
    i.put("type", type);
    i.put("aggregation", aggregation);
    return i;
  }

  static Map<String, Object> narrative(String code, String title) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("code", code);
    s.put("titleVi", title);
    s.put("narrative", true);
    return s;
  }

  static Map<String, Object> section(String code, String title, List<Map<String, Object>> ind) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("code", code);
    s.put("titleVi", title);
    s.put("indicators", new ArrayList<>(ind));
    return s;
  }

  /**
   * A valid template: a narrative section, a section of reception figures (a count from the
   * reception book, a weighted rate with a target), a section of conferences, and a narrative
   * section.
   */
  static Map<String, Object> body(String code, String name, String owner) {
    Map<String, Object> visits = indicator("TCD_LUOT", "INTEGER", "SUM");
    visits.put("measurementUnit", "lượt");
    visits.put("required", true);
    visits.put("min", 0);
    visits.put("source", Map.of("kind", "VISITS"));
    Map<String, Object> accepted = indicator("KNTC_THU_LY", "INTEGER", "SUM");
    accepted.put("measurementUnit", "vụ việc");
    Map<String, Object> rate = indicator("KNTC_TY_LE", "PERCENT", "WEIGHTED_AVG");
    rate.put("weightCode", "KNTC_THU_LY");
    rate.put("min", 0);
    rate.put("max", 100);
    rate.put("target", Map.of("operator", "GTE", "value", 85));
    Map<String, Object> held = indicator("HN_SO_HOI_NGHI", "INTEGER", "SUM");
    held.put("measurementUnit", "hội nghị");
    List<Object> sections = new ArrayList<>();
    sections.add(narrative("KET_QUA", "Kết quả đạt được"));
    sections.add(
        section(
            "TIEP_CONG_DAN",
            "Công tác tiếp công dân, giải quyết khiếu nại, tố cáo",
            List.of(visits, accepted, rate)));
    sections.add(section("HOI_NGHI", "Hội nghị, tuyên truyền", List.of(held)));
    sections.add(narrative("TON_TAI", "Tồn tại, hạn chế"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("name", name);
    if (owner != null) {
      body.put("ownerUnitId", owner);
    }
    body.put("sections", sections);
    return body;
  }

  static Map<String, Object> body(String code) {
    return body(code, "Báo cáo công tác dân vận chính quyền " + code, SO_NOI_VU_HCM);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> indicators(Map<String, Object> body, int section) {
    List<Object> sections = (List<Object>) body.get("sections");
    return (List<Map<String, Object>>)
        ((Map<String, Object>) sections.get(section)).get("indicators");
  }

  static Response create(String user, Map<String, Object> body) {
    Response r = json(user).body(body).post(BASE);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r;
  }

  static Response transition(String user, String id, long version, String action) {
    return json(user)
        .header("If-Match", "\"" + version + "\"")
        .body(Map.of("action", action))
        .post(BASE + "/" + id + "/transitions");
  }

  static Response put(String user, String id, long version, Map<String, Object> body) {
    return json(user).header("If-Match", "\"" + version + "\"").body(body).put(BASE + "/" + id);
  }

  static Response newVersion(String user, String id, long version, Map<String, Object> body) {
    return json(user)
        .header("If-Match", "\"" + version + "\"")
        .body(body)
        .post(BASE + "/" + id + "/versions");
  }
}
