package vn.danvan.models;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.models.GoodPracticeModelFixtures.BASE;
import static vn.danvan.models.GoodPracticeModelFixtures.KH_246;
import static vn.danvan.models.GoodPracticeModelFixtures.body;
import static vn.danvan.models.GoodPracticeModelFixtures.createdId;
import static vn.danvan.models.GoodPracticeModelFixtures.department;
import static vn.danvan.models.GoodPracticeModelFixtures.recognise;
import static vn.danvan.models.GoodPracticeModelFixtures.start;
import static vn.danvan.models.GoodPracticeModelFixtures.tag;
import static vn.danvan.models.GoodPracticeModelFixtures.transition;
import static vn.danvan.testing.Api.HO_CHI_MINH;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The list's filters (a model of several units matches when any of them is selected), its
 * accent-insensitive search and keyset pages bound to the filters, and the statistics, which count
 * exactly the models the list answers for the same filters.
 */
@QuarkusTest
class GoodPracticeModelListTest {

  /** A unit D with children E and F, and G under E; the models of the test on them. */
  String d;

  String e;
  String f;
  String g;
  final List<String> ids = new ArrayList<>();

  private void world() {
    d = department(HO_CHI_MINH);
    e = department(d);
    f = department(d);
    g = department(e);
    // m0: D itself; m1: E; m2: G led, D co-unit; m3: F led, G co-unit (registered 2025); the
    // later registered first in the list
    ids.add(model(d, List.of(), "ECONOMY", "2026-01-10"));
    ids.add(model(e, List.of(), "CULTURE_SOCIETY", "2026-01-11"));
    ids.add(model(g, List.of(d), "ECONOMY", "2026-01-12"));
    ids.add(model(f, List.of(g), "DEFENCE_SECURITY", "2025-06-01"));
    // m1 implementing, m2 recognised by the city
    assertThat(transition("admin", ids.get(1), 0, start("2026-01-15")).statusCode()).isEqualTo(200);
    assertThat(transition("admin", ids.get(2), 0, start("2026-01-15")).statusCode()).isEqualTo(200);
    assertThat(
            transition("admin", ids.get(2), 1, recognise("PROVINCE", KH_246, "2026-04-01"))
                .statusCode())
        .isEqualTo(200);
  }

  private String model(String lead, List<String> co, String field, String registeredOn) {
    Map<String, Object> b = body(lead, "Mô hình " + tag());
    b.put("coUnitIds", co);
    b.put("field", field);
    b.put("startDate", "2025-01-01");
    b.put("registeredOn", registeredOn);
    return createdId("admin", b);
  }

  private List<String> list(Map<String, Object> params) {
    List<String> out = new ArrayList<>();
    String cursor = null;
    do {
      RequestSpecification r = json("hcm-manager").queryParam("limit", 2);
      params.forEach(r::queryParam);
      if (cursor != null) {
        r.queryParam("cursor", cursor);
      }
      JsonPath page = r.get(BASE).then().statusCode(200).extract().jsonPath();
      out.addAll(page.getList("items.id"));
      cursor = page.getString("next");
    } while (cursor != null);
    return out;
  }

  @Test
  void aModelMatchesWhenAnyOfItsUnitsIsSelected() {
    world();
    assertThat(list(Map.of("orgUnitId", d))).containsExactly(ids.get(2), ids.get(0));
    assertThat(list(Map.of("orgUnitId", d, "orgUnitMode", "CHILDREN")))
        .containsExactly(ids.get(2), ids.get(1), ids.get(0), ids.get(3));
    assertThat(list(Map.of("orgUnitId", e, "orgUnitMode", "DESCENDANTS")))
        .containsExactly(ids.get(2), ids.get(1), ids.get(3));
    assertThat(list(Map.of("orgUnitId", g))).containsExactly(ids.get(2), ids.get(3));
    assertThat(list(Map.of("orgUnitId", d, "orgUnitMode", "DESCENDANTS", "field", "ECONOMY")))
        .containsExactly(ids.get(2), ids.get(0));
    assertThat(list(Map.of("orgUnitId", d, "orgUnitMode", "DESCENDANTS", "status", "IMPLEMENTING")))
        .containsExactly(ids.get(1));
    assertThat(
            list(
                Map.of(
                    "orgUnitId", d, "orgUnitMode", "DESCENDANTS", "recognitionLevel", "PROVINCE")))
        .containsExactly(ids.get(2));
    assertThat(list(Map.of("orgUnitId", d, "orgUnitMode", "DESCENDANTS", "year", 2025)))
        .containsExactly(ids.get(3));
    // a cursor is bound to its filters
    String next =
        json("hcm-manager")
            .queryParam("orgUnitId", d)
            .queryParam("orgUnitMode", "DESCENDANTS")
            .queryParam("limit", 1)
            .get(BASE)
            .jsonPath()
            .getString("next");
    assertProblem(
        json("hcm-manager").queryParam("orgUnitId", e).queryParam("cursor", next).get(BASE),
        400,
        "INVALID_CURSOR");
    // a mode without a unit, a year out of range, an unknown status
    assertProblem(
        json("hcm-manager").queryParam("orgUnitMode", "CHILDREN").get(BASE),
        400,
        "VALIDATION_FAILED");
    assertProblem(json("hcm-manager").queryParam("year", 1800).get(BASE), 400, "VALIDATION_FAILED");
    assertProblem(
        json("hcm-manager").queryParam("status", "DONE").get(BASE), 400, "INVALID_PARAMETER");
  }

