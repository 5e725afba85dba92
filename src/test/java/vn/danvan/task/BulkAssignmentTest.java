package vn.danvan.task;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.task.TaskFixtures.BASE;
import static vn.danvan.task.TaskFixtures.body;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.Api;
import vn.danvan.testing.Statements;

/**
 * Bulk assignment at its documented maximum (5,000 tasks): all of them or none, each with its audit
 * event and change-feed entry. Correctness only; the time it takes is measured, not asserted.
 */
@QuarkusTest
class BulkAssignmentTest {

  private static final int MAX = 5000;

  // the recorder is Hibernate's statement inspector: it bears the persistence unit's qualifier
  @Inject @PersistenceUnitExtension Statements statements;
  @Inject DataSource dataSource;

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

  /**
   * The statements of a bulk assignment do not grow with its tasks (DESIGN §10): the units of all
   * items, their scope and the parents are read once per request, and the tasks, coordinating
   * units, due dates, audit events and change-feed entries are written set-based. 200 tasks, each
   * led by another unit with another coordinating unit, cost what 20 cost.
   */
  @Test
  void theStatementsOfAnAssignmentDoNotGrowWithItsTasks() throws Exception {
    for (String user : List.of("admin", "hcm-manager")) {
      String home = user.equals("admin") ? Api.ROOT : Api.HO_CHI_MINH;
      List<String> units = currentUnitsBelow(home);
      // the admin's units: enough that one lookup per unit would show; the manager's: a few
      assertThat(units).as(user).hasSizeGreaterThan(user.equals("admin") ? 20 : 5);
      String url = "/api/v1/directives/" + directive(home) + "/tasks";
      assign(user, url, tasks(units, home, 20, 0));
      List<String> few = statements.of(user, () -> assign(user, url, tasks(units, home, 20, 1)));
      List<String> many = statements.of(user, () -> assign(user, url, tasks(units, home, 200, 2)));
      System.out.printf(
          "Bulk assignment as %s: %d statements for 20 tasks, %d for 200%n",
          user, few.size(), many.size());
      assertThat(many.size()).as(user + ": " + String.join("\n", many)).isLessThanOrEqualTo(25);
      assertThat(many.size()).as(user + ": " + String.join("\n", many)).isEqualTo(few.size());
    }
  }

  private static String directive(String issuingUnit) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("type", "KE_HOACH");
    doc.put("symbol", "KH-UBND");
    doc.put("issuingUnitId", issuingUnit);
    doc.put("title", "Kế hoạch giao việc hàng loạt " + UUID.randomUUID());
    Response d = json("admin").body(doc).post("/api/v1/directives");
    assertThat(d.statusCode()).as(d.asString()).isEqualTo(201);
    return d.jsonPath().getString("id");
  }

  private static void assign(String user, String url, List<Map<String, Object>> tasks) {
    Response r = json(user).body(Map.of("tasks", tasks)).post(url);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    assertThat(r.jsonPath().getInt("count")).isEqualTo(tasks.size());
  }

  /** {@code n} tasks led by the units in turn, each coordinated by the next unit. */
  private static List<Map<String, Object>> tasks(
      List<String> units, String assigning, int n, int round) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int u = (i + round * 7) % units.size();
      Map<String, Object> t = body(units.get(u), "2031-06-30");
      t.put("assigningUnitId", assigning);
      t.put("coordinatingUnitIds", List.of(units.get((u + 1) % units.size())));
      out.add(t);
    }
    return out;
  }

  /** The units valid today strictly below {@code root}, at most 200. */
  private List<String> currentUnitsBelow(String root) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select v.unit_id from org_unit_version v join org_unit u on u.id = v.unit_id"
                    + " where v.valid_to is null and u.valid_to is null and u.valid_from <="
                    + " current_date and v.valid_from <= current_date and v.unit_id <> ?"
                    + " and v.path @> array[?]::uuid[] order by v.unit_id limit 200")) {
      s.setObject(1, UUID.fromString(root));
      s.setObject(2, UUID.fromString(root));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
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
