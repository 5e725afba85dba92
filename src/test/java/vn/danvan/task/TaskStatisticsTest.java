package vn.danvan.task;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.task.TaskFixtures.BASE;
import static vn.danvan.task.TaskFixtures.body;
import static vn.danvan.task.TaskFixtures.complete;
import static vn.danvan.task.TaskFixtures.created;
import static vn.danvan.task.TaskFixtures.ok;
import static vn.danvan.task.TaskFixtures.transition;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.TestClock;

/** Four-state statistics equal a naive recount of generated tasks, for any grouping and day. */
@QuarkusTest
class TaskStatisticsTest {

  static final LocalDate TODAY = LocalDate.parse("2030-01-10");

  record Generated(
      String unit, LocalDate assigned, LocalDate due, LocalDate completed, boolean cancelled) {
    /** The state on {@code day}, or null when not counted. */
    String state(LocalDate day) {
      if (cancelled || assigned.isAfter(day)) {
        return null;
      }
      if (completed != null && !completed.isAfter(day)) {
        return completed.isAfter(due) ? "doneLate" : "doneOnTime";
      }
      return due.isBefore(day) ? "overdue" : "inProgressInTerm";
    }
  }

  @AfterEach
  void time() {
    TestClock.reset();
  }

  @Test
  void countsEqualANaiveRecount() {
    TestClock.today(TODAY);
    TaskFixtures f = new TaskFixtures();
    Random random = new Random(Long.parseLong(f.tag));
    List<String> units = List.of(f.district, f.c1, f.c2, f.c3, f.dept);
    Map<String, String> names =
        Map.of(
            f.district, "Huyện Thử " + f.tag,
            f.c1, "Xã An " + f.tag,
            f.c2, "Xã Bình " + f.tag,
            f.c3, "Xã Châu " + f.tag,
            f.dept, "Phòng Nội vụ huyện " + f.tag);
    List<Generated> generated = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String unit = units.get(random.nextInt(units.size()));
      LocalDate assigned = TODAY.minusDays(random.nextInt(70));
      LocalDate due = assigned.plusDays(random.nextInt(80));
      Map<String, Object> b = body(unit, due.toString());
      b.put("assignedOn", assigned.toString());
      String id = created("admin", b);
      int fate = random.nextInt(4);
      LocalDate completed = null;
      boolean cancelled = false;
      if (fate == 1 || fate == 2) {
        completed =
            assigned.plusDays(
                random.nextInt((int) (TODAY.toEpochDay() - assigned.toEpochDay()) + 1));
        ok(complete("admin", id, completed.toString()));
      } else if (fate == 3 && random.nextBoolean()) {
        ok(transition("admin", id, "CANCEL", Map.of("reason", "Thử")));
        cancelled = true;
      }
      generated.add(new Generated(unit, assigned, due, completed, cancelled));
    }

