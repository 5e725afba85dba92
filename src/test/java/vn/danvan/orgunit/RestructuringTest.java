package vn.danvan.orgunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each restructuring kind on a private tree of this test: the old tree answers before the effective
 * date, the new one from it, history is never rewritten, a dry run writes nothing.
 */
@QuarkusTest
class RestructuringTest {

  static final String BASE = "/api/v1/org-units/";
  String tag;
  String province;
  String district;
  String c1;
  String c2;
  String c3;
  String dept;

  @BeforeEach
  void tree() {
    tag = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    province = create("PROVINCE", "Tỉnh Thử " + tag, "X" + tag, UnitIds.ROOT.toString());
    district = create("DISTRICT", "Huyện Thử " + tag, "H" + tag, province);
    c1 = create("COMMUNE", "Xã Một " + tag, "A" + tag, district);
    c2 = create("COMMUNE", "Xã Hai " + tag, "B" + tag, district);
    c3 = create("COMMUNE", "Xã Ba " + tag, "C" + tag, district);
    dept = create("DEPARTMENT", "Phòng Nội vụ huyện " + tag, null, district);
  }

  @Test
  void dryRunShowsTheResultAndWritesNothing() {
    JsonPath result =
        json("admin")
            .queryParam("dryRun", true)
            .body(merge(List.of(c1, c2), "Xã Mới " + tag, "A" + tag))
            .post(BASE + "restructurings")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(result.getBoolean("dryRun")).isTrue();
    assertThat(result.getList("closedUnits.id")).containsExactlyInAnyOrder(c1, c2);
    assertThat(result.getList("createdUnits.name")).containsExactly("Xã Mới " + tag);
    assertThat(active(c1, "2031-01-01")).isTrue();
    assertThat(
            json("admin")
                .get(BASE + c1 + "/lineage")
                .then()
                .extract()
                .jsonPath()
                .getList("successors"))
        .isEmpty();
    assertThat(
            json("admin")
                .queryParam("q", "Xã Mới " + tag)
                .get(BASE)
                .then()
                .extract()
                .jsonPath()
                .getList("items"))
        .isEmpty();
  }

  @Test
  void mergeClosesSourcesAndOpensTheTargetOnTheEffectiveDate() {
    JsonPath result =
        json("admin")
            .body(merge(List.of(c1, c2), "Xã Mới " + tag, "A" + tag))
            .post(BASE + "restructurings")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String merged = result.getString("createdUnits[0].id");
    assertThat(active(c1, "2029-12-31")).isTrue();
    assertThat(active(c1, "2030-01-01")).isFalse();
    assertThat(active(merged, "2029-12-31")).isFalse();
    assertThat(active(merged, "2030-01-01")).isTrue();
    assertThat(children(district, "2029-12-31")).containsExactlyInAnyOrder(c1, c2, c3, dept);
    assertThat(children(district, "2030-01-01")).containsExactlyInAnyOrder(merged, c3, dept);
    // the new unit took over the official code of a source, which ended the day before
    assertThat(json("admin").get(BASE + merged).then().extract().jsonPath().getString("code"))
        .isEqualTo("A" + tag);
    JsonPath lineage =
        json("admin").get(BASE + merged + "/lineage").then().statusCode(200).extract().jsonPath();
    assertThat(lineage.getList("predecessors.unitId")).containsExactlyInAnyOrder(c1, c2);
    assertThat(lineage.getString("predecessors[0].legalBasis"))
        .isEqualTo("Nghị quyết thử nghiệm " + tag);
    List<String> actions =
        json("admin")
            .queryParam("entityId", c1)
            .get("/api/v1/audit-events")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.action");
    assertThat(actions).contains("RESTRUCTURE_MERGE", "CREATE");
  }

  @Test
  void renameKeepsTheIdentityAndTheOldName() {
    json("admin")
        .body(
            body(
                "RENAME",
                "2030-01-01",
                List.of(c3),
                Map.of("newName", "\"Xã Ba Mới " + tag + "\"")))
        .post(BASE + "restructurings")
        .then()
        .statusCode(201);
    assertThat(
            json("admin")
                .queryParam("asOf", "2029-12-31")
                .get(BASE + c3)
                .then()
                .extract()
                .jsonPath()
                .getString("name"))
        .isEqualTo("Xã Ba " + tag);
    JsonPath after =
        json("admin").queryParam("asOf", "2030-01-01").get(BASE + c3).then().extract().jsonPath();
    assertThat(after.getString("name")).isEqualTo("Xã Ba Mới " + tag);
    assertThat(after.getString("id")).isEqualTo(c3);
    assertThat(after.getString("attributesValidFrom")).isEqualTo("2030-01-01");
  }

  @Test
  void moveReparentsFromTheEffectiveDateAndHistoryIsNotRewritten() {
    json("admin")
        .body(
            body("MOVE", "2031-01-01", List.of(c3), Map.of("newParentId", "\"" + province + "\"")))
        .post(BASE + "restructurings")
        .then()
        .statusCode(201);
    assertThat(ancestors(c3, "2030-12-31"))
        .containsExactly(UnitIds.ROOT.toString(), province, district);
    assertThat(ancestors(c3, "2031-01-01")).containsExactly(UnitIds.ROOT.toString(), province);
    assertThat(children(province, "2031-01-01")).contains(c3);
    // a change dated before a later one would rewrite history
    json("admin")
        .body(body("RENAME", "2030-06-01", List.of(c3), Map.of("newName", "\"Tên khác\"")))
        .post(BASE + "restructurings")
        .then()
        .statusCode(422)
        .body("code", equalTo("LATER_CHANGES_EXIST"));
    // a unit cannot be moved below itself
    json("admin")
        .body(
            body("MOVE", "2032-01-01", List.of(district), Map.of("newParentId", "\"" + c1 + "\"")))
        .post(BASE + "restructurings")
        .then()
        .statusCode(422);
  }

