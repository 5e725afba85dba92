package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.directive.DirectiveFixtures.BASE;
import static vn.danvan.directive.DirectiveFixtures.create;
import static vn.danvan.directive.DirectiveFixtures.doc;
import static vn.danvan.directive.DirectiveFixtures.issued;
import static vn.danvan.directive.DirectiveFixtures.reference;
import static vn.danvan.directive.DirectiveFixtures.transition;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.testing.TestClock;

/**
 * Cascade obligations on a private tree: a district's plan owed by its communes, their states
 * across the due date, fulfilment, paging, and obligations passed on by a merge.
 */
@QuarkusTest
class DirectiveCoverageTest {

  static final String DUE = "2030-03-31";
  String tag;
  String province;
  String district;
  String c1;
  String c2;
  String c3;

  @BeforeEach
  void tree() {
    // the plans below are issued in 2030, and a document is never issued ahead of today
    TestClock.runningFrom(LocalDate.parse("2030-12-31"));
    tag = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    province = unit("PROVINCE", "Tỉnh Thử " + tag, "X" + tag, UnitIds.ROOT.toString());
    district = unit("DISTRICT", "Huyện Thử " + tag, "H" + tag, province);
    c1 = unit("COMMUNE", "Xã An " + tag, "A" + tag, district);
    c2 = unit("COMMUNE", "Xã Bình " + tag, "B" + tag, district);
    c3 = unit("COMMUNE", "Xã Châu " + tag, "C" + tag, district);
    unit("DEPARTMENT", "Phòng Nội vụ huyện " + tag, null, district);
  }

  @AfterEach
  void time() {
    TestClock.reset();
  }

  @Test
  void statesFollowTheDueDateAndTheAsOfDate() {
    String ct = districtDirective();
    JsonPath d = json("admin").get(BASE + "/" + ct).jsonPath();
    assertThat(d.getString("obligations.targets")).isEqualTo("CHILD_UNITS_OF_KIND");
    assertThat(d.getString("obligations.kind")).isEqualTo("COMMUNE");
    assertThat(d.getString("obligations.dueDate")).isEqualTo(DUE);
    String p1 = plan(c1, "2030-02-01", ct);
    String p2 = plan(c2, "2030-05-02", ct);

    // the department is a child of the district but not a commune: three obligations
    assertThat(states(ct, "2030-01-20"))
        .containsExactly(
            "Xã An " + tag + "=PENDING_IN_TERM",
            "Xã Bình " + tag + "=PENDING_IN_TERM",
            "Xã Châu " + tag + "=PENDING_IN_TERM");
    // the due date is still in term; a plan issued that day is on time
    assertThat(states(ct, DUE))
        .containsExactly(
            "Xã An " + tag + "=ISSUED_ON_TIME",
            "Xã Bình " + tag + "=PENDING_IN_TERM",
            "Xã Châu " + tag + "=PENDING_IN_TERM");
    assertThat(states(ct, "2030-04-01"))
        .containsExactly(
            "Xã An " + tag + "=ISSUED_ON_TIME",
            "Xã Bình " + tag + "=OVERDUE",
            "Xã Châu " + tag + "=OVERDUE");
    JsonPath later = coverage(ct, "2030-06-01", null, null, null).jsonPath();
    assertThat(later.getList("items.state"))
        .containsExactly("ISSUED_ON_TIME", "ISSUED_LATE", "OVERDUE");
    assertThat(later.getString("items[1].document.id")).isEqualTo(p2);
    assertThat(later.getString("items[1].document.fullNumber")).isEqualTo("01/KH-UBND");
    assertThat(later.getString("items[1].document.issueDate")).isEqualTo("2030-05-02");
    assertThat(later.getString("items[0].document.id")).isEqualTo(p1);
    assertThat(later.getString("items[2].document")).isNull();
    assertThat(later.getString("items[0].unit.id")).isEqualTo(c1);
    assertThat(later.getString("items[0].dueDate")).isEqualTo(DUE);
    assertThat(later.getInt("totals.total")).isEqualTo(3);
    assertThat(later.getInt("totals.issuedOnTime")).isEqualTo(1);
    assertThat(later.getInt("totals.issuedLate")).isEqualTo(1);
    assertThat(later.getInt("totals.pendingInTerm")).isZero();
    assertThat(later.getInt("totals.overdue")).isEqualTo(1);

    // without asOf: today of the injected clock, in Vietnam
    TestClock.today(LocalDate.parse("2030-04-01"));
    JsonPath today = coverage(ct, null, null, null, null).jsonPath();
    assertThat(today.getString("asOf")).isEqualTo("2030-04-01");
    assertThat(today.getList("items.state"))
        .containsExactly("ISSUED_ON_TIME", "OVERDUE", "OVERDUE");
    TestClock.today(LocalDate.parse("2030-03-15"));
    assertThat(coverage(ct, null, null, null, null).jsonPath().getList("items.state"))
        .containsExactly("ISSUED_ON_TIME", "PENDING_IN_TERM", "PENDING_IN_TERM");
  }

