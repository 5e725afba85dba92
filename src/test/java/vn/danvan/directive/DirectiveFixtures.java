package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.json;

import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.danvan.demo.DemoDirectives;
import vn.danvan.orgunit.UnitIds;

/** Requests of the directive tests, and the demo documents they read. */
final class DirectiveFixtures {

  static final String BASE = "/api/v1/directives";
  static final UUID HCM = UnitIds.province("79");
  static final UUID GO_VAP = UnitIds.district("764");
  static final String GO_VAP_TITLE =
      "Thực hiện công tác dân vận của chính quyền và quy chế dân chủ ở cơ sở năm 2023 trên địa bàn quận Gò Vấp";
  static final String CT33_TITLE =
      "Về tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới";
  static final String KH55_CITATION =
      "Kế hoạch số 55/KH-UBND ngày 11 tháng 01 năm 2023 của UBND quận Gò Vấp về ban hành Kế hoạch phát triển kinh tế - xã hội và Chương trình công tác năm 2023";

  /** The demo documents the tests read: 33/CT-TTg → 246/KH-UBND (TP HCM) → 847/KH-UBND. */
  record Chain(String ct33, String kh246, String kh847) {}

  private DirectiveFixtures() {}

  static Chain chain() {
    return new Chain(
        DemoDirectives.CT_33_TTG.toString(),
        DemoDirectives.KH_246_HCM.toString(),
        DemoDirectives.KH_847_GO_VAP.toString());
  }

  /** Kế hoạch 847/KH-UBND of UBND quận Gò Vấp, 10/03/2023, with every field it carries. */
  static Map<String, Object> goVapPlan() {
    Map<String, Object> body =
        doc(
            "KE_HOACH",
            847,
            "KH-UBND",
            GO_VAP,
            "2023-03-10",
            GO_VAP_TITLE,
            Map.of(
                "place", "Gò Vấp",
                "body",
                    "Chú trọng đẩy mạnh phong trào thi đua “Dân vận khéo” gắn với việc học tập và làm theo"
                        + " tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
                "signerName", "Đào Thị My Thư",
                "signerTitle", "Phó Chủ tịch",
                "signingAuthority", "KT",
                "urgency", "NORMAL",
                "secrecy", "NONE"));
    body.put(
        "recipients",
        List.of(
            Map.of("unitId", HCM.toString(), "purpose", "REPORT_TO"),
            Map.of("unitId", UnitIds.department(HCM, "NOI_VU").toString(), "purpose", "REPORT_TO"),
            Map.of("name", "Thường trực Quận ủy", "purpose", "FOR_INFORMATION"),
            Map.of("name", "UBND 16 phường", "purpose", "EXECUTE"),
            Map.of("name", "Lưu: VT, T (02)", "purpose", "ARCHIVE")));
    return body;
  }

  static Map<String, Object> doc(
      String type,
      Integer number,
      String symbol,
      UUID unit,
      String issueDate,
      String title,
      Map<String, Object> more) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    if (number != null) {
      body.put("number", number);
    }
    body.put("symbol", symbol);
    if (unit != null) {
      body.put("issuingUnitId", unit.toString());
    }
    if (issueDate != null) {
      body.put("issueDate", issueDate);
    }
    body.put("title", title);
    body.putAll(more);
    return body;
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

  /** Creates and issues; returns the id. */
  static String issued(String user, Map<String, Object> body) {
    Response created = create(user, body);
    String id = created.jsonPath().getString("id");
    Response issued = transition(user, id, created.jsonPath().getLong("version"), "ISSUE");
    assertThat(issued.statusCode()).as(issued.asString()).isEqualTo(200);
    return id;
  }

  static Response reference(String user, String source, String target, String relation) {
    Response r =
        json(user)
            .body(Map.of("targetId", target, "relation", relation))
            .post(BASE + "/" + source + "/references");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r;
  }
}
