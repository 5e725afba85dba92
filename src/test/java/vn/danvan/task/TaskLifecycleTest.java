package vn.danvan.task;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.task.TaskFixtures.BASE;
import static vn.danvan.task.TaskFixtures.body;
import static vn.danvan.task.TaskFixtures.complete;
import static vn.danvan.task.TaskFixtures.create;
import static vn.danvan.task.TaskFixtures.created;
import static vn.danvan.task.TaskFixtures.delegate;
import static vn.danvan.task.TaskFixtures.get;
import static vn.danvan.task.TaskFixtures.ids;
import static vn.danvan.task.TaskFixtures.ok;
import static vn.danvan.task.TaskFixtures.transition;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.testing.Api;
import vn.danvan.testing.TestClock;

/**
 * What happens to a task over time: extensions, recurring occurrences, restructuring, bulk
 * assignment by a directive, and who sees what.
 */
@QuarkusTest
class TaskLifecycleTest {

  static final String AN_HOI_TAY = "00000000-0000-4000-8004-000000026882";

  @Inject TaskScheduler scheduler;

  TaskFixtures f;

  @BeforeEach
  void setUp() {
    TestClock.today(LocalDate.parse("2030-01-10"));
    f = new TaskFixtures();
  }

  @AfterEach
  void time() {
    TestClock.reset();
  }

  @Test
  void theLeadUnitAsksTheAssigningUnitDecidesTheHistoryIsKept() {
    String id = created("hcm-manager", body(AN_HOI_TAY, "2030-03-31"));
    assertThat(get("admin", id).jsonPath().getString("assigningUnitId")).isEqualTo(Api.HO_CHI_MINH);
    String base = BASE + "/" + id + "/extension-requests";
    assertProblem(
        json("ward-officer")
            .body(Map.of("requestedDueDate", "2030-03-31", "reason", "x"))
            .post(base),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        json("ward-officer").body(Map.of("requestedDueDate", "2030-04-30")).post(base),
        400,
        "VALIDATION_FAILED");
    Response asked =
        json("ward-officer")
            .body(Map.of("requestedDueDate", "2030-04-30", "reason", "Chờ số liệu quý I"))
            .post(base);
    assertThat(asked.statusCode()).as(asked.asString()).isEqualTo(201);
    String rid = asked.jsonPath().getString("id");
    assertThat(asked.jsonPath().getString("status")).isEqualTo("PENDING");
    assertThat(asked.jsonPath().getString("previousDueDate")).isEqualTo("2030-03-31");
    assertProblem(
        json("ward-officer")
            .body(Map.of("requestedDueDate", "2030-05-30", "reason", "Thêm nữa"))
            .post(base),
        409,
        "EXTENSION_PENDING");
    // an officer of the lead unit does not decide; a manager of the assigning unit does
    assertProblem(decide("ward-officer", id, rid, 0, "APPROVE"), 403, "FORBIDDEN");
    assertProblem(decide("hcm-manager", id, rid, 5, "APPROVE"), 412, "PRECONDITION_FAILED");
    Response approved = decide("hcm-manager", id, rid, 0, "APPROVE");
    assertThat(approved.statusCode()).as(approved.asString()).isEqualTo(200);
    assertThat(approved.jsonPath().getString("status")).isEqualTo("APPROVED");
    assertThat(approved.jsonPath().getString("decidedBy")).isEqualTo("hcm-manager");
    assertProblem(decide("hcm-manager", id, rid, 1, "REJECT"), 409, "EXTENSION_DECIDED");

    JsonPath t = get("ward-officer", id).jsonPath();
    assertThat(t.getString("dueDate")).isEqualTo("2030-04-30");
    assertThat(t.getString("originalDueDate")).isEqualTo("2030-03-31");
    // past the first due date, within the extended one
    TestClock.today(LocalDate.parse("2030-04-15"));
    assertThat(get("admin", id).jsonPath().getString("state")).isEqualTo("IN_PROGRESS_IN_TERM");
    JsonPath history = json("ward-officer").get(BASE + "/" + id + "/due-dates").jsonPath();
    assertThat(history.getList("items.dueDate")).containsExactly("2030-03-31", "2030-04-30");
    assertThat(history.getList("items.source")).containsExactly("INITIAL", "EXTENSION");
    assertThat(history.getString("items[1].extensionId")).isEqualTo(rid);
    // a second request, rejected: the due date stays
    Response again =
        json("ward-officer")
            .body(Map.of("requestedDueDate", "2030-05-15", "reason", "Lần hai"))
            .post(base);
    String rid2 = again.jsonPath().getString("id");
    ok(decide("hcm-manager", id, rid2, 0, "REJECT"));
    assertThat(get("admin", id).jsonPath().getString("dueDate")).isEqualTo("2030-04-30");
    assertThat(json("admin").get(base).jsonPath().getList("items.status"))
        .containsExactly("REJECTED", "APPROVED");

    // a child cannot be extended past its parent
    String parent = created("admin", body(f.district, "2030-06-30"));
    String child =
        ids(delegate(
                "admin",
                parent,
                Map.of("units", List.of(Map.of("unitId", f.c1, "dueDate", "2030-06-01")))))
            .get(0);
    assertProblem(
        json("admin")
            .body(Map.of("requestedDueDate", "2030-07-01", "reason", "Quá hạn cha"))
            .post(BASE + "/" + child + "/extension-requests"),
        400,
        "VALIDATION_FAILED");
  }