  @Test
  void pagesAndStateFilter() {
    String ct = districtDirective();
    plan(c1, "2030-02-01", ct);
    JsonPath overdue = coverage(ct, "2030-04-01", "OVERDUE", 1, null).jsonPath();
    assertThat(overdue.getList("items.unit.id")).containsExactly(c2);
    assertThat(overdue.getInt("totals.total")).isEqualTo(3);
    assertThat(overdue.getInt("totals.overdue")).isEqualTo(2);
    String next = overdue.getString("next");
    assertThat(next).isNotBlank();
    JsonPath second = coverage(ct, "2030-04-01", "OVERDUE", 1, next).jsonPath();
    assertThat(second.getList("items.unit.id")).containsExactly(c3);
    assertThat(second.getString("next")).isNull();
    // a cursor belongs to its filters: with another state, day or directive it is refused
    String url = BASE + "/" + ct + "/coverage";
    assertProblem(
        json("admin")
            .queryParam("asOf", "2030-04-01")
            .queryParam("state", "PENDING_IN_TERM")
            .queryParam("cursor", next)
            .get(url),
        400,
        "INVALID_CURSOR");
    assertProblem(
        json("admin")
            .queryParam("asOf", "2030-04-02")
            .queryParam("state", "OVERDUE")
            .queryParam("cursor", next)
            .get(url),
        400,
        "INVALID_CURSOR");
    assertProblem(
        json("admin")
            .queryParam("asOf", "2030-04-01")
            .queryParam("state", "OVERDUE")
            .queryParam("cursor", next)
            .get(BASE + "/" + districtDirective() + "/coverage"),
        400,
        "INVALID_CURSOR");
    List<String> all = new ArrayList<>();
    String cursor = null;
    do {
      JsonPath page = coverage(ct, "2030-04-01", null, 2, cursor).jsonPath();
      all.addAll(page.getList("items.unit.id"));
      cursor = page.getString("next");
    } while (cursor != null);
    assertThat(all).containsExactly(c1, c2, c3);
  }

  @Test
  void recipientsForExecutionOweThePlanAndAReferenceAddedLaterFulfilsIt() {
    Map<String, Object> body =
        doc(
            "CHI_THI",
            null,
            "CT-UBND",
            java.util.UUID.fromString(district),
            "2030-01-10",
            "Về tăng cường công tác dân vận " + tag,
            Map.of("obligations", Map.of("targets", "RECIPIENTS", "dueDate", DUE)));
    body.put(
        "recipients",
        List.of(
            Map.of("unitId", c1, "purpose", "EXECUTE"),
            Map.of("unitId", c2, "purpose", "FOR_INFORMATION"),
            Map.of("name", "Thường trực Huyện ủy", "purpose", "EXECUTE")));
    String ct = issued("admin", body);
    String p1 = issued("admin", planBody(c1, "2030-02-01"));
    assertThat(states(ct, "2030-04-01")).containsExactly("Xã An " + tag + "=OVERDUE");
    reference("admin", p1, ct, "IMPLEMENTS");
    assertThat(states(ct, "2030-04-01")).containsExactly("Xã An " + tag + "=ISSUED_ON_TIME");
  }

