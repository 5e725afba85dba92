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
import static vn.danvan.task.TaskFixtures.version;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.TestClock;

/** The task itself: the five clears, transitions, delegation, derived values, the four states. */
@QuarkusTest
class TaskApiTest {

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
  void theFiveClearsAreRequired() {
    for (String field :
        List.of("title", "description", "leadUnitId", "responsiblePerson", "expectedResult")) {
      Map<String, Object> b = body(f.c1, "2030-03-31");
      b.remove(field);
      Response r = create("admin", b);
      assertProblem(r, 400, "VALIDATION_FAILED");
      assertThat(r.jsonPath().getList("errors.pointer")).as(field).contains("/" + field);
      b.put(field, "   ");
      if (!field.equals("leadUnitId")) {
        assertThat(r.jsonPath().getList("errors.pointer")).contains("/" + field);
        assertProblem(create("admin", b), 400, "VALIDATION_FAILED");
      }
    }
    // a deadline: a due date or a recurrence, exactly one
    Map<String, Object> noDeadline = body(f.c1, null);
    Response r = create("admin", noDeadline);
    assertProblem(r, 400, "VALIDATION_FAILED");
    assertThat(r.jsonPath().getList("errors.pointer")).containsExactly("/dueDate");
    Map<String, Object> both = body(f.c1, "2030-03-31");
    both.put("recurrence", Map.of("frequency", "MONTHLY", "dayOfMonth", 25));
    assertProblem(create("admin", both), 400, "VALIDATION_FAILED");
    // due before the day of assignment
    assertProblem(create("admin", body(f.c1, "2029-12-31")), 400, "VALIDATION_FAILED");

    Map<String, Object> full = body(f.c1, "2030-03-31");
    full.put("coordinatingUnitIds", List.of(f.dept));
    full.put("directiveItem", "IV.2.b");
    full.put("priority", "HIGH");
    Response good = create("admin", full);
    assertThat(good.statusCode()).as(good.asString()).isEqualTo(201);
    assertThat(good.header("ETag")).isEqualTo("\"0\"");
    assertThat(good.header("Location")).endsWith(BASE + "/" + good.jsonPath().getString("id"));
    JsonPath t = good.jsonPath();
    assertThat(t.getString("status")).isEqualTo("NEW");
    assertThat(t.getString("state")).isEqualTo("IN_PROGRESS_IN_TERM");
    assertThat(t.getString("assignedOn")).isEqualTo("2030-01-10");
    assertThat(t.getString("assigningUnitId")).isEqualTo(f.district);
    assertThat(t.getList("coordinatingUnitIds")).containsExactly(f.dept);
    assertThat(t.getString("directiveItem")).isEqualTo("IV.2.b");
    assertThat(t.getString("originalDueDate")).isEqualTo("2030-03-31");
  }

  @Test
  void theWholeCountryIsTheRootsSubtree() {
    String id = created("admin", body(f.c1, "2030-03-31"));
    for (String mode : List.of("DESCENDANTS", "CHILDREN", "SELECTED")) {
      Response r =
          vn.danvan.testing.Api.as("admin")
              .queryParam("orgUnitId", vn.danvan.testing.Api.ROOT)
              .queryParam("orgUnitMode", mode)
              .queryParam("dueFrom", "2030-03-31")
              .queryParam("dueTo", "2030-03-31")
              .queryParam("limit", 500)
              .get(BASE);
      ok(r);
      // the root's subtree holds every task; its own children and itself lead none of these
      assertThat(ids(r).contains(id)).as(mode).isEqualTo(mode.equals("DESCENDANTS"));
    }
  }