    for (LocalDate day : List.of(TODAY, TODAY.minusDays(20), TODAY.plusDays(30))) {
      // the district grouped by child unit; tasks it leads itself under its own id
      JsonPath byChild = stats(f.district, "CHILD_UNIT", day);
      assertThat(counts(byChild, "total"))
          .isEqualTo(recount(generated, day, g -> "all").get("all"));
      Map<String, Map<String, Long>> expected = recount(generated, day, Generated::unit);
      Map<String, Map<String, Long>> actual = new TreeMap<>();
      for (int i = 0; i < byChild.getList("groups").size(); i++) {
        actual.put(
            byChild.getString("groups[" + i + "].key"),
            counts(byChild, "groups[" + i + "].counts"));
      }
      assertThat(actual).as(day.toString()).isEqualTo(expected);
      // each group named after its unit, the district's own tasks after the district
      for (int i = 0; i < byChild.getList("groups").size(); i++) {
        assertThat(byChild.getString("groups[" + i + "].label"))
            .isEqualTo(names.get(byChild.getString("groups[" + i + "].key")));
      }
      // the province sees the same tasks in one group: its district
      JsonPath province = stats(f.province, "CHILD_UNIT", day);
      assertThat(province.getList("groups.key")).containsExactly(f.district);
      assertThat(counts(province, "total")).isEqualTo(counts(byChild, "total"));
      // by month of the due date
      JsonPath months = stats(f.district, "MONTH", day);
      Map<String, Map<String, Long>> byMonth = new TreeMap<>();
      for (int i = 0; i < months.getList("groups").size(); i++) {
        byMonth.put(
            months.getString("groups[" + i + "].key"), counts(months, "groups[" + i + "].counts"));
      }
      assertThat(byMonth)
          .isEqualTo(recount(generated, day, g -> g.due().toString().substring(0, 7)));
      // by directive: none of these has one
      JsonPath directives = stats(f.c1, "DIRECTIVE", day);
      assertThat(counts(directives, "total"))
          .isEqualTo(
              recount(
                      generated.stream().filter(g -> g.unit().equals(f.c1)).toList(),
                      day,
                      g -> "all")
                  .getOrDefault("all", zero()));
    }
    // the whole country today comes from the live tally: the same counts for this province
    assertThat(rootGroup(f.province))
        .isEqualTo(counts(stats(f.province, "CHILD_UNIT", TODAY), "total"));
    ok(complete("admin", created("admin", body(f.c1, TODAY.toString())), null));
    String reopened = created("admin", body(f.c2, TODAY.plusDays(3).toString()));
    ok(complete("admin", reopened, null));
    ok(transition("admin", reopened, "REOPEN", Map.of()));
    String removed = created("admin", body(f.c3, TODAY.minusDays(0).toString()));
    json("admin").header("If-Match", "\"0\"").delete(BASE + "/" + removed).then().statusCode(204);
    assertThat(rootGroup(f.province))
        .isEqualTo(counts(stats(f.province, "CHILD_UNIT", TODAY), "total"));
    assertProblem(json("admin").get(BASE + "/statistics"), 400, "VALIDATION_FAILED");
    assertProblem(
        json("admin")
            .queryParam("orgUnitId", f.district)
            .queryParam("groupBy", "WEEK")
            .get(BASE + "/statistics"),
        400,
        "INVALID_PARAMETER");
  }

  /** One generated task and the units that led it, each from a day (the first since assigned). */
  static final class Led {
    final String id;
    final LocalDate assigned;
    final LocalDate due;
    LocalDate completed;
    boolean cancelled;
    final List<Map.Entry<LocalDate, String>> leads = new ArrayList<>();

    Led(String id, String unit, LocalDate assigned, LocalDate due) {
      this.id = id;
      this.assigned = assigned;
      this.due = due;
      leads.add(Map.entry(LocalDate.MIN, unit));
    }

    String leadOn(LocalDate day) {
      String unit = null;
      for (Map.Entry<LocalDate, String> e : leads) {
        if (!e.getKey().isAfter(day)) {
          unit = e.getValue();
        }
      }
      return unit;
    }

    Generated on(LocalDate day) {
      return new Generated(leadOn(day), assigned, due, completed, cancelled);
    }
  }

  /**
   * A restructuring after the fact does not rewrite the past: a merge that passes open tasks on, a
   * commune moved to another district, a lead changed by PUT and a department moved to another
   * province from a day after today; on every day before, between and after, the four-state counts
   * by child unit of each unit equal a recount of who led each task that day, in the tree of that
   * day, and today's country view (the tally) agrees.
   */
  @Test
  void countsFollowTheLeadUnitOfEachDay() {
    TestClock.today(TODAY);
    TaskFixtures f = new TaskFixtures();
    String d2 = TaskFixtures.unit("DISTRICT", "Huyện Hai " + f.tag, "K" + f.tag, f.province);
    String p2 =
        TaskFixtures.unit(
            "PROVINCE",
            "Tỉnh Thử Hai " + f.tag,
            "Y" + f.tag,
            vn.danvan.orgunit.UnitIds.ROOT.toString());
    LocalDate merge = TODAY.minusDays(30);
    LocalDate move = TODAY.minusDays(10);
    LocalDate later = TODAY.plusDays(5);
    Random random = new Random(Long.parseLong(f.tag));
    List<String> units = List.of(f.district, f.c1, f.c2, f.c3, f.dept);
    List<Led> generated = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      generated.add(generate(random, units.get(random.nextInt(units.size())), 70));
    }
    // a NEW task of the department changes lead by PUT today
    Led put = generate(random, f.dept, 40);
    generated.add(put);
    // assigned before c1's move, when c1 was still below the department's assigning unit
    while (put.completed != null || put.cancelled || !put.assigned.isBefore(move)) {
      put = generate(random, f.dept, 40);
      generated.add(put);
    }

    // c2 and c3 merge (entered today, in force 30 days ago): their open tasks pass to the new one
    Response merged =
        json("admin")
            .body(
                Map.of(
                    "kind", "MERGE",
                    "effectiveDate", merge.toString(),
                    "legalBasis", "Nghị quyết thử nghiệm " + f.tag,
                    "sources", List.of(Map.of("unitId", f.c2), Map.of("unitId", f.c3)),
                    "newUnit",
                        Map.of(
                            "kind",
                            "COMMUNE",
                            "name",
                            "Xã Hợp Nhất " + f.tag,
                            "code",
                            "M" + f.tag)))
            .post("/api/v1/org-units/restructurings");
    assertThat(merged.statusCode()).as(merged.asString()).isEqualTo(201);
    String m = merged.jsonPath().getString("createdUnits[0].id");
    for (Led g : generated) {
      String lead = g.leadOn(TODAY);
      if ((lead.equals(f.c2) || lead.equals(f.c3)) && g.completed == null && !g.cancelled) {
        g.leads.add(Map.entry(g.assigned.isAfter(merge) ? g.assigned : merge, m));
      }
    }
    // the merged commune's own work after the merge
    for (int i = 0; i < 8; i++) {
      generated.add(generate(random, m, 30));
    }
    // c1 moves to the second district 10 days ago: its tasks follow it from then
    restructure(
        Map.of(
            "kind",
            "MOVE",
            "effectiveDate",
            move.toString(),
            "legalBasis",
            "Quyết định thử nghiệm " + f.tag,
            "sources",
            List.of(Map.of("unitId", f.c1)),
            "newParentId",
            d2));
    // the PUT: led by the department until today, by c1 from today
    Map<String, Object> b = body(f.c1, put.due.toString());
    b.put("assignedOn", put.assigned.toString());
    Response updated =
        json("admin")
            .header("If-Match", "\"" + TaskFixtures.version(put.id) + "\"")
            .body(b)
            .put(BASE + "/" + put.id);
    assertThat(updated.statusCode()).as(updated.asString()).isEqualTo(200);
    put.leads.add(Map.entry(TODAY, f.c1));
    // the department moves to the other province in five days (entered ahead of its date)
    restructure(
        Map.of(
            "kind",
            "MOVE",
            "effectiveDate",
            later.toString(),
            "legalBasis",
            "Quyết định thử nghiệm sau " + f.tag,
            "sources",
            List.of(Map.of("unitId", f.dept)),
            "newParentId",
            p2));

    // the tree of each day: unit -> (from, parent)
    Map<String, List<Map.Entry<LocalDate, String>>> parents = new java.util.HashMap<>();
    String root = vn.danvan.orgunit.UnitIds.ROOT.toString();
    parents.put(f.province, List.of(Map.entry(LocalDate.MIN, root)));
    parents.put(p2, List.of(Map.entry(LocalDate.MIN, root)));
    parents.put(f.district, List.of(Map.entry(LocalDate.MIN, f.province)));
    parents.put(d2, List.of(Map.entry(LocalDate.MIN, f.province)));
    parents.put(f.c2, List.of(Map.entry(LocalDate.MIN, f.district)));
    parents.put(f.c3, List.of(Map.entry(LocalDate.MIN, f.district)));
    parents.put(m, List.of(Map.entry(LocalDate.MIN, f.district)));
    parents.put(f.c1, List.of(Map.entry(LocalDate.MIN, f.district), Map.entry(move, d2)));
    parents.put(f.dept, List.of(Map.entry(LocalDate.MIN, f.district), Map.entry(later, p2)));

    List<LocalDate> days =
        List.of(
            TODAY.minusDays(60),
            merge.minusDays(1),
            merge,
            move.minusDays(1),
            move,
            TODAY.minusDays(1),
            TODAY,
            later.minusDays(1),
            later,
            TODAY.plusDays(30));
    for (LocalDate day : days) {
      for (String unit : List.of(f.province, f.district, d2, p2)) {
        Map<String, Map<String, Long>> expected =
            recount(
                generated.stream()
                    .map(g -> g.on(day))
                    .filter(g -> childOn(parents, g.unit(), unit, day) != null)
                    .toList(),
                day,
                g -> childOn(parents, g.unit(), unit, day));
        JsonPath byChild = stats(unit, "CHILD_UNIT", day);
        Map<String, Map<String, Long>> actual = new TreeMap<>();
        for (int i = 0; i < byChild.getList("groups").size(); i++) {
          actual.put(
              byChild.getString("groups[" + i + "].key"),
              counts(byChild, "groups[" + i + "].counts"));
        }
        assertThat(actual).as(unit + " on " + day).isEqualTo(expected);
        Map<String, Long> total = zero();
        expected.values().forEach(c -> c.forEach((k, v) -> total.merge(k, v, Long::sum)));
        assertThat(counts(byChild, "total")).as(unit + " on " + day).isEqualTo(total);
      }
    }
    // before the merge the district's figures do not show the commune born of it
    assertThat(stats(f.district, "CHILD_UNIT", merge.minusDays(1)).getList("groups.key"))
        .doesNotContain(m);
    // today's country by province (the tally) agrees with the subtree counts, also for the
    // department whose move to the other province lies ahead
    assertThat(rootGroupOrZero(f.province))
        .isEqualTo(counts(stats(f.province, "CHILD_UNIT", TODAY), "total"));
    assertThat(rootGroupOrZero(p2)).isEqualTo(counts(stats(p2, "CHILD_UNIT", TODAY), "total"));
  }

  private static Led generate(Random random, String unit, int back) {
    LocalDate assigned = TODAY.minusDays(random.nextInt(back));
    LocalDate due = assigned.plusDays(random.nextInt(80));
    Map<String, Object> b = body(unit, due.toString());
    b.put("assignedOn", assigned.toString());
    Led g = new Led(created("admin", b), unit, assigned, due);
    int fate = random.nextInt(4);
    if (fate == 1 || fate == 2) {
      g.completed =
          assigned.plusDays(random.nextInt((int) (TODAY.toEpochDay() - assigned.toEpochDay()) + 1));
      ok(complete("admin", g.id, g.completed.toString()));
    } else if (fate == 3 && random.nextBoolean()) {
      ok(transition("admin", g.id, "CANCEL", Map.of("reason", "Thử")));
      g.cancelled = true;
    }
    return g;
  }

  private static void restructure(Map<String, Object> body) {
    Response r = json("admin").body(body).post("/api/v1/org-units/restructurings");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
  }

  /**
   * The child of {@code of} on {@code day} that holds {@code unit} (itself when equal), or null.
   */
  private static String childOn(
      Map<String, List<Map.Entry<LocalDate, String>>> parents,
      String unit,
      String of,
      LocalDate day) {
    String child = unit;
    String at = unit;
    while (at != null) {
      if (at.equals(of)) {
        return child.equals(of) ? of : child;
      }
      child = at;
      String parent = null;
      for (Map.Entry<LocalDate, String> e : parents.getOrDefault(at, List.of())) {
        if (!e.getKey().isAfter(day)) {
          parent = e.getValue();
        }
      }
      at = parent;
    }
    return null;
  }

  private static Map<String, Long> rootGroupOrZero(String province) {
    Response r =
        json("admin")
            .queryParam("orgUnitId", vn.danvan.orgunit.UnitIds.ROOT.toString())
            .get(BASE + "/statistics");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    List<String> keys = r.jsonPath().getList("groups.key");
    return keys.contains(province)
        ? counts(r.jsonPath(), "groups[" + keys.indexOf(province) + "].counts")
        : zero();
  }

  private static JsonPath stats(String unit, String groupBy, LocalDate day) {
    Response r =
        json("admin")
            .queryParam("orgUnitId", unit)
            .queryParam("groupBy", groupBy)
            .queryParam("asOf", day.toString())
            .get(BASE + "/statistics");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath();
  }

  private static Map<String, Long> rootGroup(String province) {
    Response r =
        json("admin")
            .queryParam("orgUnitId", vn.danvan.orgunit.UnitIds.ROOT.toString())
            .get(BASE + "/statistics");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    List<String> keys = r.jsonPath().getList("groups.key");
    return counts(r.jsonPath(), "groups[" + keys.indexOf(province) + "].counts");
  }

  private static Map<String, Long> counts(JsonPath p, String at) {
    Map<String, Long> m = new TreeMap<>();
    for (String k : List.of("doneOnTime", "doneLate", "inProgressInTerm", "overdue", "total")) {
      m.put(k, p.getLong(at + "." + k));
    }
    return m;
  }

  private static Map<String, Long> zero() {
    Map<String, Long> m = new TreeMap<>();
    for (String k : List.of("doneOnTime", "doneLate", "inProgressInTerm", "overdue", "total")) {
      m.put(k, 0L);
    }
    return m;
  }

  private static Map<String, Map<String, Long>> recount(
      List<Generated> generated, LocalDate day, Function<Generated, String> key) {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    for (Generated g : generated) {
      String state = g.state(day);
      if (state == null) {
        continue;
      }
      Map<String, Long> m = out.computeIfAbsent(key.apply(g), k -> zero());
      m.merge(state, 1L, Long::sum);
      m.merge("total", 1L, Long::sum);
    }
    return out;
  }
}