  private static Response decide(String user, String id, String rid, long version, String action) {
    return json(user)
        .header("If-Match", "\"" + version + "\"")
        .body(Map.of("action", action, "note", "Ý kiến"))
        .post(BASE + "/" + id + "/extension-requests/" + rid + "/transitions");
  }

  @Test
  void aRecurringTaskGeneratesDatedOccurrencesTrackedOnTheirOwn() {
    Map<String, Object> monthly = body(f.c1, null);
    monthly.remove("dueDate");
    monthly.put("recurrence", Map.of("frequency", "MONTHLY", "dayOfMonth", 31));
    Response r = create("admin", monthly);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    String series = r.jsonPath().getString("id");
    assertThat(r.jsonPath().getString("recurrence.startDate")).isEqualTo("2030-01-10");
    assertThat(r.jsonPath().getString("dueDate")).isNull();
    assertThat(occurrences(series)).containsExactly("2030-01-31");

    // the nightly run creates the next ones; each occurrence has its own state
    TestClock.today(LocalDate.parse("2030-03-05"));
    scheduler.extendSeries();
    assertThat(occurrences(series)).containsExactly("2030-01-31", "2030-02-28", "2030-03-31");
    scheduler.extendSeries();
    assertThat(occurrences(series)).hasSize(3);
    JsonPath children = json("admin").get(BASE + "/" + series + "/children").jsonPath();
    assertThat(children.getList("items.state"))
        .containsExactly("OVERDUE", "OVERDUE", "IN_PROGRESS_IN_TERM");
    assertThat(children.getList("items.seriesId")).containsOnly(series);
    String january = children.getString("items[0].id");
    ok(complete("admin", january, "2030-01-30"));
    assertThat(get("admin", january).jsonPath().getString("state")).isEqualTo("DONE_ON_TIME");
    JsonPath s = get("admin", series).jsonPath();
    // the schedule itself has no state: only its dated occurrences do (as in statistics)
    assertThat(s.getString("state")).isNull();
    assertThat(s.getString("derivedDueDate")).isEqualTo("2030-03-31");
    assertThat(s.getInt("childCount")).isEqualTo(3);
    // delegation and extension are per occurrence, not for the schedule
    assertProblem(delegate("admin", series, Map.of("childKind", "COMMUNE")), 409, "TASK_RECURRING");

    // "báo cáo 6 tháng trước ngày 05/5" and "báo cáo năm trước ngày 05/11", since 2029
    Map<String, Object> yearly = body(f.dept, null);
    yearly.remove("dueDate");
    yearly.put("assignedOn", "2029-03-10");
    yearly.put("recurrence", Map.of("frequency", "YEARLY", "dayOfMonth", 5, "month", 11));
    String annual = created("admin", yearly);
    assertThat(occurrences(annual)).containsExactly("2029-11-05", "2030-11-05");
    Map<String, Object> noMonth = body(f.dept, null);
    noMonth.remove("dueDate");
    noMonth.put("recurrence", Map.of("frequency", "YEARLY", "dayOfMonth", 5));
    assertProblem(create("admin", noMonth), 400, "VALIDATION_FAILED");
  }

  private static List<String> occurrences(String series) {
    return json("admin")
        .queryParam("limit", 500)
        .get(BASE + "/" + series + "/children")
        .jsonPath()
        .getList("items.periodDate");
  }