  @Test
  void statusMovesOnlyByTransitions() {
    String id = created("admin", body(f.c1, "2030-03-31"));
    // no If-Match, a stale one
    assertProblem(
        json("admin").body(Map.of("action", "START")).post(BASE + "/" + id + "/transitions"),
        428,
        "PRECONDITION_REQUIRED");
    assertProblem(
        json("admin")
            .header("If-Match", "\"7\"")
            .body(Map.of("action", "START"))
            .post(BASE + "/" + id + "/transitions"),
        412,
        "PRECONDITION_FAILED");
    Response refused = transition("admin", id, "REOPEN", Map.of());
    assertProblem(refused, 409, "ILLEGAL_TRANSITION");
    assertThat(refused.jsonPath().getString("detail"))
        .contains("nhiệm vụ")
        .contains("NEW")
        .contains("REOPEN");
    ok(transition("admin", id, "START", Map.of()));
    assertProblem(transition("admin", id, "START", Map.of()), 409, "ILLEGAL_TRANSITION");
    // COMPLETE needs a result; CANCEL a reason
    assertProblem(transition("admin", id, "COMPLETE", Map.of()), 400, "VALIDATION_FAILED");
    assertProblem(transition("admin", id, "CANCEL", Map.of()), 400, "VALIDATION_FAILED");
    assertProblem(complete("admin", id, "2030-01-11"), 400, "VALIDATION_FAILED");
    Response done = complete("admin", id, null);
    ok(done);
    assertThat(done.jsonPath().getString("status")).isEqualTo("DONE");
    assertThat(done.jsonPath().getString("completedOn")).isEqualTo("2030-01-10");
    assertThat(done.jsonPath().getString("resultNote")).isEqualTo("Đã gửi báo cáo");
    assertProblem(complete("admin", id, null), 409, "ILLEGAL_TRANSITION");
    assertProblem(
        transition("admin", id, "CANCEL", Map.of("reason", "x")), 409, "ILLEGAL_TRANSITION");
    Response reopened = transition("admin", id, "REOPEN", Map.of());
    ok(reopened);
    assertThat(reopened.jsonPath().getString("status")).isEqualTo("IN_PROGRESS");
    assertThat(reopened.jsonPath().getString("completedOn")).isNull();
    Response cancelled = transition("admin", id, "CANCEL", Map.of("reason", "Không còn phù hợp"));
    ok(cancelled);
    assertThat(cancelled.jsonPath().getString("state")).isEqualTo("CANCELLED");
    assertProblem(transition("admin", id, "START", Map.of()), 409, "ILLEGAL_TRANSITION");

    // PUT never writes the status: a status in the body is ignored like any unknown field
    String other = created("admin", body(f.c1, "2030-03-31"));
    Map<String, Object> edit = body(f.c1, "2030-03-31");
    edit.put("status", "DONE");
    edit.put("title", "Tên mới");
    Response put =
        json("admin")
            .header("If-Match", "\"" + version(other) + "\"")
            .body(edit)
            .put(BASE + "/" + other);
    assertThat(put.statusCode()).as(put.asString()).isEqualTo(200);
    assertThat(put.jsonPath().getString("title")).isEqualTo("Tên mới");
    assertThat(put.jsonPath().getString("status")).isEqualTo("NEW");
    assertThat(get("admin", other).jsonPath().getString("status")).isEqualTo("NEW");
    // the due date is edited only before work starts; after that it is an extension
    ok(transition("admin", other, "START", Map.of()));
    Map<String, Object> later = body(f.c1, "2030-04-30");
    assertProblem(
        json("admin")
            .header("If-Match", "\"" + version(other) + "\"")
            .body(later)
            .put(BASE + "/" + other),
        409,
        "TASK_DUE_DATE_FIXED");
  }

