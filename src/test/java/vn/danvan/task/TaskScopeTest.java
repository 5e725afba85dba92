package vn.danvan.task;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.task.TaskFixtures.BASE;
import static vn.danvan.task.TaskFixtures.body;
import static vn.danvan.task.TaskFixtures.created;
import static vn.danvan.task.TaskFixtures.get;
import static vn.danvan.task.TaskFixtures.ok;
import static vn.danvan.task.TaskFixtures.transition;
import static vn.danvan.task.TaskFixtures.version;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.danvan.demo.DemoDirectives;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.shared.security.DemoAccounts;
import vn.danvan.testing.Api;
import vn.danvan.testing.TestClock;

/**
 * Who may write a task where (issue 9, point 2): the caller acts for both the assigning unit and
 * the lead unit, a unit assigns work only to itself or below it, coordinating units may be anywhere
 * but must exist on the day. The whole role × scope matrix of create, update, delegate and bulk
 * assignment with foreign lead, assigning and coordinating units.
 */
@QuarkusTest
class TaskScopeTest {

  static final String AHT = DemoAccounts.AN_HOI_TAY.toString();
  static final String HCM = Api.HO_CHI_MINH;
  static final String HA_NOI = Api.HA_NOI;

  /** A district abolished on 1/7/2025: it does not exist on the assignment day. */
  static final String GO_VAP = UnitIds.district("764").toString();

  static final List<String> USERS =
      List.of("admin", "hcm-manager", "ward-officer", "viewer", "auditor");

  /** Expected answer: a status and, for errors, the problem code. */
  record Expect(int status, String code) {
    static Expect of(String s) {
      String[] p = s.split(" ");
      return new Expect(Integer.parseInt(p[0]), p.length > 1 ? p[1] : null);
    }
  }

  String otherWard;
  String haNoiWard;
  String random;

  @BeforeEach
  void setUp() {
    TestClock.today(LocalDate.parse("2030-01-10"));
    otherWard = firstChild(HCM, AHT);
    haNoiWard = firstChild(HA_NOI, null);
    random = UUID.randomUUID().toString();
  }

  @AfterEach
  void time() {
    TestClock.reset();
  }

