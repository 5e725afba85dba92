package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;
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
}
