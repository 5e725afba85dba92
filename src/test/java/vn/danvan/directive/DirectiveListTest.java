package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Lists stay small: the full text of a directive comes only with the directive itself. */
@QuarkusTest
class DirectiveListTest {

  @Test
  void listsCarryNoBodyTheDirectiveItselfDoes() {
    String marker = UUID.randomUUID().toString();
    Map<String, Object> doc =
        DirectiveFixtures.doc(
            "KE_HOACH",
            null,
            "KH-UBND",
            DirectiveFixtures.HCM,
            null,
            "Kế hoạch có toàn văn " + marker,
            Map.of("body", "I. MỤC ĐÍCH, YÊU CẦU " + "nội dung dài ".repeat(1000)));
    String id = DirectiveFixtures.create("admin", doc).jsonPath().getString("id");

    Response list = json("admin").queryParam("q", marker).get(DirectiveFixtures.BASE);
    assertThat(list.statusCode()).as(list.asString()).isEqualTo(200);
    List<Map<String, Object>> items = list.jsonPath().getList("items");
    assertThat(items).hasSize(1);
    assertThat(items.get(0)).containsEntry("id", id).doesNotContainKey("body");

    Response one = json("admin").get(DirectiveFixtures.BASE + "/" + id);
    assertThat(one.jsonPath().getString("body")).startsWith("I. MỤC ĐÍCH, YÊU CẦU");
  }

  @Test
  void aCursorBelongsToTheFiltersOfItsPage() {
    String marker = UUID.randomUUID().toString();
    for (int i = 0; i < 2; i++) {
      DirectiveFixtures.create(
          "admin",
          DirectiveFixtures.doc(
              "KE_HOACH",
              null,
              "KH-UBND",
              DirectiveFixtures.HCM,
              null,
              "Kế hoạch phân trang " + marker + " " + i,
              Map.of()));
    }
    Response first =
        json("admin").queryParam("q", marker).queryParam("limit", 1).get(DirectiveFixtures.BASE);
    assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
    String next = first.jsonPath().getString("next");
    assertThat(next).isNotBlank();

    Response second =
        json("admin")
            .queryParam("q", marker)
            .queryParam("limit", 1)
            .queryParam("cursor", next)
            .get(DirectiveFixtures.BASE);
    assertThat(second.statusCode()).as(second.asString()).isEqualTo(200);
    assertThat(second.jsonPath().getList("items")).hasSize(1);

    // replayed with other filters, the cursor would skip or repeat rows: refused
    assertProblem(
        json("admin")
            .queryParam("q", marker)
            .queryParam("status", "DRAFT")
            .queryParam("cursor", next)
            .get(DirectiveFixtures.BASE),
        400,
        "INVALID_CURSOR");
    assertProblem(
        json("admin").queryParam("cursor", next).get(DirectiveFixtures.BASE),
        400,
        "INVALID_CURSOR");
  }
}