  @Test
  void delegationStaysBelowTheParentInUnitAndDueDate() {
    String parent = created("admin", body(f.district, "2030-03-31"));
    // later than the parent: 400 on the offending line; nothing created
    Response late =
        delegate(
            "admin",
            parent,
            Map.of(
                "units",
                List.of(
                    Map.of("unitId", f.c1, "dueDate", "2030-03-20"),
                    Map.of("unitId", f.c2, "dueDate", "2030-04-01"))));
    assertProblem(late, 400, "VALIDATION_FAILED");
    assertThat(late.jsonPath().getList("errors.pointer")).containsExactly("/units/1/dueDate");
    // the parent's own unit, or a unit elsewhere in the tree, is not below it
    Response notBelow =
        delegate(
            "admin",
            parent,
            Map.of("units", List.of(Map.of("unitId", f.district), Map.of("unitId", f.province))));
    assertProblem(notBelow, 400, "VALIDATION_FAILED");
    assertThat(notBelow.jsonPath().getList("errors.pointer"))
        .containsExactly("/units/0/leadUnitId", "/units/1/leadUnitId");
    assertProblem(
        delegate(
            "admin",
            parent,
            Map.of("childKind", "COMMUNE", "units", List.of(Map.of("unitId", f.c1)))),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        delegate("admin", parent, Map.of("childKind", "COMMUNE", "dueDate", "2030-04-01")),
        400,
        "VALIDATION_FAILED");
    assertThat(get("admin", parent).jsonPath().getInt("childCount")).isZero();

    // every commune of the district in one call, due with the parent by default
    Response all = delegate("admin", parent, Map.of("childKind", "COMMUNE"));
    assertThat(all.statusCode()).as(all.asString()).isEqualTo(201);
    JsonPath children = all.jsonPath();
    assertThat(children.getList("items.leadUnitId")).containsExactlyInAnyOrder(f.c1, f.c2, f.c3);
    assertThat(children.getList("items.dueDate")).containsOnly("2030-03-31");
    assertThat(children.getList("items.parentId")).containsOnly(parent);
    assertThat(children.getList("items.assigningUnitId")).containsOnly(f.district);
    // a grandchild: further down only
    String child = children.getString("items[0].id");
    String lead = children.getString("items[0].leadUnitId");
    assertProblem(
        delegate("admin", child, Map.of("units", List.of(Map.of("unitId", f.dept)))),
        400,
        "VALIDATION_FAILED");
    Map<String, Object> direct = body(lead, "2030-03-31");
    direct.put("parentId", parent);
    direct.put("dueDate", "2030-04-02");
    assertProblem(create("admin", direct), 400, "VALIDATION_FAILED");
    // a closed parent takes no new children
    String closed = created("admin", body(f.district, "2030-03-31"));
    ok(transition("admin", closed, "CANCEL", Map.of("reason", "Giao nhầm")));
    assertProblem(delegate("admin", closed, Map.of("childKind", "COMMUNE")), 409, "TASK_NOT_OPEN");
  }

  @Test
  void aParentShowsItsOwnProgressAndTheDerivedOne() {
    String parent = created("admin", body(f.district, "2030-03-31"));
    JsonPath none = get("admin", parent).jsonPath();
    assertThat(none.getString("derivedProgress")).isNull();
    assertThat(none.getString("derivedDueDate")).isNull();
    Response split =
        delegate(
            "admin",
            parent,
            Map.of(
                "units",
                List.of(
                    Map.of("unitId", f.c1, "dueDate", "2030-02-15", "weight", 1),
                    Map.of("unitId", f.c2, "dueDate", "2030-03-20", "weight", 3),
                    Map.of("unitId", f.c3, "dueDate", "2030-03-31"))));
    assertThat(split.statusCode()).as(split.asString()).isEqualTo(201);
    Map<String, String> byUnit = new HashMap<>();
    for (int i = 0; i < 3; i++) {
      byUnit.put(
          split.jsonPath().getString("items[" + i + "].leadUnitId"),
          split.jsonPath().getString("items[" + i + "].id"));
    }
    progress(byUnit.get(f.c2), 40);
    progress(parent, 10);
    ok(complete("admin", byUnit.get(f.c1), null));
    // (1×100 + 3×40 + 1×0) / 5 = 44
    JsonPath p = get("admin", parent).jsonPath();
    assertThat(p.getInt("progress")).isEqualTo(10);
    assertThat(p.getDouble("derivedProgress")).isEqualTo(44.0);
    assertThat(p.getString("derivedDueDate")).isEqualTo("2030-03-31");
    assertThat(p.getInt("childCount")).isEqualTo(3);
    // a cancelled child counts for neither
    ok(transition("admin", byUnit.get(f.c3), "CANCEL", Map.of("reason", "Không giao nữa")));
    JsonPath q = get("admin", parent).jsonPath();
    assertThat(q.getDouble("derivedProgress")).isEqualTo(55.0);
    assertThat(q.getString("derivedDueDate")).isEqualTo("2030-03-20");
    // the parent completes only when its children are done or cancelled
    assertProblem(complete("admin", parent, null), 409, "TASK_HAS_OPEN_CHILDREN");
    ok(complete("admin", byUnit.get(f.c2), null));
    ok(complete("admin", parent, null));
    // the history of progress: append-only, newest first; a done task takes no more
    assertProblem(
        json("admin")
            .body(Map.of("percent", 0, "note", "Đang triển khai"))
            .post(BASE + "/" + byUnit.get(f.c1) + "/progress-updates"),
        409,
        "TASK_NOT_OPEN");
    Response history = json("admin").get(BASE + "/" + byUnit.get(f.c2) + "/progress-updates");
    assertThat(history.jsonPath().getList("items.percent")).containsExactly(40);
  }

