package vn.danvan;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.danvan.demo.DemoDirectives;
import vn.danvan.shared.security.DemoAccounts;
import vn.danvan.testing.Api;

/**
 * No existence oracle (issue 9, point 5): every filter and body field that names a unit answers a
 * unit outside the caller's scope exactly like a unit that does not exist (same status, code and
 * body). Fields that accept any unit of the country by design are not probed: coordinating units of
 * a task, recipients of a directive, and the issuer filter of the directive list (issued documents
 * are public).
 */
@QuarkusTest
class UnitOracleTest {

  static final String AHT = DemoAccounts.AN_HOI_TAY.toString();
  static final String HCM = Api.HO_CHI_MINH;
  static final String TASKS = "/api/v1/tasks";

  record Probe(String name, String user, Function<String, Response> call) {}

  String haNoiWard;
  String cityTask;
  String wardTask;

  @BeforeEach
  void setUp() {
    haNoiWard =
        json("admin")
            .queryParam("parentId", Api.HA_NOI)
            .queryParam("kind", "COMMUNE")
            .queryParam("limit", 100)
            .get(Api.ORG_UNITS)
            .jsonPath()
            .<String>getList("items.id")
            .stream()
            .filter(Api::demoUnit)
            .findFirst()
            .orElseThrow();
    cityTask = task("admin", HCM);
    wardTask = task("admin", AHT);
  }