  @Test
  void restructuringMovesOpenTasksToTheSuccessorAndLeavesFinishedOnes() {
    String open = created("admin", body(f.c1, "2030-06-30"));
    String started = created("admin", body(f.c2, "2030-06-30"));
    ok(transition("admin", started, "START", Map.of()));
    String done = created("admin", body(f.c1, "2030-06-30"));
    ok(complete("admin", done, null));
    Map<String, Object> coordinated = body(f.c3, "2030-06-30");
    coordinated.put("coordinatingUnitIds", List.of(f.c1));
    String other = created("admin", coordinated);

    Response merged =
        json("admin")
            .body(
                "{\"kind\":\"MERGE\",\"effectiveDate\":\"2030-03-01\",\"legalBasis\":\"Nghị quyết thử nghiệm "
                    + f.tag
                    + "\",\"sources\":[{\"unitId\":\""
                    + f.c1
                    + "\"},{\"unitId\":\""
                    + f.c2
                    + "\"}],\"newUnit\":{\"kind\":\"COMMUNE\",\"name\":\"Xã Hợp Nhất "
                    + f.tag
                    + "\",\"code\":\"M"
                    + f.tag
                    + "\"}}")
            .post("/api/v1/org-units/restructurings");
    assertThat(merged.statusCode()).as(merged.asString()).isEqualTo(201);
    String successor = merged.jsonPath().getString("createdUnits[0].id");
    List<Map<String, Object>> transfers = merged.jsonPath().getList("transfers");
    assertThat(transfers)
        .filteredOn(t -> "TASK".equals(t.get("entityType")))
        .extracting(t -> t.get("fromUnitId") + ">" + t.get("toUnitId") + "=" + t.get("count"))
        .containsExactlyInAnyOrder(f.c1 + ">" + successor + "=1", f.c2 + ">" + successor + "=1");

    JsonPath moved = get("admin", open).jsonPath();
    assertThat(moved.getString("leadUnitId")).isEqualTo(successor);
    assertThat(moved.getString("transferredFromUnitId")).isEqualTo(f.c1);
    assertThat(moved.getString("transferredOn")).isEqualTo("2030-03-01");
    assertThat(get("admin", started).jsonPath().getString("leadUnitId")).isEqualTo(successor);
    assertThat(get("admin", done).jsonPath().getString("leadUnitId")).isEqualTo(f.c1);
    assertThat(get("admin", other).jsonPath().getList("coordinatingUnitIds"))
        .containsExactly(successor);
    // the successor's list and the district's subtree both hold the moved tasks
    assertThat(ids(json("admin").queryParam("orgUnitId", successor).get(BASE)))
        .containsExactlyInAnyOrder(open, started);
    assertThat(
            ids(
                json("admin")
                    .queryParam("orgUnitId", f.district)
                    .queryParam("orgUnitMode", "DESCENDANTS")
                    .queryParam("limit", 100)
                    .get(BASE)))
        .containsExactlyInAnyOrder(open, started, done, other);
  }

  @Test
  void aDirectiveAssignsManyTasksAllOrNone() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("type", "KE_HOACH");
    doc.put("symbol", "KH-UBND");
    doc.put("issuingUnitId", f.district);
    doc.put("title", "Kế hoạch thử nghiệm " + f.tag);
    Response d = json("admin").body(doc).post("/api/v1/directives");
    assertThat(d.statusCode()).as(d.asString()).isEqualTo(201);
    String directive = d.jsonPath().getString("id");
    String url = "/api/v1/directives/" + directive + "/tasks";

    List<Map<String, Object>> tasks = new ArrayList<>();
    for (String unit : List.of(f.dept, f.c1, f.c2)) {
      Map<String, Object> t = body(unit, "2030-05-05");
      t.put("directiveItem", "IV.2.b");
      tasks.add(t);
    }
    Map<String, Object> bad = body(f.c3, "2030-05-05");
    bad.remove("expectedResult");
    tasks.add(bad);
    Map<String, Object> late = body(f.c3, "2029-01-01");
    tasks.add(late);
    Response refused = json("admin").body(Map.of("tasks", tasks)).post(url);
    assertProblem(refused, 400, "VALIDATION_FAILED");
    assertThat(refused.jsonPath().getList("errors.pointer")).contains("/tasks/3/expectedResult");
    tasks.remove(4);
    tasks.remove(3);
    Map<String, Object> lateOnly = body(f.c3, "2029-01-01");
    tasks.add(lateOnly);
    Response stillRefused = json("admin").body(Map.of("tasks", tasks)).post(url);
    assertProblem(stillRefused, 400, "VALIDATION_FAILED");
    assertThat(stillRefused.jsonPath().getList("errors.pointer"))
        .containsExactly("/tasks/3/dueDate");
    assertThat(ids(json("admin").queryParam("directiveId", directive).get(BASE))).isEmpty();