  @Test
  void theSearchIgnoresAccentsAndCase() {
    String t = tag();
    Map<String, Object> b = body(GoodPracticeModelFixtures.AN_HOI_TAY, "Dân vận khéo " + t);
    String id = createdId("ward-officer", b);
    Map<String, Object> other = body(GoodPracticeModelFixtures.AN_HOI_TAY, "Mô hình " + t);
    other.put("description", "Phát huy DÂN VẬN KHÉO ở khu phố " + t);
    String byDescription = createdId("ward-officer", other);
    assertThat(list(Map.of("q", "dan van kheo " + t))).containsExactly(id);
    assertThat(list(Map.of("q", "DAN VAN KHEO"))).contains(id, byDescription);
    assertThat(list(Map.of("q", "dân vận khéo " + t))).containsExactly(id);
    assertThat(list(Map.of("q", "kheo ở khu pho " + t))).containsExactly(byDescription);
    // like's wildcards are text
    assertThat(list(Map.of("q", "%" + t))).isEmpty();
  }

  @Test
  void theStatisticsCountTheList() {
    world();
    JsonPath byChild =
        json("hcm-manager")
            .queryParam("orgUnitId", d)
            .get(BASE + "/statistics")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(byChild.getString("orgUnitMode")).isEqualTo("DESCENDANTS");
    assertThat(byChild.getLong("total.total")).isEqualTo(4);
    assertThat(byChild.getLong("total.registered")).isEqualTo(2);
    assertThat(byChild.getLong("total.implementing")).isEqualTo(1);
    assertThat(byChild.getLong("total.recognised")).isEqualTo(1);
    assertThat(byChild.getList("groups.key")).containsExactlyInAnyOrder(d, e, f);
    for (Map<String, Object> group : byChild.<Map<String, Object>>getList("groups")) {
      String key = (String) group.get("key");
      String mode = key.equals(d) ? "SELECTED" : "DESCENDANTS";
      long listed = list(Map.of("orgUnitId", key, "orgUnitMode", mode)).size();
      assertThat(((Number) ((Map<?, ?>) group.get("counts")).get("total")).longValue())
          .as(key)
          .isEqualTo(listed);
      assertThat(group.get("label")).as(key).isNotNull();
    }
    // E holds m1 and m2 (G led) and m3 (G co-unit)
    assertThat(groupTotal(byChild, e)).isEqualTo(3);
    // each dimension equals the list filtered by it
    for (String by : List.of("FIELD", "STATUS", "RECOGNITION_LEVEL")) {
      JsonPath s =
          json("hcm-manager")
              .queryParam("orgUnitId", d)
              .queryParam("groupBy", by)
              .get(BASE + "/statistics")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      String filter =
          switch (by) {
            case "FIELD" -> "field";
            case "STATUS" -> "status";
            default -> "recognitionLevel";
          };
      for (Map<String, Object> group : s.<Map<String, Object>>getList("groups")) {
        String key = (String) group.get("key");
        long listed =
            list(Map.of("orgUnitId", d, "orgUnitMode", "DESCENDANTS", filter, key)).size();
        assertThat(((Number) ((Map<?, ?>) group.get("counts")).get("total")).longValue())
            .as(by + " " + key)
            .isEqualTo(listed);
      }
    }
    // cells: field × status × level
    assertThat(byChild.getList("total.cells.count")).hasSize(4);
    // the year of registration
    JsonPath y2025 =
        json("hcm-manager")
            .queryParam("orgUnitId", d)
            .queryParam("year", 2025)
            .get(BASE + "/statistics")
            .jsonPath();
    assertThat(y2025.getLong("total.total")).isEqualTo(1);
    assertThat(y2025.getString("total.cells[0].field")).isEqualTo("DEFENCE_SECURITY");
    // required unit
    assertProblem(json("hcm-manager").get(BASE + "/statistics"), 400, "VALIDATION_FAILED");
  }

  private static long groupTotal(JsonPath stats, String key) {
    for (Map<String, Object> group : stats.<Map<String, Object>>getList("groups")) {
      if (key.equals(group.get("key"))) {
        return ((Number) ((Map<?, ?>) group.get("counts")).get("total")).longValue();
      }
    }
    return 0;
  }
}