  @Test
  void progressIsAppendOnlyWithEvidence() {
    String id = created("admin", body(f.c1, "2030-03-31"));
    Response first =
        json("admin")
            .body(Map.of("percent", 30, "note", "Đã họp triển khai"))
            .post(BASE + "/" + id + "/progress-updates");
    assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
    TestClock.today(LocalDate.parse("2030-01-20"));
    String pid =
        json("admin")
            .body(Map.of("percent", 70))
            .post(BASE + "/" + id + "/progress-updates")
            .jsonPath()
            .getString("id");
    JsonPath history = json("admin").get(BASE + "/" + id + "/progress-updates").jsonPath();
    assertThat(history.getList("items.percent")).containsExactly(70, 30);
    assertThat(history.getList("items.reportedBy")).containsOnly("admin");
    assertThat(get("admin", id).jsonPath().getInt("progress")).isEqualTo(70);
    Response paged =
        json("admin").queryParam("limit", 1).get(BASE + "/" + id + "/progress-updates");
    assertThat(paged.jsonPath().getList("items.percent")).containsExactly(70);
    assertThat(
            json("admin")
                .queryParam("cursor", paged.jsonPath().getString("next"))
                .get(BASE + "/" + id + "/progress-updates")
                .jsonPath()
                .getList("items.percent"))
        .containsExactly(30);
    assertProblem(
        json("admin").body(Map.of("percent", 101)).post(BASE + "/" + id + "/progress-updates"),
        400,
        "VALIDATION_FAILED");

    byte[] pdf =
        "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    String evidence = BASE + "/" + id + "/progress-updates/" + pid + "/evidence";
    Response up =
        vn.danvan.testing.Api.as("admin")
            .multiPart("file", "bien-ban.pdf", pdf, "application/pdf")
            .multiPart("description", "Biên bản họp")
            .post(evidence);
    assertThat(up.statusCode()).as(up.asString()).isEqualTo(201);
    assertThat(up.jsonPath().getString("mediaType")).isEqualTo("application/pdf");
    assertThat(json("admin").get(evidence).jsonPath().getList("items.fileName"))
        .containsExactly("bien-ban.pdf");
    Response content = vn.danvan.testing.Api.as("admin").get(up.header("Location"));
    assertThat(content.statusCode()).isEqualTo(200);
    assertThat(content.asByteArray()).isEqualTo(pdf);
    assertProblem(
        json("admin").get(BASE + "/" + id + "/progress-updates/" + UUID.randomUUID() + "/evidence"),
        404,
        "NOT_FOUND");
    // a finished task takes no more reports
    ok(complete("admin", id, null));
    assertProblem(
        json("admin").body(Map.of("percent", 100)).post(BASE + "/" + id + "/progress-updates"),
        409,
        "TASK_NOT_OPEN");
  }

  @Test
  void aProgressCursorIsBoundToItsTask() {
    String a = created("admin", body(f.c1, "2030-03-31"));
    String b = created("admin", body(f.c2, "2030-03-31"));
    progress(a, 10);
    TestClock.today(LocalDate.parse("2030-01-20"));
    progress(a, 20);
    progress(b, 30);
    Response first = json("admin").queryParam("limit", 1).get(BASE + "/" + a + "/progress-updates");
    String next = first.jsonPath().getString("next");
    assertThat(next).isNotNull();
    // the next page of another task's history is refused, not silently skipped
    assertProblem(
        json("admin").queryParam("cursor", next).get(BASE + "/" + b + "/progress-updates"),
        400,
        "INVALID_CURSOR");
    assertThat(
            json("admin")
                .queryParam("cursor", next)
                .get(BASE + "/" + a + "/progress-updates")
                .jsonPath()
                .getList("items.percent"))
        .containsExactly(10);
  }

  private static void progress(String id, int percent) {
    Response r =
        json("admin")
            .body(Map.of("percent", percent, "note", "Đang triển khai"))
            .post(BASE + "/" + id + "/progress-updates");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
  }