  static String firstChild(String province, String except) {
    return json("admin")
        .queryParam("parentId", province)
        .queryParam("kind", "COMMUNE")
        .queryParam("limit", 100)
        .get(Api.ORG_UNITS)
        .jsonPath()
        .getList("items.id", String.class)
        .stream()
        .filter(Api::demoUnit)
        .filter(id -> !id.equals(except))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Expected answers per user, in the order of {@link #USERS}; roles that never write tasks
   * (viewer, auditor) are 403 by role and may be left out.
   */
  static List<Expect> expect(String... perUser) {
    List<Expect> out = new ArrayList<>();
    for (String s : perUser) {
      out.add(Expect.of(s));
    }
    while (out.size() < USERS.size()) {
      out.add(new Expect(403, "FORBIDDEN"));
    }
    return out;
  }

  /** Runs every (case, user) and reports all mismatches at once. */
  static void matrix(
      Map<String, List<Expect>> cases,
      java.util.function.BiFunction<String, String, Response> run) {
    List<String> mismatches = new ArrayList<>();
    cases.forEach(
        (name, expected) -> {
          for (int u = 0; u < USERS.size(); u++) {
            String user = USERS.get(u);
            Response r = run.apply(name, user);
            Expect e = expected.get(u);
            String code = r.statusCode() >= 400 ? r.jsonPath().getString("code") : null;
            if (r.statusCode() != e.status() || (e.code() != null && !e.code().equals(code))) {
              mismatches.add(
                  name
                      + " as "
                      + user
                      + ": expected "
                      + e
                      + ", got "
                      + r.statusCode()
                      + " "
                      + code);
            }
            if (r.statusCode() >= 400) {
              Api.assertProblem(r, r.statusCode(), code);
            }
          }
        });
    assertThat(mismatches).isEmpty();
  }

  Map<String, Object> task(String lead, Consumer<Map<String, Object>> more) {
    Map<String, Object> b = body(lead, "2030-03-31");
    more.accept(b);
    return b;
  }

  @Test
  void createNeedsBothTheAssigningAndTheLeadUnit() {
    Map<String, Supplier<Map<String, Object>>> bodies = new LinkedHashMap<>();
    Map<String, List<Expect>> cases = new LinkedHashMap<>();
    // admin, hcm-manager, ward-officer (viewer and auditor: 403 by role)
    add(bodies, cases, "own ward", () -> task(AHT, b -> {}), "201", "201", "201");
    add(
        bodies,
        cases,
        "Hà Nội lead",
        () -> task(haNoiWard, b -> {}),
        "201",
        "422 UNKNOWN_UNIT",
        "422 UNKNOWN_UNIT");
    add(
        bodies,
        cases,
        "Hà Nội lead, own ward assigns",
        () -> task(haNoiWard, b -> b.put("assigningUnitId", AHT)),
        "400 VALIDATION_FAILED",
        "422 UNKNOWN_UNIT",
        "422 UNKNOWN_UNIT");
    add(
        bodies,
        cases,
        "Hà Nội lead, TP HCM assigns",
        () -> task(haNoiWard, b -> b.put("assigningUnitId", HCM)),
        "400 VALIDATION_FAILED",
        "422 UNKNOWN_UNIT",
        "422 UNKNOWN_UNIT");
    add(
        bodies,
        cases,
        "own ward, Hà Nội assigns",
        () -> task(AHT, b -> b.put("assigningUnitId", HA_NOI)),
        "400 VALIDATION_FAILED",
        "422 UNKNOWN_UNIT",
        "422 UNKNOWN_UNIT");
    add(
        bodies,
        cases,
        "own ward, TP HCM assigns",
        () -> task(AHT, b -> b.put("assigningUnitId", HCM)),
        "201",
        "201",
        "422 UNKNOWN_UNIT");
    add(
        bodies,
        cases,
        "another HCM ward, own ward assigns",
        () -> task(otherWard, b -> b.put("assigningUnitId", AHT)),
        "400 VALIDATION_FAILED",
        "400 VALIDATION_FAILED",
        "422 UNKNOWN_UNIT");
    add(
        bodies,
        cases,
        "Hà Nội coordinates",
        () -> task(AHT, b -> b.put("coordinatingUnitIds", List.of(haNoiWard))),
        "201",
        "201",
        "201");
    add(
        bodies,
        cases,
        "unknown coordinator",
        () -> task(AHT, b -> b.put("coordinatingUnitIds", List.of(random))),
        "422 UNKNOWN_UNIT",
        "422 UNKNOWN_UNIT",
        "422 UNKNOWN_UNIT");
    add(
        bodies,
        cases,
        "coordinator closed on the day",
        () -> task(AHT, b -> b.put("coordinatingUnitIds", List.of(GO_VAP))),
        "400 VALIDATION_FAILED",
        "400 VALIDATION_FAILED",
        "400 VALIDATION_FAILED");
    add(
        bodies,
        cases,
        "Hà Nội lead, own ward coordinates",
        () -> task(haNoiWard, b -> b.put("coordinatingUnitIds", List.of(AHT))),
        "201",
        "422 UNKNOWN_UNIT",
        "422 UNKNOWN_UNIT");
    add(
        bodies,
        cases,
        "unknown lead",
        () -> task(random, b -> {}),
        "422 UNKNOWN_UNIT",
        "422 UNKNOWN_UNIT",
        "422 UNKNOWN_UNIT");
    matrix(cases, (name, user) -> json(user).body(bodies.get(name).get()).post(BASE));
  }

  private static void add(
      Map<String, Supplier<Map<String, Object>>> bodies,
      Map<String, List<Expect>> cases,
      String name,
      Supplier<Map<String, Object>> body,
      String... perUser) {
    bodies.put(name, body);
    cases.put(name, expect(perUser));
  }

  @Test
  void theDefaultAssigningUnitIsOneTheCallerActsFor() {
    assertThat(assigning("admin", AHT)).isEqualTo(HCM);
    assertThat(assigning("hcm-manager", AHT)).isEqualTo(HCM);
    // a ward officer records work its ward gives itself; it never names the city as assigner
    assertThat(assigning("ward-officer", AHT)).isEqualTo(AHT);
  }

  private String assigning(String user, String lead) {
    return get("admin", created(user, body(lead, "2030-03-31")))
        .jsonPath()
        .getString("assigningUnitId");
  }

  @Test
  void updateNeedsBothUnitsBeforeAndAfter() {
    Map<String, Consumer<Map<String, Object>>> edits = new LinkedHashMap<>();
    Map<String, List<Expect>> cases = new LinkedHashMap<>();
    // the task: led by the ward, assigned by the city (created by admin)
    edits.put("title", b -> b.put("title", "Tên đã sửa"));
    cases.put("title", expect("200", "200", "403 FORBIDDEN"));
    edits.put("lead to Hà Nội", b -> b.put("leadUnitId", haNoiWard));
    cases.put(
        "lead to Hà Nội", expect("400 VALIDATION_FAILED", "422 UNKNOWN_UNIT", "403 FORBIDDEN"));
    edits.put(
        "lead and assigner to Hà Nội",
        b -> {
          b.put("leadUnitId", haNoiWard);
          b.put("assigningUnitId", HA_NOI);
        });
    cases.put("lead and assigner to Hà Nội", expect("200", "422 UNKNOWN_UNIT", "403 FORBIDDEN"));
    edits.put("the ward takes the assigner's place", b -> b.put("assigningUnitId", AHT));
    cases.put("the ward takes the assigner's place", expect("200", "200", "403 FORBIDDEN"));
    edits.put("lead to another HCM ward", b -> b.put("leadUnitId", otherWard));
    cases.put("lead to another HCM ward", expect("200", "200", "403 FORBIDDEN"));
    edits.put("Hà Nội coordinates", b -> b.put("coordinatingUnitIds", List.of(haNoiWard)));
    cases.put("Hà Nội coordinates", expect("200", "200", "403 FORBIDDEN"));
    matrix(
        cases,
        (name, user) -> put(user, created("admin", body(AHT, "2030-03-31")), edits.get(name)));

    // the ward's own task (assigned by the ward itself)
    Map<String, Consumer<Map<String, Object>>> own = new LinkedHashMap<>();
    Map<String, List<Expect>> ownCases = new LinkedHashMap<>();
    own.put("title", b -> b.put("title", "Tên đã sửa"));
    ownCases.put("title", expect("200", "200", "200"));
    own.put("lead to another HCM ward", b -> b.put("leadUnitId", otherWard));
    ownCases.put(
        "lead to another HCM ward",
        expect("400 VALIDATION_FAILED", "400 VALIDATION_FAILED", "422 UNKNOWN_UNIT"));
    own.put("lead to Hà Nội", b -> b.put("leadUnitId", haNoiWard));
    ownCases.put(
        "lead to Hà Nội", expect("400 VALIDATION_FAILED", "422 UNKNOWN_UNIT", "422 UNKNOWN_UNIT"));
    own.put("the city assigns", b -> b.put("assigningUnitId", HCM));
    ownCases.put("the city assigns", expect("200", "200", "422 UNKNOWN_UNIT"));
    matrix(
        ownCases,
        (name, user) -> put(user, created("ward-officer", body(AHT, "2030-03-31")), own.get(name)));

    // a Hà Nội task: not even seen
    Map<String, List<Expect>> foreign = new LinkedHashMap<>();
    foreign.put("title", expect("200", "404 NOT_FOUND", "404 NOT_FOUND"));
    matrix(
        foreign,
        (name, user) ->
            put(user, created("admin", body(haNoiWard, "2030-03-31")), b -> b.put("title", "x")));
  }

  /** PUT of the task as admin reads it (lead, assigner, dates) with an edit applied. */
  private Response put(String user, String id, Consumer<Map<String, Object>> edit) {
    var t = get("admin", id).jsonPath();
    Map<String, Object> b = body(t.getString("leadUnitId"), t.getString("dueDate"));
    b.put("assigningUnitId", t.getString("assigningUnitId"));
    edit.accept(b);
    return json(user).header("If-Match", "\"" + version(id) + "\"").body(b).put(BASE + "/" + id);
  }

  @Test
  void delegationIsAssignedByTheParentsLeadUnit() {
    String dept = unit("DEPARTMENT", "Tổ công tác thử " + UUID.randomUUID(), AHT);
    Map<String, Supplier<String>> parents = new LinkedHashMap<>();
    Map<String, String> targets = new HashMap<>();
    Map<String, List<Expect>> cases = new LinkedHashMap<>();
    Supplier<String> city = () -> created("admin", body(HCM, "2030-03-31"));
    Supplier<String> ward = () -> created("admin", body(AHT, "2030-03-31"));
    Supplier<String> haNoiCoordinatedByWard =
        () -> {
          Map<String, Object> b = body(haNoiWard, "2030-03-31");
          b.put("coordinatingUnitIds", List.of(AHT));
          return created("admin", b);
        };
    parents.put("city task to the ward", city);
    targets.put("city task to the ward", AHT);
    cases.put("city task to the ward", expect("201", "201", "404 NOT_FOUND"));
    parents.put("city task to Hà Nội", city);
    targets.put("city task to Hà Nội", haNoiWard);
    cases.put(
        "city task to Hà Nội",
        expect("400 VALIDATION_FAILED", "422 UNKNOWN_UNIT", "404 NOT_FOUND"));
    parents.put("city task to an unknown unit", city);
    targets.put("city task to an unknown unit", random);
    cases.put(
        "city task to an unknown unit",
        expect("422 UNKNOWN_UNIT", "422 UNKNOWN_UNIT", "404 NOT_FOUND"));
    parents.put("ward task to its team", ward);
    targets.put("ward task to its team", dept);
    cases.put("ward task to its team", expect("201", "201", "201"));
    parents.put("ward task to another ward", ward);
    targets.put("ward task to another ward", otherWard);
    cases.put(
        "ward task to another ward",
        expect("400 VALIDATION_FAILED", "400 VALIDATION_FAILED", "422 UNKNOWN_UNIT"));
    parents.put("ward task to Hà Nội", ward);
    targets.put("ward task to Hà Nội", haNoiWard);
    cases.put(
        "ward task to Hà Nội",
        expect("400 VALIDATION_FAILED", "422 UNKNOWN_UNIT", "422 UNKNOWN_UNIT"));
    // coordinating is seeing, not assigning
    parents.put("Hà Nội task the ward coordinates", haNoiCoordinatedByWard);
    targets.put("Hà Nội task the ward coordinates", random);
    cases.put(
        "Hà Nội task the ward coordinates",
        expect("422 UNKNOWN_UNIT", "403 FORBIDDEN", "403 FORBIDDEN"));
    matrix(
        cases,
        (name, user) ->
            TaskFixtures.delegate(
                user,
                parents.get(name).get(),
                Map.of("units", List.of(Map.of("unitId", targets.get(name))))));
  }

  @Test
  void bulkAssignmentNeedsBothUnitsOnEveryLine() {
    String plan = DemoDirectives.KH_847_GO_VAP.toString();
    Map<String, Supplier<List<Map<String, Object>>>> lines = new LinkedHashMap<>();
    Map<String, List<Expect>> cases = new LinkedHashMap<>();
    lines.put("own ward", () -> List.of(task(AHT, b -> {})));
    cases.put("own ward", expect("201", "201", "201"));
    lines.put("Hà Nội lead", () -> List.of(task(AHT, b -> {}), task(haNoiWard, b -> {})));
    cases.put("Hà Nội lead", expect("201", "422 UNKNOWN_UNIT", "422 UNKNOWN_UNIT"));
    lines.put(
        "Hà Nội lead, own ward assigns",
        () -> List.of(task(haNoiWard, b -> b.put("assigningUnitId", AHT))));
    cases.put(
        "Hà Nội lead, own ward assigns",
        expect("400 VALIDATION_FAILED", "422 UNKNOWN_UNIT", "422 UNKNOWN_UNIT"));
    lines.put(
        "own ward, Hà Nội assigns",
        () -> List.of(task(AHT, b -> b.put("assigningUnitId", HA_NOI))));
    cases.put(
        "own ward, Hà Nội assigns",
        expect("400 VALIDATION_FAILED", "422 UNKNOWN_UNIT", "422 UNKNOWN_UNIT"));
    lines.put(
        "Hà Nội coordinates",
        () -> List.of(task(AHT, b -> b.put("coordinatingUnitIds", List.of(haNoiWard)))));
    cases.put("Hà Nội coordinates", expect("201", "201", "201"));
    matrix(
        cases,
        (name, user) ->
            json(user)
                .body(Map.of("tasks", lines.get(name).get()))
                .post("/api/v1/directives/" + plan + "/tasks"));

    // the refused line is named, nothing is created
    Response refused =
        json("hcm-manager")
            .body(Map.of("tasks", List.of(task(AHT, b -> {}), task(haNoiWard, b -> {}))))
            .post("/api/v1/directives/" + plan + "/tasks");
    assertThat(refused.jsonPath().getList("errors.pointer")).containsExactly("/tasks/1/leadUnitId");
  }

  @Test
  void auditorsOfTheCallersUnitReadWhatItDid() {
    // a running clock: the events are listed newest first, so they must not share an instant
    TestClock.runningFrom(LocalDate.parse("2030-01-10"));
    // a ward of the city, a task the city assigns it, then the ward moves to Hà Nội
    String moving = unit("COMMUNE", "Phường Thử Kiểm toán " + UUID.randomUUID(), HCM);
    String id = created("hcm-manager", body(moving, "2030-03-31"));
    assertThat(events("auditor", id)).containsExactly("CREATE");
    Map<String, Object> move = new LinkedHashMap<>();
    move.put("kind", "MOVE");
    move.put("effectiveDate", "2030-01-10");
    move.put("legalBasis", "Nghị quyết thử");
    move.put("sources", List.of(Map.of("unitId", moving)));
    move.put("newParentId", HA_NOI);
    ok(json("admin").body(move).post(Api.ORG_UNITS + "/restructurings"));

    // the city still assigns the task; what its manager does there stays readable by its auditor
    ok(transition("hcm-manager", id, "START", Map.of()));
    assertThat(events("auditor", id)).containsExactly("TASK_START", "CREATE");
    // and by the auditors of the record's unit, as before (admin sees everything)
    assertThat(events("admin", id)).containsExactly("TASK_START", "CREATE");
  }

  /** A unit (made by admin) that exists since 2026, after the 2025 reform. */
  static String unit(String kind, String name, String parent) {
    Map<String, Object> unit = new LinkedHashMap<>();
    unit.put("kind", kind);
    unit.put("name", name);
    unit.put("validFrom", "2026-01-01");
    unit.put("parentId", parent);
    return json("admin").body(unit).post(Api.ORG_UNITS).then().statusCode(201).extract().path("id");
  }

  private static List<String> events(String user, String entityId) {
    Response r = as(user).queryParam("entityId", entityId).get("/api/v1/audit-events");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath().getList("items.action", String.class);
  }
}
