package vn.danvan.orgunit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.atlas.AdministrativeAtlas;

/**
 * Role × scope on org units, for every demo account: a user sees the subtree of the home unit and
 * its history (predecessors), nothing else; out-of-scope ids answer 404 exactly like missing ones.
 */
@QuarkusTest
class OrgUnitScopeTest {

  static final String BASE = "/api/v1/org-units/";
  static final UUID HCM = UnitIds.province("79");
  static final UUID HA_NOI = UnitIds.province("01");
  static final UUID BINH_DUONG = UnitIds.province("74");
  static final UUID GO_VAP = UnitIds.district("764");
  static final UUID DONG_DA = UnitIds.district("006");
  static final UUID WARD_12 = oldWardOfGoVap("Phường 12");
  static final UUID WARD_10 = oldWardOfGoVap("Phường 10");
  static final UUID AN_HOI_TAY = UnitIds.newCommune("26882");
  static final UUID AN_NHON = UnitIds.newCommune("26876");
  static final UUID THANH_TRA_HCM = UnitIds.department(HCM, "THANH_TRA");
  static final UUID THANH_TRA_GO_VAP = UnitIds.department(GO_VAP, "THANH_TRA");
  static final UUID NEW_AN_GIANG = UnitIds.newProvince("91");

  /** Units every account is asked about, in a fixed order. */
  static final Map<String, UUID> UNITS = new LinkedHashMap<>();

  static {
    UNITS.put("root", UnitIds.ROOT);
    UNITS.put("haNoi", HA_NOI);
    UNITS.put("dongDa", DONG_DA);
    UNITS.put("hcm", HCM);
    UNITS.put("binhDuong", BINH_DUONG);
    UNITS.put("goVap", GO_VAP);
    UNITS.put("ward12", WARD_12);
    UNITS.put("anHoiTay", AN_HOI_TAY);
    UNITS.put("anNhon", AN_NHON);
    UNITS.put("thanhTraHcm", THANH_TRA_HCM);
    UNITS.put("thanhTraGoVap", THANH_TRA_GO_VAP);
    UNITS.put("newAnGiang", NEW_AN_GIANG);
  }

  @Test
  void adminSeesEverything() {
    expectVisible("admin", UNITS.keySet().toArray(String[]::new));
  }

  @Test
  void cityAccountsSeeTheCityTreeAndItsHistory() {
    for (String user : List.of("hcm-manager", "auditor", "integration")) {
      expectVisible(
          user,
          "hcm",
          "binhDuong",
          "goVap",
          "ward12",
          "anHoiTay",
          "anNhon",
          "thanhTraHcm",
          "thanhTraGoVap");
    }
  }

  @Test
  void wardAccountsSeeTheirWardAndTheWardsItSucceeded() {
    for (String user : List.of("ward-officer", "reception")) {
      expectVisible(user, "ward12", "anHoiTay");
      json(user).get(BASE + WARD_10).then().statusCode(404);
    }
  }

  @Test
  void inspectorateSeesItselfAndTheInspectorateItInherited() {
    expectVisible("denunciation", "thanhTraHcm", "thanhTraGoVap");
  }

  @Test
  void viewerOfHaNoiSeesHaNoiOnly() {
    expectVisible("viewer", "haNoi", "dongDa");
  }

  @Test
  void listsAreScopedToo() {
    List<String> ids =
        json("ward-officer")
            .queryParam("limit", 500)
            .queryParam("asOf", "2024-01-01")
            .get(BASE)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.id");
    assertThat(ids)
        .contains(WARD_12.toString())
        .doesNotContain(WARD_10.toString(), GO_VAP.toString(), HCM.toString());
    List<String> hanoi =
        json("viewer")
            .queryParam("limit", 500)
            .get(BASE)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.id");
    assertThat(hanoi)
        .contains(HA_NOI.toString())
        .doesNotContain(HCM.toString(), AN_HOI_TAY.toString());
    json("viewer").get(BASE + HCM + "/children").then().statusCode(404);
    json("viewer").get(BASE + HCM + "/lineage").then().statusCode(404);
  }