  @Test
  void theFourStatesFollowTheDueDateInVietnam() {
    String a = created("admin", body(f.c1, "2030-03-31"));
    String b = created("admin", body(f.c2, "2030-03-31"));
    String c = created("admin", body(f.c3, "2030-03-31"));
    assertThat(state(a)).isEqualTo("IN_PROGRESS_IN_TERM");
    TestClock.today(LocalDate.parse("2030-03-31"));
    // the due date itself is still in term; done that day is on time
    assertThat(state(a)).isEqualTo("IN_PROGRESS_IN_TERM");
    ok(complete("admin", b, null));
    assertThat(state(b)).isEqualTo("DONE_ON_TIME");
    TestClock.today(LocalDate.parse("2030-04-01"));
    assertThat(state(a)).isEqualTo("OVERDUE");
    assertThat(state(b)).isEqualTo("DONE_ON_TIME");
    ok(complete("admin", c, null));
    assertThat(state(c)).isEqualTo("DONE_LATE");
    // 23:30 on the due date in Vietnam is 16:30 UTC: still the due date
    TestClock.today(LocalDate.parse("2030-03-31"));
    assertThat(state(a)).isEqualTo("IN_PROGRESS_IN_TERM");
    TestClock.today(LocalDate.parse("2030-04-01"));

    // the list filters by state, over the district's subtree
    assertThat(
            listIds(
                Map.of("orgUnitId", f.district, "orgUnitMode", "DESCENDANTS", "state", "OVERDUE")))
        .containsExactly(a);
    assertThat(
            listIds(
                Map.of(
                    "orgUnitId", f.district, "orgUnitMode", "DESCENDANTS", "state", "DONE_LATE")))
        .containsExactly(c);
    assertThat(
            listIds(
                Map.of(
                    "orgUnitId", f.district, "orgUnitMode", "CHILDREN", "state", "DONE_ON_TIME")))
        .containsExactly(b);
    assertThat(listIds(Map.of("orgUnitId", f.c1, "state", "OVERDUE"))).containsExactly(a);
    assertThat(listIds(Map.of("orgUnitId", f.c2, "state", "OVERDUE"))).isEmpty();
  }

  @Test
  void listsAreScopedFilteredSearchedAndPaged() {
    Map<String, Object> tagged = body(f.c1, "2030-02-01");
    tagged.put("title", "Tiếp công dân định kỳ " + f.tag);
    String t1 = created("admin", tagged);
    tagged.put("dueDate", "2030-02-02");
    tagged.put("leadUnitId", f.c2);
    tagged.put("coordinatingUnitIds", List.of(f.c1));
    String t2 = created("admin", tagged);
    tagged.put("dueDate", "2030-02-03");
    tagged.put("leadUnitId", f.c3);
    tagged.remove("coordinatingUnitIds");
    String t3 = created("admin", tagged);
    // accent-insensitive search
    assertThat(listIds(Map.of("q", "tiep cong dan dinh ky " + f.tag))).containsExactly(t1, t2, t3);
    assertThat(listIds(Map.of("q", "TIẾP CÔNG DÂN ĐỊNH KỲ " + f.tag, "sort", "-dueDate")))
        .containsExactly(t3, t2, t1);
    // roles of the unit
    assertThat(listIds(Map.of("orgUnitId", f.c1, "role", "LEAD"))).containsExactly(t1);
    assertThat(listIds(Map.of("orgUnitId", f.c1, "role", "COORDINATING"))).containsExactly(t2);
    assertThat(listIds(Map.of("orgUnitId", f.c1, "role", "ANY"))).containsExactly(t1, t2);
    // keyset pages
    Response first = json("admin").queryParam("q", f.tag).queryParam("limit", 2).get(BASE);
    assertThat(ids(first)).containsExactly(t1, t2);
    String next = first.jsonPath().getString("next");
    Response second =
        json("admin")
            .queryParam("q", f.tag)
            .queryParam("limit", 2)
            .queryParam("cursor", next)
            .get(BASE);
    assertThat(ids(second)).containsExactly(t3);
    assertThat(second.jsonPath().getString("next")).isNull();
    // a cursor of another order is refused
    assertProblem(
        json("admin")
            .queryParam("q", f.tag)
            .queryParam("sort", "-dueDate")
            .queryParam("cursor", next)
            .get(BASE),
        400,
        "INVALID_CURSOR");
    // a cursor is bound to the filters it was read with: other filters would skip or repeat rows
    assertProblem(
        json("admin")
            .queryParam("q", f.tag)
            .queryParam("orgUnitId", f.c1)
            .queryParam("role", "ANY")
            .queryParam("limit", 2)
            .queryParam("cursor", next)
            .get(BASE),
        400,
        "INVALID_CURSOR");
    assertProblem(
        json("admin")
            .queryParam("q", "tiep cong dan " + f.tag)
            .queryParam("limit", 2)
            .queryParam("cursor", next)
            .get(BASE),
        400,
        "INVALID_CURSOR");
  }