  @Test
  void dissolveNeedsAnEmptyUnitAndRecordsTheSuccessor() {
    json("admin")
        .body(body("DISSOLVE", "2032-01-01", List.of(district), Map.of()))
        .post(BASE + "restructurings")
        .then()
        .statusCode(422)
        .body("code", equalTo("UNIT_HAS_CHILDREN"));
    json("admin")
        .body(
            body(
                "DISSOLVE",
                "2032-01-01",
                List.of(dept),
                Map.of("successorId", "\"" + province + "\"")))
        .post(BASE + "restructurings")
        .then()
        .statusCode(201);
    assertThat(active(dept, "2031-12-31")).isTrue();
    assertThat(active(dept, "2032-01-01")).isFalse();
    JsonPath lineage = json("admin").get(BASE + dept + "/lineage").then().extract().jsonPath();
    assertThat(lineage.getList("successors.unitId")).containsExactly(province);
  }

  @Test
  void splitCreatesPartialSuccessors() {
    String body =
        body(
            "SPLIT",
            "2033-01-01",
            List.of(c2),
            Map.of(
                "newUnits",
                "[{\"kind\":\"COMMUNE\",\"name\":\"Xã Hai Bắc "
                    + tag
                    + "\"},{\"kind\":\"COMMUNE\",\"name\":\"Xã Hai Nam "
                    + tag
                    + "\"}]"));
    JsonPath result =
        json("admin")
            .body(body)
            .post(BASE + "restructurings")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    assertThat(result.getList("lineage.kind")).containsOnly("PART").hasSize(2);
    assertThat(children(district, "2033-01-01"))
        .containsAll(result.getList("createdUnits.id"))
        .doesNotContain(c2);
  }

  @Test
  void invalidRequestsAreRefusedWithPointers() {
    json("admin")
        .body(body("MERGE", "2030-01-01", List.of(c1, c2), Map.of()))
        .post(BASE + "restructurings")
        .then()
        .statusCode(400)
        .body("errors[0].pointer", equalTo("/targetUnitId"));
    json("admin")
        .body(
            body(
                "MERGE",
                "2030-01-01",
                List.of(c1, UUID.randomUUID().toString()),
                Map.of("targetUnitId", "\"" + c3 + "\"")))
        .post(BASE + "restructurings")
        .then()
        .statusCode(422)
        .body("errors[0].pointer", equalTo("/sources/1/unitId"));
    json("admin")
        .body(body("RENAME", "2030-01-01", List.of(c1), Map.of()))
        .post(BASE + "restructurings")
        .then()
        .statusCode(400)
        .body("errors[0].pointer", equalTo("/newName"));
    json("admin")
        .body("{\"kind\":\"MERGE\"}")
        .post(BASE + "restructurings")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    json("admin")
        .body(
            body("MERGE", "2030-01-01", List.of(c1, c1), Map.of("targetUnitId", "\"" + c3 + "\"")))
        .post(BASE + "restructurings")
        .then()
        .statusCode(400);
    json("admin")
        .body(body("MERGE", "1990-01-01", List.of(c1), Map.of("targetUnitId", "\"" + c3 + "\"")))
        .post(BASE + "restructurings")
        .then()
        .statusCode(422);
  }

  private String create(String kind, String name, String code, String parent) {
    String body =
        "{\"kind\":\""
            + kind
            + "\",\"name\":\""
            + name
            + "\",\"validFrom\":\"2000-01-01\",\"parentId\":\""
            + parent
            + "\""
            + (code == null ? "" : ",\"code\":\"" + code + "\"")
            + "}";
    return json("admin").body(body).post(BASE).then().statusCode(201).extract().path("id");
  }

  private String merge(List<String> sources, String name, String code) {
    return body(
        "MERGE",
        "2030-01-01",
        sources,
        Map.of(
            "newUnit",
            "{\"kind\":\"COMMUNE\",\"name\":\"" + name + "\",\"code\":\"" + code + "\"}"));
  }

  private String body(
      String kind, String effective, List<String> sources, Map<String, String> extra) {
    StringBuilder sb =
        new StringBuilder(
            "{\"kind\":\""
                + kind
                + "\",\"effectiveDate\":\""
                + effective
                + "\",\"legalBasis\":\"Nghị quyết thử nghiệm "
                + tag
                + "\",\"sources\":[");
    for (int i = 0; i < sources.size(); i++) {
      sb.append(i > 0 ? "," : "").append("{\"unitId\":\"").append(sources.get(i)).append("\"}");
    }
    sb.append(']');
    extra.forEach((k, v) -> sb.append(",\"").append(k).append("\":").append(v));
    return sb.append('}').toString();
  }

  private static boolean active(String id, String day) {
    return json("admin")
        .queryParam("asOf", day)
        .get(BASE + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getBoolean("active");
  }

  private static List<String> children(String id, String day) {
    return json("admin")
        .queryParam("asOf", day)
        .queryParam("limit", 500)
        .get(BASE + id + "/children")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.id");
  }

  private static List<String> ancestors(String id, String day) {
    return json("admin")
        .queryParam("asOf", day)
        .get(BASE + id + "/ancestors")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.id");
  }
}
