package vn.danvan.orgunit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.HA_NOI;
import static vn.danvan.testing.Api.HO_CHI_MINH;
import static vn.danvan.testing.Api.ORG_UNITS;
import static vn.danvan.testing.Api.ROOT;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;
import static vn.danvan.testing.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.Api;

/**
 * Units pushed by PUT (DESIGN §9): upsert by a client-chosen id and by source key, within the
 * caller's scope, owned by the source system that pushed them.
 */
@QuarkusTest
class OrgUnitUpsertTest {

  static final String HCM_SYSTEM = "HCM-EGOV";

  static Map<String, Object> department(String name) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "DEPARTMENT");
    body.put("name", name);
    body.put("parentId", HO_CHI_MINH);
    return body;
  }

  static Map<String, Object> with(Map<String, Object> body, Object... pairs) {
    Map<String, Object> out = new LinkedHashMap<>(body);
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], pairs[i + 1]);
    }
    return out;
  }

  static Response put(String user, String id, Map<String, Object> body, Long ifMatch) {
    var request = json(user).body(body);
    if (ifMatch != null) {
      request.header("If-Match", "\"" + ifMatch + "\"");
    }
    return request.put(ORG_UNITS + "/" + id);
  }

  static Response putBySource(String user, String system, String sourceId, Map<String, Object> b) {
    return json(user).body(b).put(ORG_UNITS + "/by-source/" + system + "/" + sourceId);
  }

  @Test
  void anIntegrationClientCreatesAndCorrectsUnitsOfItsProvinceByPut() {
    String id = UUID.randomUUID().toString();
    Map<String, Object> body = department(unique("Phòng đồng bộ"));

    Response created = put("integration", id, body, null);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    assertThat(created.header("Location")).endsWith(ORG_UNITS + "/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    assertThat(created.jsonPath().getString("parentId")).isEqualTo(HO_CHI_MINH);
    assertThat(Api.feedEntries("ORG_UNIT", id)).hasSize(1);

    Response retry = put("integration", id, body, null);
    assertThat(retry.statusCode()).as(retry.asString()).isEqualTo(200);
    assertThat(retry.header("ETag")).isEqualTo("\"0\"");
    assertThat(Api.feedEntries("ORG_UNIT", id)).hasSize(1);

    Map<String, Object> renamed = with(body, "name", body.get("name") + " mới");
    assertProblem(put("integration", id, renamed, null), 428, "PRECONDITION_REQUIRED");
    Response corrected = put("integration", id, renamed, 0L);
    assertThat(corrected.statusCode()).as(corrected.asString()).isEqualTo(200);
    assertThat(corrected.header("ETag")).isEqualTo("\"1\"");
    assertThat(corrected.jsonPath().getString("name")).isEqualTo(renamed.get("name"));

    // the structure changes only by restructurings
    assertProblem(
        put("integration", id, with(renamed, "kind", "OTHER"), 1L), 409, "RESTRUCTURING_REQUIRED");
    assertProblem(
        json("integration").header("If-None-Match", "*").body(body).put(ORG_UNITS + "/" + id),
        412,
        "ALREADY_EXISTS");
    assertProblem(put("integration", UUID.randomUUID().toString(), body, 0L), 404, "NOT_FOUND");
    assertProblem(
        put("integration", UUID.randomUUID().toString(), with(body, "kind", null), null),
        400,
        "VALIDATION_FAILED");

    // within its scope only: not above or beside its home unit, not its home unit itself
    Response otherProvince =
        put("integration", UUID.randomUUID().toString(), with(body, "parentId", HA_NOI), null);
    assertProblem(otherProvince, 422, "UNKNOWN_UNIT");
    assertThat(otherProvince.jsonPath().getString("errors[0].pointer")).isEqualTo("/parentId");
    assertProblem(
        put("integration", UUID.randomUUID().toString(), with(body, "parentId", ROOT), null),
        422,
        "UNKNOWN_UNIT");
    assertProblem(put("integration", HA_NOI, body, 0L), 404, "NOT_FOUND");
    Map<String, Object> home = Map.of("name", "Thành phố Hồ Chí Minh (sửa)", "kind", "PROVINCE");
    assertProblem(put("integration", HO_CHI_MINH, home, 0L), 403, "FORBIDDEN");

    Response deleted = json("integration").header("If-Match", "\"1\"").delete(ORG_UNITS + "/" + id);
    assertThat(deleted.statusCode()).as(deleted.asString()).isEqualTo(204);
  }

  @Test
  void aUnitPushedBySourceKeyIsOrderedAndOwnedByItsSystem() {
    String sourceId = "DV-" + UUID.randomUUID();
    Map<String, Object> v3 = with(department(unique("Phòng nguồn")), "sourceVersion", 3);

    Response created = putBySource("integration", HCM_SYSTEM, sourceId, v3);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String id = created.jsonPath().getString("id");
    assertThat(created.header("Location")).endsWith(ORG_UNITS + "/" + id);
    assertThat(created.jsonPath().getString("sourceSystem")).isEqualTo(HCM_SYSTEM);
    assertThat(created.jsonPath().getString("sourceId")).isEqualTo(sourceId);
    assertThat(created.jsonPath().getLong("sourceVersion")).isEqualTo(3);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");

    Response same = putBySource("integration", HCM_SYSTEM, sourceId, v3);
    assertThat(same.statusCode()).as(same.asString()).isEqualTo(200);
    assertThat(same.header("ETag")).isEqualTo("\"0\"");

    Response older =
        putBySource("integration", HCM_SYSTEM, sourceId, with(v3, "sourceVersion", 2, "name", "x"));
    assertProblem(older, 409, "SOURCE_VERSION_CONFLICT");
    assertThat(older.jsonPath().getLong("current.sourceVersion")).isEqualTo(3);

    Map<String, Object> v4 = with(v3, "sourceVersion", 4, "name", v3.get("name") + " v4");
    Response newer = putBySource("integration", HCM_SYSTEM, sourceId, v4);
    assertThat(newer.statusCode()).as(newer.asString()).isEqualTo(200);
    assertThat(newer.header("ETag")).isEqualTo("\"1\"");
    assertThat(newer.jsonPath().getString("name")).isEqualTo(v4.get("name"));

    // a unit manager of the province may not change or delete what the system owns
    Response edit = put("hcm-manager", id, with(v4, "name", "Tên khác", "sourceVersion", null), 1L);
    assertProblem(edit, 409, "OWNED_BY_SOURCE");
    assertThat(edit.jsonPath().getString("current.sourceSystem")).isEqualTo(HCM_SYSTEM);
    assertProblem(
        json("hcm-manager").header("If-Match", "\"1\"").delete(ORG_UNITS + "/" + id),
        409,
        "OWNED_BY_SOURCE");

    // Hà Nội's system cannot write by TP HCM's keys; an admin can
    assertProblem(
        putBySource("integration-hn", HCM_SYSTEM, sourceId, with(v4, "sourceVersion", 5)),
        403,
        "SOURCE_SYSTEM_NOT_YOURS");
    Response byAdmin =
        put("admin", id, with(v4, "name", v4.get("name") + " (admin)", "sourceVersion", null), 1L);
    assertThat(byAdmin.statusCode()).as(byAdmin.asString()).isEqualTo(200);
    assertThat(byAdmin.jsonPath().getLong("sourceVersion")).isEqualTo(4);

    Response bad = putBySource("integration", "HCM*EGOV", sourceId, v4);
    assertProblem(bad, 400, "VALIDATION_FAILED");
    assertThat(bad.jsonPath().getString("errors[0].pointer")).isEqualTo("/path/sourceSystem");
  }
}
