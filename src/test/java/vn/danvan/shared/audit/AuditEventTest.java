package vn.danvan.shared.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.HA_NOI;
import static vn.danvan.testing.Api.HO_CHI_MINH;
import static vn.danvan.testing.Api.ORG_UNITS;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.createDepartment;
import static vn.danvan.testing.Api.rename;
import static vn.danvan.testing.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every mutation leaves an audit event that auditors in scope can read (DESIGN §8). */
@QuarkusTest
class AuditEventTest {

  private static final String AUDIT_EVENTS = "/api/v1/audit-events";

  private static JsonPath events(String user, String entityId) {
    Response response = as(user).queryParam("entityId", entityId).get(AUDIT_EVENTS);
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    return response.jsonPath();
  }

  @Test
  void createAndUpdateAreRecordedNewestFirst() {
    String firstName = unique("Phòng Kiểm toán");
    String secondName = unique("Phòng Kiểm toán đã sửa");
    String id = createDepartment("hcm-manager", firstName, HO_CHI_MINH).path("id");
    rename("hcm-manager", id, 0, secondName);

    JsonPath events = events("auditor", id);

    assertThat(events.getList("items.action")).containsExactly("UPDATE", "CREATE");
    assertThat(events.getList("items.actor")).containsOnly("hcm-manager");
    assertThat(events.getList("items.entityType")).containsOnly("ORG_UNIT");
    assertThat(events.getList("items.entityId")).containsOnly(id);
    assertThat(events.getList("items.unitId")).containsOnly(id);
    assertThat(events.getList("items.id", String.class)).doesNotHaveDuplicates();
    List<OffsetDateTime> times =
        events.getList("items.occurredAt", String.class).stream()
            .map(OffsetDateTime::parse)
            .toList();
    assertThat(times.get(0)).isAfterOrEqualTo(times.get(1));

    // the update: before and after
    assertThat(events.getString("items[0].before.name")).isEqualTo(firstName);
    assertThat(events.getString("items[0].after.name")).isEqualTo(secondName);
    assertThat(events.getInt("items[0].after.version")).isEqualTo(1);
    // the creation: nothing before, the new unit after
    assertThat(events.getMap("items[1]")).doesNotContainKey("before");
    assertThat(events.getString("items[1].after.name")).isEqualTo(firstName);
    assertThat(events.getString("items[1].after.parentId")).isEqualTo(HO_CHI_MINH);
    assertThat(events.getInt("items[1].after.version")).isEqualTo(0);
  }

  @Test
  void onlyAuditorsAndAdminsMayRead() {
    String id = createDepartment("hcm-manager", unique("Phòng Quyền"), HO_CHI_MINH).path("id");
    for (String user : List.of("viewer", "hcm-manager", "ward-officer", "integration")) {
      assertProblem(as(user).queryParam("entityId", id).get(AUDIT_EVENTS), 403, "FORBIDDEN");
    }
    assertProblem(given().get(AUDIT_EVENTS), 401, "UNAUTHENTICATED");
    assertThat(events("admin", id).getList("items.action")).containsExactly("CREATE");
  }

  @Test
  void auditorSeesNothingOutsideItsScope() {
    String haNoi = createDepartment("admin", unique("Phòng Hà Nội"), HA_NOI).path("id");

    assertThat(events("auditor", haNoi).getList("items")).isEmpty();
    assertThat(events("admin", haNoi).getList("items.action")).containsExactly("CREATE");
    Response byActor =
        as("auditor").queryParam("actor", "admin").queryParam("limit", 500).get(AUDIT_EVENTS);
    assertThat(byActor.jsonPath().getList("items.entityId", String.class)).doesNotContain(haNoi);
  }

  @Test
  @SuppressWarnings("unchecked")
  void pagingWalksEveryEventOnce() {
    String id = createDepartment("hcm-manager", unique("Phòng Trang"), HO_CHI_MINH).path("id");
    for (int version = 0; version < 4; version++) {
      rename("hcm-manager", id, version, unique("Phòng Trang " + version));
    }
    List<String> all = events("auditor", id).getList("items.id", String.class);
    assertThat(all).hasSize(5).doesNotHaveDuplicates();

    List<String> walked = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = as("auditor").queryParam("entityId", id).queryParam("limit", 1);
      if (cursor != null) {
        request = request.queryParam("cursor", cursor);
      }
      Response response = request.get(AUDIT_EVENTS);
      assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
      List<Map<String, Object>> items = response.jsonPath().getList("items");
      assertThat(items).hasSize(1);
      walked.add((String) items.get(0).get("id"));
      cursor = response.path("next");
      pages++;
    } while (cursor != null && pages < 20);