  static Map<String, Object> taskBody(String lead) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("title", "Báo cáo công tác dân vận");
    b.put("description", "Báo cáo tình hình thực hiện công tác dân vận của đơn vị.");
    b.put("leadUnitId", lead);
    b.put("responsiblePerson", "Chủ tịch UBND");
    b.put("dueDate", "2030-03-31");
    b.put("expectedResult", "Báo cáo bằng văn bản");
    return b;
  }

  static String task(String user, String lead) {
    return json(user).body(taskBody(lead)).post(TASKS).then().statusCode(201).extract().path("id");
  }

  List<Probe> probes() {
    List<Probe> p = new ArrayList<>();
    for (String user : List.of("hcm-manager", "ward-officer")) {
      String ownTask = user.equals("hcm-manager") ? cityTask : wardTask;
      p.add(new Probe("task list", user, x -> json(user).queryParam("orgUnitId", x).get(TASKS)));
      p.add(
          new Probe(
              "task list as coordinator",
              user,
              x ->
                  json(user)
                      .queryParam("orgUnitId", x)
                      .queryParam("role", "COORDINATING")
                      .get(TASKS)));
      p.add(
          new Probe(
              "task statistics",
              user,
              x -> json(user).queryParam("orgUnitId", x).get(TASKS + "/statistics")));
      p.add(new Probe("create task, lead", user, x -> json(user).body(taskBody(x)).post(TASKS)));
      p.add(
          new Probe(
              "create task, assigning",
              user,
              x -> {
                Map<String, Object> b = taskBody(AHT);
                b.put("assigningUnitId", x);
                return json(user).body(b).post(TASKS);
              }));
      p.add(
          new Probe(
              "delegate",
              user,
              x ->
                  json(user)
                      .body(Map.of("units", List.of(Map.of("unitId", x))))
                      .post(TASKS + "/" + ownTask + "/delegations")));
      p.add(
          new Probe(
              "bulk assignment",
              user,
              x ->
                  json(user)
                      .body(Map.of("tasks", List.of(taskBody(x))))
                      .post("/api/v1/directives/" + DemoDirectives.KH_847_GO_VAP + "/tasks")));
      p.add(
          new Probe(
              "update task, lead",
              user,
              x -> {
                String id = task(user, AHT);
                return json(user)
                    .header("If-Match", "\"0\"")
                    .body(taskBody(x))
                    .put(TASKS + "/" + id);
              }));
      for (String path : List.of("", "/children", "/descendants", "/ancestors", "/lineage")) {
        p.add(
            new Probe(
                "org unit" + path, user, x -> json(user).get(Api.ORG_UNITS + "/" + x + path)));
      }
      p.add(
          new Probe(
              "org units by parent",
              user,
              x -> json(user).queryParam("parentId", x).get(Api.ORG_UNITS)));
      p.add(
          new Probe(
              "reception visits",
              user,
              x -> json(user).queryParam("orgUnitId", x).get("/api/v1/reception-visits")));
      p.add(
          new Probe(
              "reception sessions",
              user,
              x -> json(user).queryParam("orgUnitId", x).get("/api/v1/reception-sessions")));
      p.add(
          new Probe(
              "cases", user, x -> json(user).queryParam("orgUnitId", x).get("/api/v1/cases")));
      p.add(
          new Probe(
              "reception statistics",
              user,
              x -> json(user).queryParam("orgUnitId", x).get("/api/v1/reception/statistics")));
      p.add(
          new Probe(
              "reception compliance",
              user,
              x -> json(user).queryParam("orgUnitId", x).get("/api/v1/reception/compliance")));
    }
    // writes of unit managers and reception officers
    p.add(
        new Probe(
            "create org unit, parent",
            "hcm-manager",
            x -> json("hcm-manager").body(Api.department("Phòng thử", x)).post(Api.ORG_UNITS)));
    p.add(
        new Probe(
            "create org unit, id",
            "hcm-manager",
            x -> {
              Map<String, Object> b = Api.department("Phòng thử " + UUID.randomUUID(), HCM);
              b.put("id", x);
              return json("hcm-manager").body(b).post(Api.ORG_UNITS);
            }));
    p.add(
        new Probe(
            "correct org unit",
            "hcm-manager",
            x ->
                json("hcm-manager")
                    .header("If-Match", "\"0\"")
                    .body(Map.of("name", "Tên đã sửa"))
                    .put(Api.ORG_UNITS + "/" + x)));
    p.add(
        new Probe(
            "delete org unit",
            "hcm-manager",
            x -> json("hcm-manager").header("If-Match", "\"0\"").delete(Api.ORG_UNITS + "/" + x)));
    p.add(
        new Probe(
            "create directive, issuer",
            "hcm-manager",
            x -> {
              Map<String, Object> b = new LinkedHashMap<>();
              b.put("type", "KE_HOACH");
              b.put("symbol", "KH-UBND");
              b.put("issuingUnitId", x);
              b.put("title", "Kế hoạch thử");
              return json("hcm-manager").body(b).post("/api/v1/directives");
            }));
    for (String user : List.of("hcm-manager", "reception")) {
      p.add(
          new Probe(
              "create reception session",
              user,
              x -> {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("orgUnitId", x);
                s.put("kind", "PERIODIC_HEAD");
                s.put("sessionDate", "2026-03-05");
                s.put("venue", "Trụ sở tiếp công dân");
                s.put("hostName", "Trần Văn Chủ Tịch");
                s.put("hostRole", "HEAD");
                s.put("officials", List.of("Công chức địa chính"));
                return json(user).body(s).post("/api/v1/reception-sessions");
              }));
    }
    p.add(
        new Probe(
            "create reception visit",
            "reception",
            x -> {
              Map<String, Object> v = new LinkedHashMap<>();
              v.put("orgUnitId", x);
              v.put("receivedAt", "2026-03-05T08:30:00+07:00");
              v.put("visitors", List.of());
              v.put("anonymous", false);
              v.put("contentKind", "PETITION");
              v.put("field", "LAND");
              v.put("summary", "Kiến nghị về đường giao thông nông thôn");
              v.put("outcome", "GUIDED");
              return json("reception").body(v).post("/api/v1/reception-visits");
            }));
    p.add(
        new Probe(
            "audit events of a unit",
            "auditor",
            x -> as("auditor").queryParam("entityId", x).get("/api/v1/audit-events")));
    return p;
  }

  @Test
  void aUnitOutsideTheScopeAnswersLikeAMissingOne() {
    List<String> leaks = new ArrayList<>();
    List<String> probed = new ArrayList<>();
    for (Probe probe : probes()) {
      for (String foreign : List.of(haNoiWard, Api.HA_NOI)) {
        String missing = UUID.randomUUID().toString();
        Response a = probe.call().apply(foreign);
        Response b = probe.call().apply(missing);
        String left = normalized(a, foreign);
        String right = normalized(b, missing);
        if (a.statusCode() != b.statusCode() || !left.equals(right)) {
          leaks.add(
              probe.name()
                  + " as "
                  + probe.user()
                  + ": foreign "
                  + a.statusCode()
                  + " "
                  + left
                  + " / missing "
                  + b.statusCode()
                  + " "
                  + right);
        }
        if (foreign.equals(haNoiWard)) {
          probed.add(probe.name() + " as " + probe.user() + " → " + a.statusCode());
        }
      }
    }
    assertThat(leaks).as(String.join("\n", probed)).isEmpty();
  }

  /** The body with the probed id replaced and the request-specific instance left out. */
  private static String normalized(Response r, String id) {
    String body = r.asString().replace(id, "<unit>");
    return body.replaceAll("\"instance\":\"[^\"]*\",?", "").replaceAll(",}", "}");
  }
}
