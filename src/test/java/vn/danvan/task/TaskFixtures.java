package vn.danvan.task;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.json;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import vn.danvan.orgunit.UnitIds;

/** A private tree per test (province, district, three communes, a department) and task helpers. */
public final class TaskFixtures {

  static final String BASE = "/api/v1/tasks";

  final String tag = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
  final String province;
  final String district;
  final String c1;
  final String c2;
  final String c3;
  final String dept;

  TaskFixtures() {
    province = unit("PROVINCE", "Tỉnh Thử " + tag, "X" + tag, UnitIds.ROOT.toString());
    district = unit("DISTRICT", "Huyện Thử " + tag, "H" + tag, province);
    c1 = unit("COMMUNE", "Xã An " + tag, "A" + tag, district);
    c2 = unit("COMMUNE", "Xã Bình " + tag, "B" + tag, district);
    c3 = unit("COMMUNE", "Xã Châu " + tag, "C" + tag, district);
    dept = unit("DEPARTMENT", "Phòng Nội vụ huyện " + tag, null, district);
  }

  static String unit(String kind, String name, String code, String parent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", kind);
    body.put("name", name);
    body.put("validFrom", "2000-01-01");
    body.put("parentId", parent);
    if (code != null) {
      body.put("code", code);
    }
    return json("admin")
        .body(body)
        .post("/api/v1/org-units")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A valid task body: the five clears, due on {@code due}. */
  public static Map<String, Object> body(String leadUnitId, String due) {
    Map<String, Object> b = new HashMap<>();
    b.put("title", "Báo cáo công tác dân vận của chính quyền");
    b.put("description", "Báo cáo tình hình thực hiện công tác dân vận, dân chủ cơ sở của đơn vị.");
    b.put("leadUnitId", leadUnitId);
    b.put("responsiblePerson", "Chủ tịch UBND");
    b.put("dueDate", due);
    b.put("expectedResult", "Báo cáo bằng văn bản gửi Phòng Nội vụ");
    return b;
  }

  static Response create(String user, Map<String, Object> body) {
    return json(user).body(body).post(BASE);
  }

  static String created(String user, Map<String, Object> body) {
    Response r = create(user, body);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r.jsonPath().getString("id");
  }

  static Response get(String user, String id) {
    return json(user).get(BASE + "/" + id);
  }

  static long version(String id) {
    return get("admin", id).jsonPath().getLong("version");
  }

  static Response transition(String user, String id, String action, Map<String, Object> extra) {
    Map<String, Object> b = new HashMap<>(extra);
    b.put("action", action);
    return json(user)
        .header("If-Match", "\"" + version(id) + "\"")
        .body(b)
        .post(BASE + "/" + id + "/transitions");
  }

  static void ok(Response r) {
    assertThat(r.statusCode()).as(r.asString()).isBetween(200, 201);
  }

  static Response complete(String user, String id, String on) {
    Map<String, Object> extra = new HashMap<>();
    extra.put("resultNote", "Đã gửi báo cáo");
    if (on != null) {
      extra.put("completedOn", on);
    }
    return transition(user, id, "COMPLETE", extra);
  }

  static Response delegate(String user, String id, Map<String, Object> body) {
    return json(user).body(body).post(BASE + "/" + id + "/delegations");
  }

  static List<String> ids(Response r) {
    return r.jsonPath().getList("items.id");
  }
}
