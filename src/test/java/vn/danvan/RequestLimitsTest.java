package vn.danvan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.sync.ImportTarget;
import vn.danvan.task.TaskFixtures;

/**
 * Limits the OpenAPI document declares on request bodies are the server's (400 VALIDATION_FAILED
 * with a pointer beyond them), and the document names the item schema of every import type.
 */
@QuarkusTest
class RequestLimitsTest {

  private static final String AN_HOI_TAY = "00000000-0000-4000-8004-000000026882";

  /** The import targets of the tests (src/test), not in the document. */
  private static final Set<String> TEST_TARGETS = Set.of("CALENDAR_DAY", "TEST_ECHO");

  @Inject @Any Instance<ImportTarget<?>> importTargets;

  @Test
  void sourceVersionIsFromZeroTo2Pow53Minus1() {
    for (long version : new long[] {-1, 9_007_199_254_740_992L}) {
      Map<String, Object> task = TaskFixtures.body(AN_HOI_TAY, "2026-12-31");
      task.put("sourceVersion", version);
      Response r =
          json("admin")
              .header("If-None-Match", "*")
              .body(task)
              .put("/api/v1/tasks/" + UUID.randomUUID())
              .andReturn();
      assertProblem(r, 400, "VALIDATION_FAILED");
      assertThat(r.jsonPath().getList("errors.pointer")).containsExactly("/sourceVersion");
    }
  }

  @Test
  void aNarrativeAndAWebhookEventTypeAreBounded() {
    Map<String, Object> edit = new LinkedHashMap<>();
    edit.put("narratives", Map.of("KET_QUA", "a".repeat(50_001)));
    Response narrative =
        json("ward-officer")
            .header("If-Match", "\"0\"")
            .body(edit)
            .put("/api/v1/report-submissions/" + UUID.randomUUID())
            .andReturn();
    assertProblem(narrative, 400, "VALIDATION_FAILED");
    assertThat(narrative.jsonPath().getList("errors.pointer"))
        .containsExactly("/narratives/KET_QUA");

    Map<String, Object> subscription = new LinkedHashMap<>();
    subscription.put("url", "http://127.0.0.1:9/hook");
    subscription.put("eventTypes", List.of("TASK", "T".repeat(65)));
    Response webhook =
        json("admin").body(subscription).post("/api/v1/webhook-subscriptions").andReturn();
    assertProblem(webhook, 400, "VALIDATION_FAILED");
    assertThat(webhook.jsonPath().getList("errors.pointer")).containsExactly("/eventTypes/1");
  }

  @Test
  void theImportBodyNamesTheItemSchemaOfEveryType() throws Exception {
    JsonNode doc =
        new ObjectMapper()
            .readTree(given().queryParam("format", "json").get("/q/openapi").asString());
    JsonNode body =
        doc.at("/paths/~1api~1v1~1imports/post/requestBody/content/application~1json/schema");
    Map<String, String> documented = new LinkedHashMap<>();
    for (JsonNode branch : body.path("anyOf")) {
      assertThat(branch.path("maxItems").asInt()).isEqualTo(100_000);
      documented.put(branch.path("title").asText(), branch.at("/items/$ref").asText());
    }
    List<String> expected = new ArrayList<>();
    for (ImportTarget<?> target : importTargets) {
      if (TEST_TARGETS.contains(target.type())) {
        continue;
      }
      Schema schema = target.itemType().getAnnotation(Schema.class);
      assertThat(schema).as("@Schema of %s", target.itemType()).isNotNull();
      expected.add(target.type());
      assertThat(documented.get(target.type()))
          .as(target.type())
          .isEqualTo("#/components/schemas/" + schema.name());
      assertThat(doc.at("/components/schemas/" + schema.name()).isObject()).isTrue();
    }
    assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(expected);

    // the example is valid against the schema and against the demo data (a dry run)
    JsonNode example =
        doc.at(
            "/paths/~1api~1v1~1imports/post/requestBody/content/application~1json/examples/nhiem-vu/value");
    assertThat(example.isArray()).isTrue();
    Response dryRun =
        json("integration")
            .body(example.toString())
            .post("/api/v1/imports?type=TASK&dryRun=true")
            .andReturn();
    assertThat(dryRun.statusCode()).as(dryRun.asString()).isEqualTo(200);
    assertThat(dryRun.jsonPath().getList("results.outcome")).doesNotContain("ERROR").hasSize(2);

    // an upload's file part is as long as the attachments' limit (20 MB by default, 413 beyond)
    assertThat(doc.at("/components/schemas/AttachmentUpload/properties/file/maxLength").asLong())
        .isEqualTo(20L * 1024 * 1024);
  }
}
