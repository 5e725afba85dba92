package vn.danvan.orgunit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.HA_NOI;
import static vn.danvan.testing.Api.HO_CHI_MINH;
import static vn.danvan.testing.Api.ORG_UNITS;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.createDepartment;
import static vn.danvan.testing.Api.json;
import static vn.danvan.testing.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.security.DemoAccounts;

/**
 * Corrections of a unit (names and codes without history) are for admins; a unit manager corrects
 * only units strictly below its home unit (issue 9, point 5). A rename in force from a date is a
 * RENAME restructuring.
 */
@QuarkusTest
class OrgUnitCorrectionTest {

  static final String AHT = DemoAccounts.AN_HOI_TAY.toString();
  static final String BINH_DUONG = UnitIds.province("74").toString();

  /** PUT of the unit with its own current values (a correction that changes nothing). */
  private static Response correctUnchanged(String user, String id) {
    JsonPath u = json("admin").get(ORG_UNITS + "/" + id).jsonPath();
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("name", u.getString("name"));
    b.put("shortName", u.getString("shortName"));
    b.put("code", u.getString("code"));
    return json(user)
        .header("If-Match", "\"" + u.getLong("version") + "\"")
        .body(b)
        .put(ORG_UNITS + "/" + id);
  }

  private static Response rename(String user, String id, String name) {
    long version = json("admin").get(ORG_UNITS + "/" + id).jsonPath().getLong("version");
    return json(user)
        .header("If-Match", "\"" + version + "\"")
        .body(Map.of("name", name))
        .put(ORG_UNITS + "/" + id);
  }

  @Test
  void aUnitManagerCorrectsOnlyUnitsBelowItsHomeUnit() {
    // its own province, and a predecessor province in its scope: in scope, not its to correct
    assertProblem(correctUnchanged("hcm-manager", HO_CHI_MINH), 403, "FORBIDDEN");
    assertProblem(correctUnchanged("hcm-manager", BINH_DUONG), 403, "FORBIDDEN");
    // outside its scope: as if missing
    assertProblem(correctUnchanged("hcm-manager", HA_NOI), 404, "NOT_FOUND");
    // below it, one level or two
    String dept = createDepartment("hcm-manager", unique("Phòng Sửa"), HO_CHI_MINH).path("id");
    String name = unique("Phòng Sửa đã sửa");
    Response below = rename("hcm-manager", dept, name);
    assertThat(below.statusCode()).as(below.asString()).isEqualTo(200);
    assertThat(below.jsonPath().getString("name")).isEqualTo(name);
    String team = createDepartment("admin", unique("Tổ Sửa"), AHT).path("id");
    assertThat(rename("hcm-manager", team, unique("Tổ Sửa đã sửa")).statusCode()).isEqualTo(200);
    // other roles never correct (an integration client does, as a unit manager: OrgUnitUpsertTest)
    for (String user : new String[] {"ward-officer", "viewer", "auditor"}) {
      assertProblem(rename(user, dept, unique("x")), 403, "FORBIDDEN");
    }
    // deleting a unit entered by mistake is a correction too
    assertProblem(
        json("hcm-manager").header("If-Match", "\"0\"").delete(ORG_UNITS + "/" + HO_CHI_MINH),
        403,
        "FORBIDDEN");
    String mistake = createDepartment("hcm-manager", unique("Phòng Nhầm"), HO_CHI_MINH).path("id");
    assertThat(
            json("hcm-manager")
                .header("If-Match", "\"0\"")
                .delete(ORG_UNITS + "/" + mistake)
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  void anAdminCorrectsAnyUnit() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "PROVINCE");
    body.put("name", unique("Tỉnh Sửa"));
    body.put("parentId", UnitIds.ROOT.toString());
    String province =
        json("admin").body(body).post(ORG_UNITS).then().statusCode(201).extract().path("id");
    String name = unique("Tỉnh Sửa đã sửa");
    Response renamed = rename("admin", province, name);
    assertThat(renamed.statusCode()).as(renamed.asString()).isEqualTo(200);
    assertThat(renamed.jsonPath().getString("name")).isEqualTo(name);
  }

  @Test
  void onlyAdminsChooseTheIdOfANewUnit() {
    Map<String, Object> chosen = new LinkedHashMap<>();
    chosen.put("id", java.util.UUID.randomUUID().toString());
    chosen.put("kind", "DEPARTMENT");
    chosen.put("name", unique("Phòng Mã"));
    chosen.put("parentId", HO_CHI_MINH);
    assertProblem(json("hcm-manager").body(chosen).post(ORG_UNITS), 403, "FORBIDDEN");
    Response admin = json("admin").body(chosen).post(ORG_UNITS);
    assertThat(admin.statusCode()).as(admin.asString()).isEqualTo(201);
    assertThat(admin.jsonPath().getString("id")).isEqualTo(chosen.get("id"));
    assertProblem(json("admin").body(chosen).post(ORG_UNITS), 409, "ID_TAKEN");
  }
}
