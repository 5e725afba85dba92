package vn.danvan.models;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.models.GoodPracticeModelFixtures.AN_HOI_TAY;
import static vn.danvan.models.GoodPracticeModelFixtures.BASE;
import static vn.danvan.models.GoodPracticeModelFixtures.DEMO_HA_NOI;
import static vn.danvan.models.GoodPracticeModelFixtures.HCM_WARD_B;
import static vn.danvan.models.GoodPracticeModelFixtures.HN_WARD;
import static vn.danvan.models.GoodPracticeModelFixtures.body;
import static vn.danvan.models.GoodPracticeModelFixtures.create;
import static vn.danvan.models.GoodPracticeModelFixtures.createdId;
import static vn.danvan.models.GoodPracticeModelFixtures.put;
import static vn.danvan.models.GoodPracticeModelFixtures.start;
import static vn.danvan.models.GoodPracticeModelFixtures.tag;
import static vn.danvan.models.GoodPracticeModelFixtures.transition;
import static vn.danvan.testing.Api.HA_NOI;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Roles × scope: a viewer reads only; a ward officer writes the models its ward leads and reads
 * those its ward takes part in; the HCM manager names no unit of Hà Nội in any body field or filter
 * (422) and reads none of its models (404).
 */
@QuarkusTest
class GoodPracticeModelScopeTest {

  @Test
  void everyUnitFieldAndFilterOfAnotherProvinceIsRefused() {
    String title = "Phạm vi " + tag();
    Map<String, Object> b = body(HN_WARD, title);
    b.put("coUnitIds", List.of(HCM_WARD_B, HA_NOI));
    b.put("replications", List.of(Map.of("unitId", HA_NOI_WARD_2, "adoptedOn", "2026-02-01")));
    Response r = create("hcm-manager", b);
    assertProblem(r, 422, "UNKNOWN_UNIT");
    assertThat(r.jsonPath().getList("errors.pointer"))
        .containsExactly("/leadUnitId", "/coUnitIds/1", "/replications/0/unitId");

    // on an edit too
    String id = createdId("hcm-manager", body(AN_HOI_TAY, title));
    Map<String, Object> edit = body(AN_HOI_TAY, title);
    edit.put("coUnitIds", List.of(HN_WARD));
    Response e = put("hcm-manager", id, 0, edit);
    assertProblem(e, 422, "UNKNOWN_UNIT");
    assertThat(e.jsonPath().getString("errors[0].pointer")).isEqualTo("/coUnitIds/0");
    edit = body(HN_WARD, title);
    assertThat(put("hcm-manager", id, 0, edit).jsonPath().getString("errors[0].pointer"))
        .isEqualTo("/leadUnitId");
    edit = body(AN_HOI_TAY, title);
    edit.put("replications", List.of(Map.of("unitId", HN_WARD, "adoptedOn", "2026-02-01")));
    assertThat(put("hcm-manager", id, 0, edit).jsonPath().getString("errors[0].pointer"))
        .isEqualTo("/replications/0/unitId");

    // filters
    for (String path : List.of(BASE, BASE + "/statistics")) {
      Response f = json("hcm-manager").queryParam("orgUnitId", HA_NOI).get(path);
      assertProblem(f, 422, "UNKNOWN_UNIT");
      assertThat(f.jsonPath().getString("errors[0].pointer")).isEqualTo("/query/orgUnitId");
    }
    // a unit that does not exist
    assertProblem(
        json("admin").queryParam("orgUnitId", java.util.UUID.randomUUID()).get(BASE),
        422,
        "UNKNOWN_UNIT");
    // a model of Hà Nội is not there for the HCM manager
    assertProblem(json("hcm-manager").get(BASE + "/" + DEMO_HA_NOI), 404, "NOT_FOUND");
    assertThat(
            json("hcm-manager").queryParam("limit", 500).get(BASE).jsonPath().getList("items.id"))
        .doesNotContain(DEMO_HA_NOI);
  }

  static final String HA_NOI_WARD_2 = vn.danvan.orgunit.UnitIds.newCommune("00199").toString();

  @Test
  void aViewerReadsOnlyAndAWardOfficerWritesItsOwnWard() {
    String title = "Vai trò " + tag();
    // the viewer of Hà Nội reads Hà Nội's models and writes nothing
    assertThat(json("viewer").get(BASE + "/" + DEMO_HA_NOI).statusCode()).isEqualTo(200);
    Response viewer = create("viewer", body(HN_WARD, title));
    assertThat(viewer.statusCode()).isEqualTo(403);
    Response viewerPut = put("viewer", DEMO_HA_NOI, 0, body(HN_WARD, title));
    assertThat(viewerPut.statusCode()).isEqualTo(403);
    // the ward officer registers for its ward, not for another
    String own = createdId("ward-officer", body(AN_HOI_TAY, title));
    Response other = create("ward-officer", body(HCM_WARD_B, title));
    assertProblem(other, 422, "UNKNOWN_UNIT");
    assertThat(other.jsonPath().getString("errors[0].pointer")).isEqualTo("/leadUnitId");
    assertThat(json("viewer").get(BASE + "/" + own).statusCode()).isEqualTo(404);

    // a model another ward leads with An Hội Tây taking part: read, not written
    Map<String, Object> shared = body(HCM_WARD_B, title);
    shared.put("coUnitIds", List.of(AN_HOI_TAY));
    String sharedId = createdId("hcm-manager", shared);
    assertThat(json("ward-officer").get(BASE + "/" + sharedId).statusCode()).isEqualTo(200);
    assertProblem(put("ward-officer", sharedId, 0, shared), 403, "FORBIDDEN");
    assertProblem(transition("ward-officer", sharedId, 0, start(null)), 403, "FORBIDDEN");
    // a model of another ward only: as if it did not exist
    String elsewhere = createdId("hcm-manager", body(HCM_WARD_B, title));
    assertProblem(json("ward-officer").get(BASE + "/" + elsewhere), 404, "NOT_FOUND");
    assertThat(json("ward-officer").queryParam("q", title).get(BASE).jsonPath().getList("items.id"))
        .containsExactlyInAnyOrder(own, sharedId);
    // the city adds a replication by another ward; the ward officer still edits its own model
    Map<String, Object> replicated = body(AN_HOI_TAY, title);
    replicated.put(
        "replications", List.of(Map.of("unitId", HCM_WARD_B, "adoptedOn", "2026-03-01")));
    assertThat(put("hcm-manager", own, 0, replicated).statusCode()).isEqualTo(200);
    replicated.put("peopleReached", 2000);
    Response kept = put("ward-officer", own, 1, replicated);
    assertThat(kept.statusCode()).as(kept.asString()).isEqualTo(200);
    assertThat(kept.jsonPath().getList("replications.unitId")).containsExactly(HCM_WARD_B);
    // the HCM manager reads it; an auditor reads every model
    assertThat(json("hcm-manager").get(BASE + "/" + own).statusCode()).isEqualTo(200);
    assertThat(json("auditor").get(BASE + "/" + own).statusCode()).isEqualTo(200);
  }
}
