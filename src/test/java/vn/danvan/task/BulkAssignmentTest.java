package vn.danvan.task;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.task.TaskFixtures.BASE;
import static vn.danvan.task.TaskFixtures.body;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Bulk assignment at its documented maximum (5,000 tasks): all of them or none, each with its audit
 * event and change-feed entry. Correctness only; the time it takes is measured, not asserted.
 */
@QuarkusTest
class BulkAssignmentTest {

  private static final int MAX = 5000;

  @Test
  void fiveThousandTasksAllOrNone() {
    TaskFixtures f = new TaskFixtures();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("type", "KE_HOACH");
    doc.put("symbol", "KH-UBND");
    doc.put("issuingUnitId", f.district);
    doc.put("title", "Kế hoạch giao việc hàng loạt " + f.tag);
    Response d = json("admin").body(doc).post("/api/v1/directives");
    assertThat(d.statusCode()).as(d.asString()).isEqualTo(201);
    String directive = d.jsonPath().getString("id");
    String url = "/api/v1/directives/" + directive + "/tasks";
    List<String> units = List.of(f.dept, f.c1, f.c2, f.c3);

    List<Map<String, Object>> tasks = new ArrayList<>();
    for (int i = 0; i < MAX; i++) {
      Map<String, Object> t = body(units.get(i % units.size()), "2031-06-30");
      t.put("title", "Nhiệm vụ " + i);
      t.put("directiveItem", "IV." + i);
      if (i % 3 == 0) {
        t.put("coordinatingUnitIds", List.of(units.get((i + 1) % units.size())));
      }
      tasks.add(t);
    }
    Map<String, Object> invalid = body(f.c3, "2031-06-30");
    invalid.put("dueDate", "2000-01-01");
    tasks.set(MAX - 1, invalid);

    long refusedAt = System.nanoTime();
    Response refused = json("admin").body(Map.of("tasks", tasks)).post(url);
    long refusedMs = (System.nanoTime() - refusedAt) / 1_000_000;
    assertProblem(refused, 400, "VALIDATION_FAILED");
    assertThat(refused.jsonPath().getList("errors.pointer")).containsExactly("/tasks/4999/dueDate");
    assertThat(listed(directive)).isEmpty();

    Map<String, Object> valid = body(f.c3, "2031-06-30");
    valid.put("title", "Nhiệm vụ " + (MAX - 1));
    tasks.set(MAX - 1, valid);
    long startedAt = System.nanoTime();
    Response made = json("admin").body(Map.of("tasks", tasks)).post(url);
    long madeMs = (System.nanoTime() - startedAt) / 1_000_000;
    assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
    System.out.printf(
        "Bulk assignment of %d tasks over HTTP: %d ms (refused at item 4999: %d ms)%n",
        MAX, madeMs, refusedMs);
    assertThat(made.jsonPath().getInt("count")).isEqualTo(MAX);
    List<String> ids = made.jsonPath().getList("items.id", String.class);
    assertThat(new HashSet<>(ids)).hasSize(MAX);
    assertThat(listed(directive)).isEqualTo(new HashSet<>(ids));

    // each task has its audit event and its change-feed entry, and its coordinators
    for (String id : List.of(ids.get(0), ids.get(2500), ids.get(MAX - 1))) {
      Response events = json("admin").queryParam("entityId", id).get("/api/v1/audit-events");
      assertThat(events.jsonPath().getList("items.action", String.class)).containsExactly("CREATE");
      Response task = json("admin").get(BASE + "/" + id);
      assertThat(task.statusCode()).isEqualTo(200);
      assertThat(task.jsonPath().getLong("version")).isZero();
    }
    assertThat(json("admin").get(BASE + "/" + ids.get(3)).jsonPath().getList("coordinatingUnitIds"))
        .containsExactly(units.get(0));
    assertThat(
            json("admin")
                .get(BASE + "/" + ids.get(0) + "/due-dates")
                .jsonPath()
                .getList("items.dueDate", String.class))
        .containsExactly("2031-06-30");
  }

  private static Set<String> listed(String directive) {
    Set<String> out = new HashSet<>();
    String cursor = null;
    do {
      var req = json("admin").queryParam("directiveId", directive).queryParam("limit", 500);
      if (cursor != null) {
        req.queryParam("cursor", cursor);
      }
      Response page = req.get(BASE);
      assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
      out.addAll(page.jsonPath().getList("items.id", String.class));
      cursor = page.jsonPath().getString("next");
    } while (cursor != null);
    return out;
  }
}