  @Test
  void aMergedCommuneOwesWhatItsPredecessorsOwed() {
    String ct = districtDirective();
    plan(c1, "2030-02-01", ct);
    Response merged =
        json("admin")
            .body(
                "{\"kind\":\"MERGE\",\"effectiveDate\":\"2030-03-01\",\"legalBasis\":\"Nghị quyết thử nghiệm "
                    + tag
                    + "\",\"sources\":[{\"unitId\":\""
                    + c2
                    + "\"},{\"unitId\":\""
                    + c3
                    + "\"}],\"newUnit\":{\"kind\":\"COMMUNE\",\"name\":\"Xã Hợp Nhất "
                    + tag
                    + "\",\"code\":\"M"
                    + tag
                    + "\"}}")
            .post("/api/v1/org-units/restructurings");
    assertThat(merged.statusCode()).as(merged.asString()).isEqualTo(201);
    String successor = merged.jsonPath().getString("createdUnits[0].id");
    assertThat(merged.jsonPath().getList("transfers.entityType"))
        .containsOnly("DIRECTIVE_OBLIGATION");
    assertThat(merged.jsonPath().getList("transfers.fromUnitId")).containsExactlyInAnyOrder(c2, c3);
    assertThat(merged.jsonPath().getList("transfers.toUnitId")).containsOnly(successor);

    // the day before the merge the three communes still owe it; the successor does not yet
    JsonPath before = coverage(ct, "2030-02-28", null, null, null).jsonPath();
    assertThat(before.getList("items.unit.id")).containsExactly(c1, c2, c3);
    assertThat(before.getList("items.state"))
        .containsExactly("ISSUED_ON_TIME", "PENDING_IN_TERM", "PENDING_IN_TERM");
    assertThat(before.getInt("totals.total")).isEqualTo(3);

    JsonPath after = coverage(ct, "2030-04-01", null, null, null).jsonPath();
    assertThat(after.getList("items.unit.id")).containsExactly(c1, successor);
    assertThat(after.getList("items.state")).containsExactly("ISSUED_ON_TIME", "OVERDUE");
    // the restructuring passes the closed units on in the order of its sources: c2 first
    assertThat(after.getString("items[1].transferredFromUnitId")).isEqualTo(c2);
    assertThat(after.getInt("totals.total")).isEqualTo(2);

    // the successor fulfils it with a plan of its own
    String p = plan(successor, "2030-04-10", ct);
    JsonPath done = coverage(ct, "2030-05-01", null, null, null).jsonPath();
    assertThat(done.getList("items.state")).containsExactly("ISSUED_ON_TIME", "ISSUED_LATE");
    assertThat(done.getString("items[1].document.id")).isEqualTo(p);
  }

  /**
   * A plan entered after the restructurings that closed some of its communes (back-filled) owes
   * exactly what it would owe had it been issued before them: c2 and c3 merge into M on 01/03, M
   * merges into N on 01/06; the communes' open obligations pass down the chain from those days.
   */
  @Test
  void aDirectiveEnteredAfterAMergeOwesAsIfEnteredBefore() {
    String before = districtDirective();
    plan(c1, "2030-02-01", before);
    String m =
        merge(List.of(c2, c3), "2030-03-01", "Xã Hợp Nhất " + tag, "M" + tag)
            .getString("createdUnits[0].id");
    String n =
        merge(List.of(m), "2030-06-01", "Xã Mới " + tag, "N" + tag).getString("createdUnits[0].id");

    // the same plan of the district, entered now, dated before both merges
    Map<String, Object> body = districtBody();
    body.put("title", "Triển khai công tác dân vận năm 2030 (nhập bổ sung) " + tag);
    String after = issued("admin", body);
    plan(c1, "2030-02-01", after);

    for (String day :
        List.of(
            "2030-02-28", "2030-03-01", "2030-04-01", "2030-05-31", "2030-06-01", "2030-07-01")) {
      assertThat(owed(after, day)).as(day).isEqualTo(owed(before, day));
      JsonPath a = coverage(after, day, null, null, null).jsonPath();
      JsonPath b = coverage(before, day, null, null, null).jsonPath();
      assertThat(a.getMap("totals")).as(day).isEqualTo(b.getMap("totals"));
    }
    assertThat(owed(after, "2030-02-28"))
        .containsExactly(
            c1 + "=ISSUED_ON_TIME/null",
            c2 + "=PENDING_IN_TERM/null",
            c3 + "=PENDING_IN_TERM/null");
    assertThat(owed(after, "2030-04-01"))
        .containsExactly(c1 + "=ISSUED_ON_TIME/null", m + "=OVERDUE/" + c2);
    assertThat(owed(after, "2030-07-01"))
        .containsExactly(c1 + "=ISSUED_ON_TIME/null", n + "=OVERDUE/" + m);
    // the last successor meets it with a plan of its own, in both
    plan(n, "2030-07-10", before);
    plan(n, "2030-07-10", after);
    assertThat(owed(after, "2030-08-01")).isEqualTo(owed(before, "2030-08-01"));
    assertThat(owed(after, "2030-08-01")).contains(n + "=ISSUED_LATE/" + m);
  }