    tasks.remove(3);
    Response dry = json("admin").queryParam("dryRun", true).body(Map.of("tasks", tasks)).post(url);
    assertThat(dry.statusCode()).as(dry.asString()).isEqualTo(200);
    assertThat(dry.jsonPath().getInt("count")).isEqualTo(3);
    assertThat(ids(json("admin").queryParam("directiveId", directive).get(BASE))).isEmpty();

    Response made = json("admin").body(Map.of("tasks", tasks)).post(url);
    assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
    assertThat(made.jsonPath().getInt("count")).isEqualTo(3);
    assertThat(made.jsonPath().getList("items.directiveId")).containsOnly(directive);
    assertThat(ids(json("admin").queryParam("directiveId", directive).get(BASE))).hasSize(3);
    assertProblem(
        json("admin")
            .body(Map.of("tasks", tasks))
            .post("/api/v1/directives/" + java.util.UUID.randomUUID() + "/tasks"),
        404,
        "NOT_FOUND");
  }

  @Test
  void aWardOfficerSeesItsWardAndWhatItCoordinatesNothingOfAnotherWard() {
    String otherWard =
        json("admin")
            .queryParam("parentId", Api.HO_CHI_MINH)
            .queryParam("kind", "COMMUNE")
            .queryParam("limit", 5)
            .get("/api/v1/org-units")
            .jsonPath()
            .getList("items.id", String.class)
            .stream()
            .filter(id -> !id.equals(AN_HOI_TAY))
            .findFirst()
            .orElseThrow();
    String own = created("ward-officer", body(AN_HOI_TAY, "2030-03-31"));
    Map<String, Object> coordinated = body(otherWard, "2030-03-31");
    coordinated.put("coordinatingUnitIds", List.of(AN_HOI_TAY));
    String coordinates = created("hcm-manager", coordinated);
    String foreign = created("hcm-manager", body(otherWard, "2030-03-31"));
    // an officer cannot assign work to another ward
    assertProblem(create("ward-officer", body(otherWard, "2030-03-31")), 422, "UNKNOWN_UNIT");

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      var req = json("ward-officer").queryParam("limit", 500);
      if (cursor != null) {
        req.queryParam("cursor", cursor);
      }
      Response page = req.get(BASE);
      seen.addAll(ids(page));
      cursor = page.jsonPath().getString("next");
    } while (cursor != null);
    assertThat(seen).contains(own, coordinates).doesNotContain(foreign);
    assertThat(get("ward-officer", coordinates).statusCode()).isEqualTo(200);
    assertProblem(get("ward-officer", foreign), 404, "NOT_FOUND");
    assertProblem(transition("ward-officer", foreign, "START", Map.of()), 404, "NOT_FOUND");
    // seeing as a coordinator is not writing
    assertProblem(transition("ward-officer", coordinates, "START", Map.of()), 403, "FORBIDDEN");
    assertProblem(
        json("ward-officer")
            .body(Map.of("percent", 10))
            .post(BASE + "/" + coordinates + "/progress-updates"),
        403,
        "FORBIDDEN");
    ok(transition("ward-officer", own, "START", Map.of()));
    // the city manager sees both wards; Hà Nội sees neither
    assertThat(get("hcm-manager", own).statusCode()).isEqualTo(200);
    assertProblem(get("viewer", own), 404, "NOT_FOUND");
    // a unit outside the scope is filtered on exactly like a unit that does not exist
    assertProblem(
        json("viewer").queryParam("orgUnitId", AN_HOI_TAY).get(BASE), 422, "UNKNOWN_UNIT");
    // statistics only inside the scope
    assertProblem(
        json("ward-officer").queryParam("orgUnitId", otherWard).get(BASE + "/statistics"),
        404,
        "NOT_FOUND");
    assertThat(
            json("ward-officer")
                .queryParam("orgUnitId", AN_HOI_TAY)
                .get(BASE + "/statistics")
                .statusCode())
        .isEqualTo(200);
    assertThat(UnitIds.newCommune("26882").toString()).isEqualTo(AN_HOI_TAY);
  }
}