    assertThat(walked).containsExactlyElementsOf(all);
    assertThat(pages).isEqualTo(5);
  }

  @Test
  void aCursorIsBoundToItsFilters() {
    String id = createDepartment("hcm-manager", unique("Phòng Con trỏ"), HO_CHI_MINH).path("id");
    rename("hcm-manager", id, 0, unique("Phòng Con trỏ đã sửa"));
    String next =
        as("auditor")
            .queryParam("entityId", id)
            .queryParam("limit", 1)
            .get(AUDIT_EVENTS)
            .path("next");
    assertThat(next).isNotNull();

    assertProblem(
        as("auditor")
            .queryParam("entityId", id)
            .queryParam("actor", "hcm-manager")
            .queryParam("cursor", next)
            .get(AUDIT_EVENTS),
        400,
        "INVALID_CURSOR");
    Response same =
        as("auditor").queryParam("entityId", id).queryParam("cursor", next).get(AUDIT_EVENTS);
    assertThat(same.jsonPath().getList("items.action")).containsExactly("CREATE");
  }

  @Test
  void filtersNarrowTheTrail() {
    String id = createDepartment("hcm-manager", unique("Phòng Lọc"), HO_CHI_MINH).path("id");
    rename("hcm-manager", id, 0, unique("Phòng Lọc đã sửa"));

    Response byOtherActor =
        as("auditor").queryParam("entityId", id).queryParam("actor", "admin").get(AUDIT_EVENTS);
    assertThat(byOtherActor.jsonPath().getList("items")).isEmpty();
    Response byActor =
        as("auditor")
            .queryParam("entityId", id)
            .queryParam("actor", "hcm-manager")
            .queryParam("entityType", "ORG_UNIT")
            .get(AUDIT_EVENTS);
    assertThat(byActor.jsonPath().getList("items.action")).containsExactly("UPDATE", "CREATE");

    String updatedAt = events("auditor", id).getString("items[0].occurredAt");
    Response fromUpdate =
        as("auditor").queryParam("entityId", id).queryParam("from", updatedAt).get(AUDIT_EVENTS);
    assertThat(fromUpdate.jsonPath().getList("items.action")).containsExactly("UPDATE");
    Response beforeUpdate =
        as("auditor").queryParam("entityId", id).queryParam("to", updatedAt).get(AUDIT_EVENTS);
    assertThat(beforeUpdate.jsonPath().getList("items.action")).containsExactly("CREATE");
  }

  @Test
  void badParametersAreProblems() {
    assertProblem(
        as("auditor").queryParam("entityId", "not-a-uuid").get(AUDIT_EVENTS),
        400,
        "INVALID_PARAMETER");
    Response from = as("auditor").queryParam("from", "yesterday").get(AUDIT_EVENTS);
    assertProblem(from, 400, "INVALID_PARAMETER");
    assertThat(from.jsonPath().getList("errors.pointer")).containsExactly("/query/from");
    assertProblem(
        as("auditor").queryParam("cursor", "garbage").get(AUDIT_EVENTS), 400, "INVALID_CURSOR");
    assertProblem(as("auditor").queryParam("limit", 0).get(AUDIT_EVENTS), 400, "VALIDATION_FAILED");
  }

  private static String createAndDelete(String name) {
    String id = createDepartment("hcm-manager", name, HO_CHI_MINH).path("id");
    as("hcm-manager")
        .header("If-Match", "\"0\"")
        .delete(ORG_UNITS + "/" + id)
        .then()
        .statusCode(204);
    return id;
  }

  @Test
  void deletionIsRecorded() {
    String name = unique("Phòng Xóa");
    String id = createAndDelete(name);

    JsonPath events = events("admin", id);
    assertThat(events.getList("items.action")).containsExactly("DELETE", "CREATE");
    assertThat(events.getList("items.actor")).containsOnly("hcm-manager");
    assertThat(events.getString("items[0].before.name")).isEqualTo(name);
    assertThat(events.getMap("items[0]")).doesNotContainKey("after");
  }

  @Test
  void deletionStaysInTheTrailOfAnAuditorInScope() {
    String id = createAndDelete(unique("Phòng Xóa"));

    assertThat(events("auditor", id).getList("items.action")).containsExactly("DELETE", "CREATE");
  }
}
