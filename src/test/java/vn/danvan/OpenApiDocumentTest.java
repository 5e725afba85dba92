package vn.danvan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed document in {@code openapi/} is the contract: it must equal what the code generates
 * (regenerate with {@code ./mvnw package -DskipTests} and commit), and it must describe every
 * operation and every field.
 */
@QuarkusTest
class OpenApiDocumentTest {

  private static final Path COMMITTED_YAML = Path.of("openapi", "openapi.yaml");
  private static final Path COMMITTED_JSON = Path.of("openapi", "openapi.json");

  @Test
  void committedDocumentEqualsGeneratedDocument() throws Exception {
    assertThat(COMMITTED_YAML).as("openapi/openapi.yaml is committed").exists();
    assertThat(COMMITTED_JSON).as("openapi/openapi.json is committed").exists();
    // the build writes keys in another order than the endpoint serves them: compare the trees
    JsonNode committed =
        new ObjectMapper().readTree(Files.readString(COMMITTED_JSON, StandardCharsets.UTF_8));
    assertThat(document())
        .as("openapi/ differs from the code: run ./mvnw package -DskipTests and commit openapi/")
        .isEqualTo(committed);
  }

  @Test
  void everyOperationThatTakesIfMatchAnswers412And428() throws Exception {
    JsonNode doc = document();
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        boolean ifMatch = false;
        for (JsonNode p : op.getValue().path("parameters")) {
          ifMatch |=
              "header".equals(p.path("in").asText()) && "If-Match".equals(p.path("name").asText());
        }
        if (!ifMatch) {
          continue;
        }
        checked++;
        for (String status : List.of("412", "428")) {
          if (op.getValue().path("responses").path(status).isMissingNode()) {
            missing.add(op.getKey().toUpperCase() + " " + path.getKey() + " lacks " + status);
          }
        }
      }
    }
    assertThat(missing).isEmpty();
    // PUT, DELETE and the POST transitions of directives, tasks, cases, templates …
    assertThat(checked).isGreaterThan(10);
  }

  @Test
  void everyUpsertDescribesTheRecordItCreates() throws Exception {
    JsonNode doc = document();
    List<String> missing = new ArrayList<>();
    int upserts = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      JsonNode created = path.getValue().path("put").path("responses").path("201");
      if (created.isMissingNode()) {
        continue;
      }
      upserts++;
      if (created.path("content").isEmpty()
          || !created.path("headers").has("Location")
          || !created.path("headers").has("ETag")) {
        missing.add("PUT " + path.getKey());
      }
    }
    assertThat(upserts).as("PUT operations that create").isGreaterThanOrEqualTo(14);
    assertThat(missing).as("201 without the record, Location or ETag").isEmpty();
  }

  @Test
  void everyOperationHasIdSummaryAndDescription() throws Exception {
    JsonNode doc = document();
    List<String> missing = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        for (String field : List.of("operationId", "summary", "description")) {
          if (op.getValue().path(field).asText("").isBlank()) {
            missing.add(op.getKey().toUpperCase() + " " + path.getKey() + " lacks " + field);
          }
        }
      }
    }
    assertThat(missing).isEmpty();
    assertThat(doc.path("paths").size()).isGreaterThanOrEqualTo(8);
  }

  @Test
  void everySchemaPropertyIsDescribed() throws Exception {
    JsonNode schemas = document().path("components").path("schemas");
    List<String> missing = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> schema = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> props =
              schema.getValue().path("properties").fields();
          props.hasNext(); ) {
        Map.Entry<String, JsonNode> prop = props.next();
        if (prop.getValue().path("description").asText("").isBlank()) {
          missing.add(schema.getKey() + "." + prop.getKey());
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void securitySchemesCoverBothRunModes() throws Exception {
    JsonNode doc = document();
    assertThat(doc.path("openapi").asText()).startsWith("3.1");
    JsonNode schemes = doc.path("components").path("securitySchemes");
    assertThat(schemes.path("demo").path("scheme").asText()).isEqualTo("basic");
    assertThat(schemes.path("oidc").path("type").asText()).isEqualTo("openIdConnect");
    assertThat(schemes.path("oidc").path("openIdConnectUrl").asText())
        .endsWith("/.well-known/openid-configuration");
    // one relative server (what an absent servers means): clients call where they read the document
    assertThat(doc.path("servers").findValuesAsText("url")).containsExactly("/");
  }

  @Test
  void everySecuredOperationAcceptsBothSchemesAndDocumentsItsProblems() throws Exception {
    JsonNode doc = document();
    List<String> wrong = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        String name = op.getKey().toUpperCase() + " " + path.getKey();
        String security = op.getValue().path("security").toString();
        if (!security.contains("demo") || !security.contains("oidc")) {
          wrong.add(name + " security " + security);
        }
        if (!op.getValue().path("x-roles").isArray()) {
          wrong.add(name + " lacks x-roles");
        } else if (op.getValue().path("x-roles").toString().contains("${")) {
          wrong.add(name + " names an unexpanded role expression");
        }
        for (String status : List.of("400", "401", "404")) {
          String ref =
              op.getValue()
                  .path("responses")
                  .path(status)
                  .path("content")
                  .path("application/problem+json")
                  .path("schema")
                  .path("$ref")
                  .asText();
          if (!ref.endsWith("/Problem")) {
            wrong.add(name + " lacks a problem response " + status);
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void examplesAreVietnamese() throws Exception {
    String json = document().toString();
    assertThat(json).contains("Thành phố Hồ Chí Minh").contains("Phường An Hội Tây");
  }

  private static JsonNode document() throws Exception {
    String body =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return new ObjectMapper().readTree(body);
  }
}
