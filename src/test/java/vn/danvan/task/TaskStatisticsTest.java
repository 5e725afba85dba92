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
      assertThat(byChild.getString("groups.find { it.key == '" + f.district + "' }.label"))
          .isIn(null, "Huyện Thử " + f.tag);
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
