package vn.danvan.task;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.task.TaskFixtures.BASE;
import static vn.danvan.task.TaskFixtures.body;
import static vn.danvan.task.TaskFixtures.complete;
import static vn.danvan.task.TaskFixtures.created;
import static vn.danvan.task.TaskFixtures.delegate;
import static vn.danvan.task.TaskFixtures.get;
import static vn.danvan.task.TaskFixtures.ids;
import static vn.danvan.task.TaskFixtures.ok;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.TestClock;

/**
 * Delegations recorded after the fact and retried safely; lists that agree with statistics about
 * recurring tasks (issue 9, point 4).
 */
@QuarkusTest
class TaskHistoryTest {

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

  private String pastTask() {
    Map<String, Object> b = body(f.district, "2029-03-31");
    b.put("assignedOn", "2029-02-01");
    return created("admin", b);
  }

  private static Map<String, Object> units(String assignedOn, String... unitIds) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (String u : unitIds) {
      lines.add(Map.of("unitId", u, "dueDate", "2029-03-15"));
    }
    Map<String, Object> b = new HashMap<>();
    b.put("units", lines);
    if (assignedOn != null) {
      b.put("assignedOn", assignedOn);
    }
    return b;
  }

  @Test
  void aDelegationDatedInThePastIsRecorded() {
    String parent = pastTask();
    // assigned today, the children would be due before they were given
    Response today = delegate("admin", parent, units(null, f.c1, f.c2));
    assertProblem(today, 400, "VALIDATION_FAILED");
    assertThat(today.jsonPath().getList("errors.pointer"))
        .containsExactly("/units/0/dueDate", "/units/1/dueDate");

    Response past = delegate("admin", parent, units("2029-02-10", f.c1, f.c2));
    assertThat(past.statusCode()).as(past.asString()).isEqualTo(201);
    assertThat(past.jsonPath().getList("items.assignedOn")).containsOnly("2029-02-10");
    assertThat(past.jsonPath().getList("items.dueDate")).containsOnly("2029-03-15");
    // the unit's history is read as of that day; the children are overdue today, as they are
    assertThat(past.jsonPath().getList("items.state")).containsOnly("OVERDUE");

    // never after today, never before the parent was assigned
    Response future = delegate("admin", parent, units("2030-01-11", f.c3));
    assertProblem(future, 400, "VALIDATION_FAILED");
    assertThat(future.jsonPath().getList("errors.pointer")).containsExactly("/assignedOn");
    Response beforeParent = delegate("admin", parent, units("2029-01-31", f.c3));
    assertProblem(beforeParent, 400, "VALIDATION_FAILED");
    assertThat(beforeParent.jsonPath().getList("errors.pointer")).containsExactly("/assignedOn");
    // by kind too: every commune of the district on that day
    String other = pastTask();
    Map<String, Object> byKind = new HashMap<>();
    byKind.put("childKind", "COMMUNE");
    byKind.put("dueDate", "2029-03-20");
    byKind.put("assignedOn", "2029-02-02");
    Response all = delegate("admin", other, byKind);
    assertThat(all.statusCode()).as(all.asString()).isEqualTo(201);
    assertThat(all.jsonPath().getList("items.leadUnitId"))
        .containsExactlyInAnyOrder(f.c1, f.c2, f.c3);
  }

  @Test
  void aRetriedDelegationCreatesItsChildrenOnce() {
    String parent = pastTask();
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = units("2029-02-10", f.c1, f.c2);
    Response first =
        json("admin")
            .header("Idempotency-Key", key)
            .body(body)
            .post(BASE + "/" + parent + "/delegations");
    assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
    Response again =
        json("admin")
            .header("Idempotency-Key", key)
            .body(body)
            .post(BASE + "/" + parent + "/delegations");
    assertThat(again.statusCode()).as(again.asString()).isEqualTo(201);
    assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(ids(again)).isEqualTo(ids(first));
    assertThat(get("admin", parent).jsonPath().getInt("childCount")).isEqualTo(2);
    // the same key with another request is refused; a new key delegates again
    assertProblem(
        json("admin")
            .header("Idempotency-Key", key)
            .body(units("2029-02-10", f.c3))
            .post(BASE + "/" + parent + "/delegations"),
        422,
        "IDEMPOTENCY_KEY_REUSED");
    assertThat(get("admin", parent).jsonPath().getInt("childCount")).isEqualTo(2);
    ok(
        json("admin")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(units("2029-02-10", f.c3))
            .post(BASE + "/" + parent + "/delegations"));
    assertThat(get("admin", parent).jsonPath().getInt("childCount")).isEqualTo(3);
  }

  @Test
  void listsByStateAgreeWithStatisticsAboutRecurringTasks() {
    // a monthly report (the template has no due date; its occurrences do) beside dated tasks
    Map<String, Object> monthly = body(f.c1, null);
    monthly.remove("dueDate");
    monthly.put("recurrence", Map.of("frequency", "MONTHLY", "dayOfMonth", 5));
    monthly.put("assignedOn", "2029-11-01");
    String template = created("admin", monthly);
    created("admin", body(f.c2, "2030-03-31"));
    Map<String, Object> late = body(f.c3, "2030-01-05");
    late.put("assignedOn", "2030-01-02");
    created("admin", late);
    Map<String, Object> done = body(f.dept, "2030-01-08");
    done.put("assignedOn", "2030-01-02");
    ok(complete("admin", created("admin", done), "2030-01-07"));

    JsonPath t = get("admin", template).jsonPath();
    assertThat(t.getString("recurrence.frequency")).isEqualTo("MONTHLY");
    assertThat(t.getString("state")).isNull();

    JsonPath stats =
        json("admin")
            .queryParam("orgUnitId", f.province)
            .get(BASE + "/statistics")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, String> field =
        Map.of(
            "DONE_ON_TIME", "doneOnTime",
            "DONE_LATE", "doneLate",
            "IN_PROGRESS_IN_TERM", "inProgressInTerm",
            "OVERDUE", "overdue");
    long listed = 0;
    for (var e : field.entrySet()) {
      List<String> items = list(e.getKey());
      assertThat(items).as(e.getKey()).doesNotContain(template);
      assertThat((long) items.size())
          .as(e.getKey())
          .isEqualTo(stats.getLong("total." + e.getValue()));
      listed += items.size();
    }
    assertThat(listed).isEqualTo(stats.getLong("total.total"));
    // the occurrences are counted: the template generated some, they are in the list
    assertThat(ids(json("admin").queryParam("parentId", template).get(BASE))).isNotEmpty();
    assertThat(stats.getLong("total.total")).isGreaterThan(3);
  }

  private List<String> list(String state) {
    Response r =
        json("admin")
            .queryParam("orgUnitId", f.province)
            .queryParam("orgUnitMode", "DESCENDANTS")
            .queryParam("state", state)
            .queryParam("limit", 500)
            .get(BASE);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    assertThat(r.jsonPath().getString("next")).isNull();
    return ids(r);
  }
}
