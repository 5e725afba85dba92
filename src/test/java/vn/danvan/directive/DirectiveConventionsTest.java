package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.directive.DirectiveFixtures.BASE;
import static vn.danvan.directive.DirectiveFixtures.HCM;
import static vn.danvan.directive.DirectiveFixtures.create;
import static vn.danvan.directive.DirectiveFixtures.doc;
import static vn.danvan.directive.DirectiveFixtures.transition;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.Api;

/** Directives keep the shared conventions: audit trail, Idempotency-Key, languages, enum labels. */
@QuarkusTest
class DirectiveConventionsTest {

  @Test
  void everyMutationIsAudited() {
    String id =
        create(
                "hcm-manager",
                doc("KE_HOACH", null, "KH-UBND", HCM, null, Api.unique("Kế hoạch"), Map.of()))
            .jsonPath()
            .getString("id");
    Response issued = transition("hcm-manager", id, 0, "ISSUE");
    assertThat(issued.statusCode()).as(issued.asString()).isEqualTo(200);
    JsonPath events =
        json("auditor")
            .queryParam("entityType", "DIRECTIVE")
            .queryParam("entityId", id)
            .get("/api/v1/audit-events")
            .jsonPath();
    assertThat(events.getList("items.action")).containsExactly("DIRECTIVE_ISSUE", "CREATE");
    assertThat(events.getString("items[0].before.status")).isEqualTo("DRAFT");
    assertThat(events.getString("items[0].after.status")).isEqualTo("ISSUED");
    assertThat(events.getString("items[0].actor")).isEqualTo("hcm-manager");
  }

  @Test
  void retriedCreationsAreReplayed() {
    Map<String, Object> body =
        doc("THONG_BAO", null, "TB-UBND", HCM, null, Api.unique("Thông báo"), Map.of());
    String key = UUID.randomUUID().toString();
    Response first = json("hcm-manager").header("Idempotency-Key", key).body(body).post(BASE);
    Response again = json("hcm-manager").header("Idempotency-Key", key).body(body).post(BASE);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
    assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
  }

  @Test
  void problemsSpeakVietnameseAndEnglish() {
    String id =
        create("hcm-manager", doc("THONG_BAO", null, "TB-UBND", HCM, null, "Thông báo", Map.of()))
            .jsonPath()
            .getString("id");
    Response vi = transition("hcm-manager", id, 0, "EXPIRE");
    assertProblem(vi, 409, "ILLEGAL_TRANSITION");
    assertThat(vi.jsonPath().getString("detail"))
        .contains("văn bản")
        .contains("DRAFT")
        .contains("EXPIRE");
    Response en =
        json("hcm-manager")
            .header("Accept-Language", "en")
            .header("If-Match", "\"0\"")
            .body(Map.of("action", "EXPIRE"))
            .post(BASE + "/" + id + "/transitions");
    assertProblem(en, 409, "ILLEGAL_TRANSITION");
    assertThat(en.jsonPath().getString("title")).isEqualTo("Action not allowed in this status");
    assertThat(en.jsonPath().getString("detail"))
        .isEqualTo("The action EXPIRE is not allowed: the directive is DRAFT.");
  }

  @Test
  void enumsHaveLabels() {
    JsonPath enums = json("viewer").get("/api/v1/reference/enums").jsonPath();
    List<String> names = enums.getList("items.name");
    assertThat(names)
        .contains(
            "DirectiveType",
            "DirectiveStatus",
            "DirectiveAction",
            "SigningAuthority",
            "RecipientPurpose",
            "Urgency",
            "Secrecy",
            "ReferenceRelation");
    assertThat(
            enums.getString(
                "items.find { it.name == 'DirectiveType' }.values.find { it.code == 'KE_HOACH' }.labelVi"))
        .isEqualTo("Kế hoạch (KH)");
  }
}