  @Test
  void childrenAncestorsAndTree() {
    String root = created("admin", body(f.province, "2030-06-30"));
    String mid =
        ids(delegate("admin", root, Map.of("units", List.of(Map.of("unitId", f.district))))).get(0);
    List<String> leaves =
        ids(delegate("admin", mid, Map.of("childKind", "COMMUNE", "dueDate", "2030-05-31")));
    assertThat(leaves).hasSize(3);
    assertThat(ids(json("admin").get(BASE + "/" + mid + "/children")))
        .containsExactlyInAnyOrderElementsOf(leaves);
    assertThat(ids(json("admin").get(BASE + "/" + leaves.get(0) + "/ancestors")))
        .containsExactly(root, mid);
    JsonPath tree = json("admin").get(BASE + "/" + root + "/tree").jsonPath();
    assertThat(tree.getList("nodes.depth")).containsExactly(0, 1, 2, 2, 2);
    assertThat(tree.getString("nodes[0].task.id")).isEqualTo(root);
    assertThat(tree.getInt("nodes[1].task.childCount")).isEqualTo(3);
    assertThat(
            json("admin")
                .queryParam("depth", 1)
                .get(BASE + "/" + root + "/tree")
                .jsonPath()
                .getList("nodes"))
        .hasSize(2);
    // delete: only a new task without children
    assertProblem(
        json("admin").header("If-Match", "\"" + version(mid) + "\"").delete(BASE + "/" + mid),
        409,
        "TASK_HAS_CHILDREN");
    String leaf = leaves.get(0);
    assertThat(
            json("admin")
                .header("If-Match", "\"" + version(leaf) + "\"")
                .delete(BASE + "/" + leaf)
                .statusCode())
        .isEqualTo(204);
    assertProblem(get("admin", leaf), 404, "NOT_FOUND");
    // cancelling a task cancels what was delegated from it
    ok(transition("admin", root, "CANCEL", Map.of("reason", "Thay bằng kế hoạch khác")));
    assertThat(get("admin", mid).jsonPath().getString("status")).isEqualTo("CANCELLED");
    assertThat(get("admin", leaves.get(1)).jsonPath().getString("status")).isEqualTo("CANCELLED");
  }

  @Test
  void badInputIsAProblem() {
    for (Map.Entry<String, String> bad :
        Map.of(
                "state", "LATE",
                "dueFrom", "31/01/2030",
                "limit", "0",
                "sort", "title",
                "orgUnitMode", "DESCENDANTS",
                "cursor", "rác")
            .entrySet()) {
      Response r = json("admin").queryParam(bad.getKey(), bad.getValue()).get(BASE);
      assertThat(r.statusCode()).as(bad.getKey() + ": " + r.asString()).isEqualTo(400);
      assertThat(r.contentType()).startsWith(vn.danvan.testing.Api.PROBLEM_JSON);
    }
    assertProblem(get("admin", UUID.randomUUID().toString()), 404, "NOT_FOUND");
    assertProblem(json("admin").get(BASE + "/not-a-uuid"), 400, "INVALID_PARAMETER");
    Map<String, Object> unknownUnit = body(UUID.randomUUID().toString(), "2030-03-31");
    assertProblem(create("admin", unknownUnit), 422, "UNKNOWN_UNIT");
    Map<String, Object> wrongType = body(f.c1, "2030-03-31");
    wrongType.put("priority", "RẤT CAO");
    assertProblem(create("admin", wrongType), 400, "VALIDATION_FAILED");
    Map<String, Object> badDate = body(f.c1, "31/03/2030");
    assertProblem(create("admin", badDate), 400, "VALIDATION_FAILED");
    assertProblem(json("admin").body("{\"title\":").post(BASE), 400, "MALFORMED_JSON");
    Map<String, Object> unknownParent = body(f.c1, "2030-03-31");
    unknownParent.put("parentId", UUID.randomUUID().toString());
    assertProblem(create("admin", unknownParent), 422, "UNKNOWN_TASK");
    assertProblem(json("viewer").body(body(f.c1, "2030-03-31")).post(BASE), 403, "FORBIDDEN");
  }

  private static String state(String id) {
    return get("admin", id).jsonPath().getString("state");
  }

  private static List<String> listIds(Map<String, ?> query) {
    Response r = json("admin").queryParams(query).get(BASE);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return ids(r);
  }
}