  private JsonPath merge(List<String> sources, String day, String name, String code) {
    Response merged =
        json("admin")
            .body(
                Map.of(
                    "kind",
                    "MERGE",
                    "effectiveDate",
                    day,
                    "legalBasis",
                    "Nghị quyết thử nghiệm " + code,
                    "sources",
                    sources.stream().map(u -> Map.of("unitId", u)).toList(),
                    "newUnit",
                    Map.of("kind", "COMMUNE", "name", name, "code", code)))
            .post("/api/v1/org-units/restructurings");
    assertThat(merged.statusCode()).as(merged.asString()).isEqualTo(201);
    return merged.jsonPath();
  }

  /**
   * unit=state/transferred-from on a day, in unit order (the predecessor a merged commune's row
   * names is either of those merged: c3 is written c2).
   */
  private List<String> owed(String directive, String day) {
    JsonPath p = coverage(directive, day, null, null, null).jsonPath();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < p.getList("items").size(); i++) {
      String from = p.getString("items[" + i + "].transferredFromUnitId");
      out.add(
          p.getString("items[" + i + "].unit.id")
              + "="
              + p.getString("items[" + i + "].state")
              + "/"
              + (c3.equals(from) ? c2 : from));
    }
    return out.stream().sorted(java.util.Comparator.comparing(x -> order(x))).toList();
  }

  private int order(String item) {
    List<String> units = List.of(c1, c2, c3);
    int i = units.indexOf(item.substring(0, item.indexOf('=')));
    return i < 0 ? 10 : i;
  }

  @Test
  void everyCommuneBelowTheIssuerMayOweIt() {
    Map<String, Object> body =
        doc(
            "CHI_THI",
            null,
            "CT-UBND",
            java.util.UUID.fromString(province),
            "2030-01-05",
            "Về công tác dân vận ở cơ sở " + tag,
            Map.of(
                "obligations",
                Map.of("targets", "DESCENDANT_UNITS_OF_KIND", "kind", "COMMUNE", "dueDate", DUE)));
    String ct = issued("admin", body);
    plan(c2, "2030-02-01", ct);
    assertThat(states(ct, "2030-04-01"))
        .containsExactly(
            "Xã An " + tag + "=OVERDUE",
            "Xã Bình " + tag + "=ISSUED_ON_TIME",
            "Xã Châu " + tag + "=OVERDUE");
  }

  @Test
  void aRevokedPlanNoLongerMeetsTheObligation() {
    String ct = districtDirective();
    String p1 = plan(c1, "2030-02-01", ct);
    assertThat(states(ct, "2030-04-01")).startsWith("Xã An " + tag + "=ISSUED_ON_TIME");
    long version = json("admin").get(BASE + "/" + p1).jsonPath().getLong("version");
    Response revoked = transition("admin", p1, version, "REVOKE");
    assertThat(revoked.statusCode()).as(revoked.asString()).isEqualTo(200);
    assertThat(states(ct, "2030-04-01")).startsWith("Xã An " + tag + "=OVERDUE");
    // a new plan of the commune meets it, late
    String again = plan(c1, "2030-04-10", ct);
    JsonPath now = coverage(ct, "2030-05-01", null, null, null).jsonPath();
    assertThat(now.getString("items[0].state")).isEqualTo("ISSUED_LATE");
    assertThat(now.getString("items[0].document.id")).isEqualTo(again);
  }

  @Test
  void readableByWhoeverReadsTheDirective() {
    Map<String, Object> body = districtBody();
    Response draft = create("admin", body);
    String id = draft.jsonPath().getString("id");
    // a draft outside the caller's scope does not exist for them
    assertProblem(json("viewer").get(BASE + "/" + id + "/coverage"), 404, "NOT_FOUND");
    assertThat(json("admin").get(BASE + "/" + id + "/coverage").jsonPath().getInt("totals.total"))
        .isZero();
    assertThat(transition("admin", id, draft.jsonPath().getLong("version"), "ISSUE").statusCode())
        .isEqualTo(200);
    Response read = json("viewer").get(BASE + "/" + id + "/coverage");
    assertThat(read.statusCode()).as(read.asString()).isEqualTo(200);
    assertThat(read.jsonPath().getInt("totals.total")).isEqualTo(3);
    assertThat(given401()).isEqualTo(401);
  }

  @Test
  void badInputIsAProblem() {
    String ct = districtDirective();
    for (Map.Entry<String, String> bad :
        Map.of("state", "DONE", "asOf", "31/01/2022", "limit", "0").entrySet()) {
      Response r =
          json("admin").queryParam(bad.getKey(), bad.getValue()).get(BASE + "/" + ct + "/coverage");
      assertThat(r.statusCode()).as(r.asString()).isEqualTo(400);
      assertThat(r.contentType()).startsWith(vn.danvan.testing.Api.PROBLEM_JSON);
    }
    assertProblem(
        json("admin").queryParam("cursor", "rác").get(BASE + "/" + ct + "/coverage"),
        400,
        "INVALID_CURSOR");
    assertProblem(
        json("admin").get(BASE + "/" + java.util.UUID.randomUUID() + "/coverage"),
        404,
        "NOT_FOUND");
    Map<String, Object> noKind = districtBody();
    noKind.put("obligations", Map.of("targets", "CHILD_UNITS_OF_KIND", "dueDate", DUE));
    Response r = json("admin").body(noKind).post(BASE);
    assertProblem(r, 400, "VALIDATION_FAILED");
    assertThat(r.jsonPath().getString("errors[0].pointer")).isEqualTo("/obligations/kind");
    Map<String, Object> early = districtBody();
    early.put(
        "obligations",
        Map.of("targets", "CHILD_UNITS_OF_KIND", "kind", "COMMUNE", "dueDate", "2030-01-01"));
    Response e = json("admin").body(early).post(BASE);
    assertProblem(e, 400, "VALIDATION_FAILED");
    assertThat(e.jsonPath().getString("errors[0].pointer")).isEqualTo("/obligations/dueDate");
  }

  // ------------------------------------------------------------------ helpers

  private static int given401() {
    return io.restassured.RestAssured.given()
        .get(BASE + "/" + java.util.UUID.randomUUID() + "/coverage")
        .statusCode();
  }

  private Map<String, Object> districtBody() {
    return doc(
        "KE_HOACH",
        null,
        "KH-UBND",
        java.util.UUID.fromString(district),
        "2030-01-10",
        "Triển khai công tác dân vận năm 2030 " + tag,
        Map.of(
            "obligations",
            Map.of("targets", "CHILD_UNITS_OF_KIND", "kind", "COMMUNE", "dueDate", DUE)));
  }

  private String districtDirective() {
    return issued("admin", districtBody());
  }

  private Map<String, Object> planBody(String unit, String day) {
    return new LinkedHashMap<>(
        doc(
            "KE_HOACH",
            null,
            "KH-UBND",
            java.util.UUID.fromString(unit),
            day,
            "Kế hoạch triển khai công tác dân vận " + tag,
            Map.of()));
  }

  /** A commune's implementing plan: issued, then linked (so the link fulfils it). */
  private String plan(String unit, String day, String directive) {
    Response created = create("admin", planBody(unit, day));
    String id = created.jsonPath().getString("id");
    reference("admin", id, directive, "IMPLEMENTS");
    Response issuedNow =
        transition("admin", id, created.jsonPath().getLong("version") + 1, "ISSUE");
    assertThat(issuedNow.statusCode()).as(issuedNow.asString()).isEqualTo(200);
    return id;
  }

  private static Response coverage(
      String id, String asOf, String state, Integer limit, String cursor) {
    var req = json("admin");
    if (asOf != null) {
      req.queryParam("asOf", asOf);
    }
    if (state != null) {
      req.queryParam("state", state);
    }
    if (limit != null) {
      req.queryParam("limit", limit);
    }
    if (cursor != null) {
      req.queryParam("cursor", cursor);
    }
    Response r = req.get(BASE + "/" + id + "/coverage");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r;
  }

  private static List<String> states(String id, String asOf) {
    JsonPath p = coverage(id, asOf, null, null, null).jsonPath();
    List<String> names = p.getList("items.unit.name");
    List<String> states = p.getList("items.state");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      out.add(names.get(i) + "=" + states.get(i));
    }
    return out;
  }

  private static String unit(String kind, String name, String code, String parent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", kind);
    body.put("name", name);
    body.put("validFrom", "2000-01-01");
    body.put("parentId", parent);
    if (code != null) {
      body.put("code", code);
    }
    return json("admin")
        .body(body)
        .post("/api/v1/org-units")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
