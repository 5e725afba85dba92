package vn.danvan.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.shared.agenda.ObligationState;
import vn.danvan.testing.Api;
import vn.danvan.testing.TestClock;

/**
 * The agenda over HTTP on a private tree with generated tasks and a district directive whose
 * communes owe a plan on the same day as some tasks: entries equal the features' own answers (the
 * task list, the directive's coverage), keyset paging across kinds, the descending order, asOf,
 * summary totals against the list, scope and bad input.
 */
@QuarkusTest
class AgendaApiTest {

  static final String BASE = "/api/v1/agenda";
  static final LocalDate TODAY = LocalDate.parse("2031-03-10");
  static final LocalDate PLAN_DUE = LocalDate.parse("2031-03-05");

  record Generated(String id, String unit, LocalDate due, LocalDate completed) {
    ObligationState state(LocalDate day) {
      return ObligationState.of(due, completed, day);
    }
  }

  String tag;
  String province;
  String district;
  String c1;
  String c2;
  String c3;
  List<Generated> tasks;
  String directive;

  @BeforeEach
  void data() {
    TestClock.today(TODAY);
    tag = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    province = unit("PROVINCE", "Tỉnh Lịch " + tag, "Y" + tag, UnitIds.ROOT.toString());
    district = unit("DISTRICT", "Huyện Lịch " + tag, "J" + tag, province);
    c1 = unit("COMMUNE", "Xã Một " + tag, "E" + tag, district);
    c2 = unit("COMMUNE", "Xã Hai " + tag, "F" + tag, district);
    c3 = unit("COMMUNE", "Xã Ba " + tag, "G" + tag, district);
    Random random = new Random(Long.parseLong(tag));
    List<String> units = List.of(district, c1, c2, c3);
    tasks = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String unit = units.get(random.nextInt(units.size()));
      LocalDate assigned = TODAY.minusDays(30 + random.nextInt(30));
      // a third due on the plan's day: equal due dates across kinds
      LocalDate due = i % 3 == 0 ? PLAN_DUE : assigned.plusDays(random.nextInt(60));
      Map<String, Object> b = task(unit, due);
      b.put("assignedOn", assigned.toString());
      String id = ok(json("admin").body(b).post("/api/v1/tasks"), 201).jsonPath().getString("id");
      int fate = random.nextInt(4);
      LocalDate completed = null;
      if (fate == 1 || fate == 2) {
        completed =
            assigned.plusDays(
                random.nextInt((int) (TODAY.toEpochDay() - assigned.toEpochDay()) + 1));
        transition(
            id, "COMPLETE", Map.of("resultNote", "Xong", "completedOn", completed.toString()));
      } else if (fate == 3 && random.nextBoolean()) {
        transition(id, "CANCEL", Map.of("reason", "Thử"));
        continue;
      }
      tasks.add(new Generated(id, unit, due, completed));
    }
    // the district's directive: a plan owed by each commune on PLAN_DUE; Xã Một issues its plan
    // late
    directive =
        issue(
            doc(
                district,
                "2031-01-10",
                "Triển khai dân vận khéo " + tag,
                Map.of(
                    "obligations",
                    Map.of(
                        "targets",
                        "CHILD_UNITS_OF_KIND",
                        "kind",
                        "COMMUNE",
                        "dueDate",
                        PLAN_DUE.toString()))));
    Map<String, Object> plan = doc(c1, "2031-03-07", "Kế hoạch dân vận khéo " + tag, Map.of());
    Response created = ok(json("admin").body(plan).post("/api/v1/directives"), 201);
    String planId = created.jsonPath().getString("id");
    ok(
        json("admin")
            .body(Map.of("targetId", directive, "relation", "IMPLEMENTS"))
            .post("/api/v1/directives/" + planId + "/references"),
        201);
    ok(
        json("admin")
            .header(
                "If-Match",
                "\""
                    + ok(json("admin").get("/api/v1/directives/" + planId), 200)
                        .jsonPath()
                        .getLong("version")
                    + "\"")
            .body(Map.of("action", "ISSUE"))
            .post("/api/v1/directives/" + planId + "/transitions"),
        200);
  }

  @AfterEach
  void time() {
    TestClock.reset();
  }

  @Test
  void tasksEqualTheTaskListForEveryState() {
    for (String state : List.of("DONE_ON_TIME", "DONE_LATE", "IN_PROGRESS_IN_TERM", "OVERDUE")) {
      Set<String> agenda = new HashSet<>();
      for (Map<String, Object> item :
          walk(
              "admin",
              7,
              "orgUnitId",
              province,
              "orgUnitMode",
              "DESCENDANTS",
              "kind",
              "TASK",
              "state",
              state)) {
        assertThat(item.get("state")).isEqualTo(state);
        assertThat(item.get("kind")).isEqualTo("TASK");
        agenda.add((String) item.get("id"));
      }
      Set<String> listed = new HashSet<>();
      String cursor = null;
      do {
        RequestSpecification r =
            json("admin")
                .queryParam("orgUnitId", province)
                .queryParam("orgUnitMode", "DESCENDANTS")
                .queryParam("state", state)
                .queryParam("limit", 100);
        if (cursor != null) {
          r.queryParam("cursor", cursor);
        }
        JsonPath page = ok(r.get("/api/v1/tasks"), 200).jsonPath();
        listed.addAll(page.getList("items.id"));
        cursor = page.getString("next");
      } while (cursor != null);
      assertThat(agenda).as(state).isEqualTo(listed);
      Set<String> generated = new HashSet<>();
      tasks.stream()
          .filter(t -> t.state(TODAY).name().equals(state))
          .forEach(t -> generated.add(t.id()));
      assertThat(agenda).as(state).isEqualTo(generated);
    }
  }

  @Test
  void plansEqualTheDirectivesCoverage() {
    Map<String, String> map =
        Map.of(
            "ISSUED_ON_TIME", "DONE_ON_TIME",
            "ISSUED_LATE", "DONE_LATE",
            "PENDING_IN_TERM", "IN_PROGRESS_IN_TERM",
            "OVERDUE", "OVERDUE");
    for (LocalDate day : List.of(PLAN_DUE.minusDays(1), PLAN_DUE, TODAY, TODAY.plusDays(40))) {
      JsonPath coverage =
          ok(
                  json("admin")
                      .queryParam("asOf", day.toString())
                      .get("/api/v1/directives/" + directive + "/coverage"),
                  200)
              .jsonPath();
      Map<String, String> expected = new TreeMap<>();
      for (int i = 0; i < coverage.getList("items").size(); i++) {
        expected.put(
            coverage.getString("items[" + i + "].unit.id"),
            map.get(coverage.getString("items[" + i + "].state")));
      }
      Map<String, String> actual = new TreeMap<>();
      for (Map<String, Object> item :
          walk(
              "admin",
              2,
              "orgUnitId",
              district,
              "orgUnitMode",
              "DESCENDANTS",
              "kind",
              "IMPLEMENTING_PLAN",
              "asOf",
              day.toString())) {
        actual.put((String) item.get("orgUnitId"), (String) item.get("state"));
        assertThat(item.get("dueDate")).isEqualTo(PLAN_DUE.toString());
        assertThat((String) item.get("href")).endsWith(directive + "/coverage");
      }
      assertThat(actual).as(day.toString()).hasSize(3).isEqualTo(expected);
    }
  }

  @Test
  void keysetPagingWalksEveryEntryOnceAcrossKindsBothWays() {
    List<Map<String, Object>> all =
        walk("admin", 500, "orgUnitId", province, "orgUnitMode", "DESCENDANTS");
    List<String> keys = all.stream().map(AgendaApiTest::key).toList();
    assertThat(keys).doesNotHaveDuplicates();
    // equal due dates across kinds: plans and tasks on PLAN_DUE
    assertThat(
            all.stream()
                .filter(i -> PLAN_DUE.toString().equals(i.get("dueDate")))
                .map(i -> i.get("kind")))
        .contains("TASK", "IMPLEMENTING_PLAN");
    // in order: due date, kind, id (uuid order)
    for (int i = 1; i < all.size(); i++) {
      assertThat(compare(all.get(i - 1), all.get(i))).as(keys.get(i)).isNegative();
    }
    for (int limit : List.of(1, 2, 5)) {
      assertThat(
              walk("admin", limit, "orgUnitId", province, "orgUnitMode", "DESCENDANTS").stream()
                  .map(AgendaApiTest::key)
                  .toList())
          .as("limit " + limit)
          .isEqualTo(keys);
    }
    List<String> reversed = new ArrayList<>(keys);
    java.util.Collections.reverse(reversed);
    assertThat(
            walk(
                    "admin",
                    3,
                    "orgUnitId",
                    province,
                    "orgUnitMode",
                    "DESCENDANTS",
                    "sort",
                    "-dueDate")
                .stream()
                .map(AgendaApiTest::key)
                .toList())
        .isEqualTo(reversed);
    // names looked up per page
    assertThat(all).allSatisfy(i -> assertThat((String) i.get("orgUnitName")).contains(tag));
  }

  @Test
  void statesOnAnyDayFollowTheOneRule() {
    for (LocalDate day : List.of(TODAY.minusDays(25), TODAY.plusDays(20))) {
      Map<String, String> actual = new TreeMap<>();
      for (Map<String, Object> item :
          walk(
              "admin",
              50,
              "orgUnitId",
              province,
              "orgUnitMode",
              "DESCENDANTS",
              "kind",
              "TASK",
              "asOf",
              day.toString())) {
        actual.put((String) item.get("id"), (String) item.get("state"));
        String done = (String) item.get("doneDate");
        assertThat(done == null || !LocalDate.parse(done).isAfter(day)).isTrue();
      }
      Map<String, String> expected = new TreeMap<>();
      tasks.forEach(t -> expected.put(t.id(), t.state(day).name()));
      assertThat(actual).as(day.toString()).isEqualTo(expected);
      // and the state filter on a past or future day selects the same ones
      for (ObligationState s : ObligationState.values()) {
        List<Map<String, Object>> only =
            walk(
                "admin",
                50,
                "orgUnitId",
                province,
                "orgUnitMode",
                "DESCENDANTS",
                "kind",
                "TASK",
                "asOf",
                day.toString(),
                "state",
                s.name());
        assertThat(only.size())
            .as(day + " " + s)
            .isEqualTo(expected.values().stream().filter(s.name()::equals).count());
      }
    }
  }

  @Test
  void summaryTotalsEqualTheListsCounts() {
    for (String day : List.of(TODAY.toString(), TODAY.minusDays(20).toString())) {
      List<Map<String, Object>> all =
          walk("admin", 500, "orgUnitId", district, "orgUnitMode", "DESCENDANTS", "asOf", day);
      // by child unit: the communes, the district's own obligations under the district
      Map<String, Map<String, Long>> expected = new TreeMap<>();
      for (Map<String, Object> i : all) {
        expected
            .computeIfAbsent((String) i.get("orgUnitId"), k -> new TreeMap<>())
            .merge(i.get("kind") + "/" + i.get("state"), 1L, Long::sum);
      }
      assertThat(summaryCounts(district, "CHILD_UNIT", day)).as(day).isEqualTo(expected);
      // by kind
      Map<String, Map<String, Long>> byKind = new TreeMap<>();
      for (Map<String, Object> i : all) {
        byKind
            .computeIfAbsent((String) i.get("kind"), k -> new TreeMap<>())
            .merge(i.get("kind") + "/" + i.get("state"), 1L, Long::sum);
      }
      assertThat(summaryCounts(district, "KIND", day)).isEqualTo(byKind);
      // by month of the due date
      Map<String, Map<String, Long>> byMonth = new TreeMap<>();
      for (Map<String, Object> i : all) {
        byMonth
            .computeIfAbsent(((String) i.get("dueDate")).substring(0, 7), k -> new TreeMap<>())
            .merge(i.get("kind") + "/" + i.get("state"), 1L, Long::sum);
      }
      assertThat(summaryCounts(district, "MONTH", day)).isEqualTo(byMonth);
      // the province by child unit: one group, its district, with every entry
      JsonPath p =
          summary("admin", "orgUnitId", province, "orgUnitMode", "DESCENDANTS", "asOf", day);
      assertThat(p.getList("groups.orgUnitId")).containsExactly(district);
      assertThat(p.getString("groups[0].orgUnitName")).isEqualTo("Huyện Lịch " + tag);
      assertThat(p.getLong("total.total")).isEqualTo(all.size());
    }
  }

  @Test
  void theCallersScopeBoundsTheAgenda() {
    // another province's unit answers like a unit that does not exist
    assertProblem(get("hcm-manager", "orgUnitId", Api.HA_NOI), 422, "UNKNOWN_UNIT");
    assertProblem(summaryResponse("hcm-manager", "orgUnitId", Api.HA_NOI), 422, "UNKNOWN_UNIT");
    assertProblem(get("hcm-manager", "orgUnitId", province), 422, "UNKNOWN_UNIT");
    // without a unit: the caller's scope, never another province's entry
    JsonPath page = ok(get("hcm-manager", "limit", 500), 200).jsonPath();
    Set<String> units = new HashSet<>(page.getList("items.orgUnitId"));
    assertThat(units).isNotEmpty();
    for (String unit : units.stream().limit(30).toList()) {
      List<String> path =
          ok(json("admin").get("/api/v1/org-units/" + unit), 200).jsonPath().getList("path");
      assertThat(path).as(unit).contains(Api.HO_CHI_MINH).doesNotContain(Api.HA_NOI);
    }
    JsonPath byProvince = summary("hcm-manager");
    assertThat(byProvince.getList("groups.orgUnitId")).doesNotContain(Api.HA_NOI, province);
    // entries carry only the agenda's fields: no personal data of a case
    Set<String> fields =
        Set.of(
            "kind",
            "id",
            "orgUnitId",
            "orgUnitName",
            "dueDate",
            "state",
            "doneDate",
            "title",
            "href");
    for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
      assertThat(fields).containsAll(item.keySet());
    }
    // the admin without a unit: the whole country, by province (tasks from the live tally), the
    // same as the root's subtree counted row by row
    JsonPath country = summary("admin");
    assertThat(country.getList("groups.orgUnitId")).contains(province);
    JsonPath root = summary("admin", "orgUnitId", Api.ROOT, "orgUnitMode", "DESCENDANTS");
    assertThat(country.getMap("total")).isEqualTo(root.getMap("total"));
    assertThat(country.getList("groups")).isEqualTo(root.getList("groups"));
  }

  @Inject AgendaSlots slots;

  @Test
  void beyondTheConcurrentSlotsTheAgendaIsBusyNotQueued() {
    int taken = slots.takeAll();
    Response page;
    Response summary;
    try {
      page = get("admin", "kind", "TASK");
      summary = json("admin").get(BASE + "/summary");
    } finally {
      slots.give(taken);
    }
    assertProblem(page, 429, "BUSY");
    assertThat(page.header("Retry-After")).isEqualTo("1");
    assertProblem(summary, 429, "BUSY");
    assertThat(get("admin", "kind", "TASK").statusCode()).isEqualTo(200);
  }

  @Test
  void badInputIsAProblem() {
    assertProblem(get("admin", "kind", "BOGUS"), 400, "INVALID_PARAMETER");
    Object[] tenKinds = new Object[20];
    for (int i = 0; i < 20; i += 2) {
      tenKinds[i] = "kind";
      tenKinds[i + 1] = "TASK";
    }
    assertProblem(get("admin", tenKinds), 400, "VALIDATION_FAILED");
    assertProblem(get("admin", "state", "LATE"), 400, "INVALID_PARAMETER");
    assertProblem(get("admin", "dueFrom", "2031-02-30"), 400, "INVALID_PARAMETER");
    assertProblem(get("admin", "asOf", "10000-01-01"), 400, "INVALID_PARAMETER");
    assertProblem(get("admin", "asOf", "1000-01-01"), 400, "VALIDATION_FAILED");
    assertProblem(
        get("admin", "dueFrom", "2031-03-02", "dueTo", "2031-03-01"), 400, "VALIDATION_FAILED");
    assertProblem(get("admin", "orgUnitMode", "DESCENDANTS"), 400, "VALIDATION_FAILED");
    assertProblem(get("admin", "sort", "title"), 400, "VALIDATION_FAILED");
    assertProblem(get("admin", "limit", 0), 400, "VALIDATION_FAILED");
    assertProblem(get("admin", "limit", 501), 400, "VALIDATION_FAILED");
    assertProblem(get("admin", "cursor", "bm9wZQ"), 400, "INVALID_CURSOR");
    String crafted =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"l\":\"agenda\",\"k\":[\"2031-01-01\",\"TASK\",\"x\"]}"
                    .getBytes(StandardCharsets.UTF_8));
    assertProblem(get("admin", "cursor", crafted), 400, "INVALID_CURSOR");
    // a cursor of other filters
    String next =
        ok(get("admin", "orgUnitId", province, "orgUnitMode", "DESCENDANTS", "limit", 1), 200)
            .jsonPath()
            .getString("next");
    assertThat(next).isNotNull();
    assertProblem(
        get(
            "admin",
            "orgUnitId",
            district,
            "orgUnitMode",
            "DESCENDANTS",
            "limit",
            1,
            "cursor",
            next),
        400,
        "INVALID_CURSOR");
    assertProblem(
        get(
            "admin",
            "orgUnitId",
            province,
            "orgUnitMode",
            "DESCENDANTS",
            "limit",
            1,
            "sort",
            "-dueDate",
            "cursor",
            next),
        400,
        "INVALID_CURSOR");
    assertProblem(summaryResponse("admin", "groupBy", "PROVINCE"), 400, "INVALID_PARAMETER");
    assertProblem(
        summaryResponse("admin", "dueFrom", "2031-03-02", "dueTo", "2031-03-01"),
        400,
        "VALIDATION_FAILED");
    assertProblem(json("admin").queryParam("orgUnitId", "x").get(BASE), 400, "INVALID_PARAMETER");
  }

  // ------------------------------------------------------------------ helpers

  private static String key(Map<String, Object> i) {
    return i.get("dueDate") + "/" + i.get("kind") + "/" + i.get("id");
  }

  private static int compare(Map<String, Object> a, Map<String, Object> b) {
    int c = ((String) a.get("dueDate")).compareTo((String) b.get("dueDate"));
    if (c != 0) {
      return c;
    }
    c = ((String) a.get("kind")).compareTo((String) b.get("kind"));
    if (c != 0) {
      return c;
    }
    // uuid text in lower-case hex compares as PostgreSQL compares the bytes
    return ((String) a.get("id")).compareTo((String) b.get("id"));
  }

  private static Response get(String user, Object... params) {
    RequestSpecification r = json(user);
    withKinds(params).forEach((k, v) -> r.queryParam(k, v.toArray()));
    return r.get(BASE);
  }

  /**
   * The kinds this test's data has (tasks, plans, reports), unless the request names some: the
   * reception days and yearly dialogues the test's new units also owe are the business of their own
   * features' tests ({@code ReceptionObligationsTest}, {@code DialogueObligationsTest}).
   */
  private static Map<String, List<Object>> withKinds(Object... params) {
    Map<String, List<Object>> multi = new LinkedHashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      multi.computeIfAbsent((String) params[i], k -> new ArrayList<>()).add(params[i + 1]);
    }
    multi.putIfAbsent("kind", List.of("TASK", "IMPLEMENTING_PLAN", "REPORT"));
    return multi;
  }

  /** Every entry, page by page. */
  private static List<Map<String, Object>> walk(String user, int limit, Object... params) {
    List<Map<String, Object>> out = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Object[] p = java.util.Arrays.copyOf(params, params.length + (cursor == null ? 2 : 4));
      p[params.length] = "limit";
      p[params.length + 1] = limit;
      if (cursor != null) {
        p[params.length + 2] = "cursor";
        p[params.length + 3] = cursor;
      }
      JsonPath page = ok(get(user, p), 200).jsonPath();
      List<Map<String, Object>> items = page.getList("items");
      assertThat(items.size()).isLessThanOrEqualTo(limit);
      out.addAll(items);
      cursor = page.getString("next");
      assertThat(++pages).isLessThan(1000);
    } while (cursor != null);
    return out;
  }

  private static Response summaryResponse(String user, Object... params) {
    RequestSpecification r = json(user);
    withKinds(params).forEach((k, v) -> r.queryParam(k, v.toArray()));
    return r.get(BASE + "/summary");
  }

  private static JsonPath summary(String user, Object... params) {
    return ok(summaryResponse(user, params), 200).jsonPath();
  }

  /** The summary's groups: key → "KIND/STATE" → count, and each group's counts add up. */
  private static Map<String, Map<String, Long>> summaryCounts(String unit, String by, String day) {
    JsonPath s =
        summary(
            "admin", "orgUnitId", unit, "orgUnitMode", "DESCENDANTS", "groupBy", by, "asOf", day);
    assertThat(s.getString("groupBy")).isEqualTo(by);
    assertThat(s.getString("asOf")).isEqualTo(day);
    Map<String, Map<String, Long>> out = new TreeMap<>();
    long total = 0;
    for (int g = 0; g < s.getList("groups").size(); g++) {
      String p = "groups[" + g + "]";
      String key =
          switch (by) {
            case "CHILD_UNIT" -> s.getString(p + ".orgUnitId");
            case "KIND" -> s.getString(p + ".kind");
            default -> s.getString(p + ".month");
          };
      Map<String, Long> counts = new TreeMap<>();
      long groupTotal = s.getLong(p + ".counts.total");
      total += groupTotal;
      if (by.equals("KIND")) {
        put(counts, key, s, p + ".counts");
      } else {
        for (int k = 0; k < s.getList(p + ".kinds").size(); k++) {
          put(counts, s.getString(p + ".kinds[" + k + "].kind"), s, p + ".kinds[" + k + "].counts");
        }
      }
      assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(groupTotal);
      out.put(key, counts);
    }
    assertThat(s.getLong("total.total")).isEqualTo(total);
    return out;
  }

  private static void put(Map<String, Long> counts, String kind, JsonPath s, String path) {
    Map<String, String> fields =
        Map.of(
            "doneOnTime", "DONE_ON_TIME",
            "doneLate", "DONE_LATE",
            "inProgressInTerm", "IN_PROGRESS_IN_TERM",
            "overdue", "OVERDUE");
    fields.forEach(
        (field, state) -> {
          long n = s.getLong(path + "." + field);
          if (n > 0) {
            counts.put(kind + "/" + state, n);
          }
        });
  }

  private static Response ok(Response r, int status) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
    return r;
  }

  private static void transition(String id, String action, Map<String, Object> extra) {
    long version = ok(json("admin").get("/api/v1/tasks/" + id), 200).jsonPath().getLong("version");
    Map<String, Object> b = new HashMap<>(extra);
    b.put("action", action);
    ok(
        json("admin")
            .header("If-Match", "\"" + version + "\"")
            .body(b)
            .post("/api/v1/tasks/" + id + "/transitions"),
        200);
  }

  private static Map<String, Object> task(String lead, LocalDate due) {
    Map<String, Object> b = new HashMap<>();
    b.put("title", "Rà soát dân vận khéo");
    b.put("description", "Rà soát các mô hình dân vận khéo của đơn vị.");
    b.put("leadUnitId", lead);
    b.put("responsiblePerson", "Chủ tịch UBND");
    b.put("dueDate", due.toString());
    b.put("expectedResult", "Báo cáo bằng văn bản");
    return b;
  }

  private static Map<String, Object> doc(
      String unit, String issueDate, String title, Map<String, Object> more) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "KE_HOACH");
    body.put("symbol", "KH-UBND");
    body.put("issuingUnitId", unit);
    body.put("issueDate", issueDate);
    body.put("title", title);
    body.putAll(more);
    return body;
  }

  private static String issue(Map<String, Object> body) {
    Response created = ok(json("admin").body(body).post("/api/v1/directives"), 201);
    String id = created.jsonPath().getString("id");
    ok(
        json("admin")
            .header("If-Match", "\"" + created.jsonPath().getLong("version") + "\"")
            .body(Map.of("action", "ISSUE"))
            .post("/api/v1/directives/" + id + "/transitions"),
        200);
    return id;
  }

  private static String unit(String kind, String name, String code, String parent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", kind);
    body.put("name", name);
    body.put("validFrom", "2000-01-01");
    body.put("parentId", parent);
    body.put("code", code);
    return ok(json("admin").body(body).post("/api/v1/org-units"), 201).jsonPath().getString("id");
  }
}