  @Test
  void aUnitMergedIntoTheCityJoinsItsScopeAtOnce() {
    String code = "M" + java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000, 999_999);
    String other =
        json("admin")
            .body(
                "{\"kind\":\"PROVINCE\",\"name\":\"Tỉnh Sáp Nhập "
                    + code
                    + "\",\"code\":\""
                    + code
                    + "\",\"validFrom\":\"2000-01-01\",\"parentId\":\""
                    + UnitIds.ROOT
                    + "\"}")
            .post(BASE)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    json("hcm-manager").get(BASE + other).then().statusCode(404); // the city's scope is now cached
    json("admin")
        .body(
            "{\"kind\":\"MERGE\",\"effectiveDate\":\"2099-01-01\",\"legalBasis\":\"Nghị quyết thử\","
                + "\"sources\":[{\"unitId\":\""
                + other
                + "\"}],\"targetUnitId\":\""
                + HCM
                + "\"}")
        .post(BASE + "restructurings")
        .then()
        .statusCode(201);
    json("hcm-manager").get(BASE + other).then().statusCode(200);
    json("viewer").get(BASE + other).then().statusCode(404);
  }

  @Test
  void writesFollowRoleAndScope() {
    String dept =
        "{\"kind\":\"DEPARTMENT\",\"name\":\"Phòng thử nghiệm "
            + UUID.randomUUID()
            + "\",\"parentId\":\"%s\"}";
    for (String user :
        List.of("viewer", "ward-officer", "reception", "denunciation", "auditor", "integration")) {
      json(user)
          .body(dept.formatted(HCM))
          .post(BASE)
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    String id =
        json("hcm-manager")
            .body(dept.formatted(HCM))
            .post(BASE)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    json("hcm-manager")
        .body(dept.formatted(HA_NOI))
        .post(BASE)
        .then()
        .statusCode(422)
        .body("code", org.hamcrest.Matchers.equalTo("UNKNOWN_UNIT"));
    json("hcm-manager")
        .body("{\"kind\":\"PROVINCE\",\"name\":\"Tỉnh thử\",\"parentId\":\"" + UnitIds.ROOT + "\"}")
        .post(BASE)
        .then()
        .statusCode(422);
    json("hcm-manager")
        .header("If-Match", "\"0\"")
        .body("{\"name\":\"Thành phố Hà Nội (sửa)\"}")
        .put(BASE + HA_NOI)
        .then()
        .statusCode(404);
    json("hcm-manager")
        .header("If-Match", "\"0\"")
        .body("{\"name\":\"Phòng đã sửa\"}")
        .put(BASE + id)
        .then()
        .statusCode(200);
    json("viewer").get(BASE + id).then().statusCode(404);
    json("hcm-manager")
        .body(
            "{\"kind\":\"RENAME\",\"effectiveDate\":\"2030-01-01\",\"legalBasis\":\"Quyết định thử\",\"sources\":[{\"unitId\":\""
                + id
                + "\"}],\"newName\":\"x\"}")
        .post(BASE + "restructurings")
        .then()
        .statusCode(403);
  }

  static UUID oldWardOfGoVap(String name) {
    return AdministrativeAtlas.get().communes2019().stream()
        .filter(c -> "764".equals(c.districtCode()) && c.name().equals(name))
        .map(c -> UnitIds.oldCommune(c.code()))
        .findFirst()
        .orElseThrow();
  }

  private static void expectVisible(String user, String... visible) {
    List<String> allowed = List.of(visible);
    Map<String, Integer> expected = new LinkedHashMap<>();
    Map<String, Integer> actual = new LinkedHashMap<>();
    UNITS.forEach(
        (name, id) -> {
          expected.put(name, allowed.contains(name) ? 200 : 404);
          actual.put(name, json(user).get(BASE + id).then().extract().statusCode());
        });
    assertThat(actual).as("GET /org-units/{id} as " + user).isEqualTo(expected);
  }
}
