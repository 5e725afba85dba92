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
  void everyOperationDocumentsItsSuccessAndTheTransportLimits() throws Exception {
    JsonNode doc = document();
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        JsonNode responses = op.getValue().path("responses");
        if (responses.isMissingNode()) {
          continue;
        }
        checked++;
        boolean success = false;
        for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
          success |= codes.next().startsWith("2");
        }
        String name = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
        if (!success) {
          missing.add(name + ": no 2xx");
        }
        for (String limit : List.of("414", "431")) {
          if (responses.path(limit).isMissingNode()) {
            missing.add(name + ": no " + limit);
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
    assertThat(missing).as("operations missing a documented answer").isEmpty();
  }

  @Test
  void everyUpsertDescribesTheRecordItCreates() throws Exception {
    JsonNode doc = document();
    int upserts = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      if (!paths.next().getValue().path("put").path("responses").path("201").isMissingNode()) {
        upserts++;
      }
    }
    assertThat(upserts).as("PUT operations that create").isGreaterThanOrEqualTo(14);
  }

  /**
   * Every 201 answers the created object (the schema of the record, as its GET answers it), with
   * its Location (but a restructuring, which creates nothing to fetch again) and, for a versioned
   * record (id and version), its ETag; a POST with Idempotency-Key may answer a replay.
   */
  @Test
  void everyCreatedResponseDescribesTheRecordItsLocationAndETag() throws Exception {
    JsonNode doc = document();
    List<String> missing = new ArrayList<>();
    int created = 0;
    for (Map.Entry<String, JsonNode> op : operations(doc).entrySet()) {
      JsonNode response = op.getValue().path("responses").path("201");
      if (response.isMissingNode()) {
        continue;
      }
      created++;
      JsonNode headers = response.path("headers");
      JsonNode schema = response.path("content").path("application/json").path("schema");
      if (schema.isMissingNode()) {
        missing.add(op.getKey() + " has no JSON body");
        continue;
      }
      boolean addressable =
          !"restructureOrgUnits".equals(op.getValue().path("operationId").asText());
      if (addressable != headers.has("Location")) {
        missing.add(op.getKey() + (addressable ? " lacks Location" : " declares Location"));
      }
      if (versioned(doc, schema) && !headers.has("ETag")) {
        missing.add(op.getKey() + " lacks ETag");
      }
      if (takesHeader(op.getValue(), "Idempotency-Key") && !headers.has("Idempotency-Replayed")) {
        missing.add(op.getKey() + " lacks Idempotency-Replayed");
      }
    }
    assertThat(missing).isEmpty();
    // the 15 POSTs that create records, the upserts, attachments, references, delegations …
    assertThat(created).isGreaterThanOrEqualTo(35);
  }

  /** A 200 that answers a versioned record (GET by id, replace, transition) sends its ETag. */
  @Test
  void everyAnswerWithAVersionedRecordDeclaresItsETag() throws Exception {
    JsonNode doc = document();
    List<String> missing = new ArrayList<>();
    int versioned = 0;
    for (Map.Entry<String, JsonNode> op : operations(doc).entrySet()) {
      JsonNode ok = op.getValue().path("responses").path("200");
      JsonNode schema = ok.path("content").path("application/json").path("schema");
      if (versioned(doc, schema)) {
        versioned++;
        if (!ok.path("headers").has("ETag")) {
          missing.add(op.getKey());
        }
      }
    }
    assertThat(missing).isEmpty();
    assertThat(versioned).isGreaterThan(30);
    assertThat(
            operations(doc)
                .get("POST /api/v1/tasks/{id}/transitions")
                .path("responses")
                .path("200")
                .path("headers")
                .has("ETag"))
        .isTrue();
  }

  /**
   * If-Match is required (428 without it) on every operation that takes it but the upserts, where
   * it is left out to create; the 412/428 check above makes sure both are documented.
   */
  @Test
  void ifMatchIsRequiredWhereItsAbsenceAnswers428() throws Exception {
    JsonNode doc = document();
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, JsonNode> op : operations(doc).entrySet()) {
      boolean upsert =
          op.getKey().startsWith("PUT ")
              && !op.getValue().path("responses").path("201").isMissingNode();
      for (JsonNode p : op.getValue().path("parameters")) {
        if ("header".equals(p.path("in").asText()) && "If-Match".equals(p.path("name").asText())) {
          if (p.path("required").asBoolean(false) == upsert) {
            wrong.add(op.getKey() + " required=" + p.path("required").asBoolean(false));
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
    JsonNode deleteReference =
        operations(doc).get("DELETE /api/v1/directives/{id}/references/{refId}");
    assertThat(takesHeader(deleteReference, "If-Match")).isTrue();
  }

  @Test
  void everyOperationDocumentsNotAcceptableAndTheRateLimit() throws Exception {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, JsonNode> op : operations(document()).entrySet()) {
      JsonNode responses = op.getValue().path("responses");
      // a download answers any Accept
      boolean download = op.getKey().endsWith("/content");
      if (responses.path("406").isMissingNode() != download) {
        missing.add(op.getKey() + (download ? " declares 406" : " lacks 406"));
      }
      if (!responses.path("429").path("headers").has("Retry-After")) {
        missing.add(op.getKey() + " lacks 429 with Retry-After");
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void conflictsAreDocumentedWhereTheyOccur() throws Exception {
    Map<String, JsonNode> ops = operations(document());
    for (String op :
        List.of(
            "GET /api/v1/reception-visits/{id}/protected-identity",
            "DELETE /api/v1/directives/{id}",
            "DELETE /api/v1/directives/{id}/references/{refId}",
            "DELETE /api/v1/org-units/{id}",
            "DELETE /api/v1/tasks/{id}")) {
      assertThat(
              ops.get(op)
                  .path("responses")
                  .path("409")
                  .path("content")
                  .has("application/problem+json"))
          .as(op)
          .isTrue();
    }
    // no If-Match, no precondition statuses
    assertThat(ops.get("DELETE /api/v1/webhook-subscriptions/{id}").path("responses").has("412"))
        .isFalse();
  }

  @Test
  void everySortParameterHasAnEnum() throws Exception {
    JsonNode doc = document();
    List<String> wrong = new ArrayList<>();
    int sorts = 0;
    for (Map.Entry<String, JsonNode> op : operations(doc).entrySet()) {
      for (JsonNode p : op.getValue().path("parameters")) {
        if ("query".equals(p.path("in").asText()) && "sort".equals(p.path("name").asText())) {
          sorts++;
          List<String> values = new ArrayList<>();
          resolve(doc, p.path("schema")).path("enum").forEach(v -> values.add(v.asText()));
          if (values.isEmpty()) {
            wrong.add(op.getKey());
          }
        }
      }
    }
    assertThat(wrong).as("sort parameters without enum").isEmpty();
    assertThat(sorts).isGreaterThanOrEqualTo(2);
    List<String> codes = new ArrayList<>();
    resolve(doc, doc.at("/components/schemas/TaskSort"))
        .path("enum")
        .forEach(v -> codes.add(v.asText()));
    assertThat(codes)
        .containsExactlyElementsOf(
            java.util.Arrays.stream(vn.danvan.task.TaskSort.values())
                .map(vn.danvan.task.TaskSort::code)
                .toList());
  }

  @Test
  void auditAndChangeCodesAreEnumsAndRecordsAreObjects() throws Exception {
    JsonNode doc = document();
    JsonNode schemas = doc.path("components").path("schemas");
    Map<String, Class<? extends Enum<?>>> enums =
        Map.of(
            "AuditEvent/action", vn.danvan.shared.audit.AuditAction.class,
            "AuditEvent/entityType", vn.danvan.shared.audit.EntityType.class,
            "Change/entityType", vn.danvan.shared.audit.EntityType.class,
            "Change/operation", vn.danvan.shared.audit.AuditTrail.Operation.class);
    for (Map.Entry<String, Class<? extends Enum<?>>> e : enums.entrySet()) {
      String[] at = e.getKey().split("/");
      JsonNode property = schemas.path(at[0]).path("properties").path(at[1]);
      List<String> values = new ArrayList<>();
      resolve(doc, property).path("enum").forEach(v -> values.add(v.asText()));
      assertThat(values)
          .as(e.getKey())
          .containsExactlyElementsOf(
              java.util.Arrays.stream(e.getValue().getEnumConstants()).map(Enum::name).toList());
      assertThat(property.path("description").asText()).as(e.getKey()).isNotBlank();
    }
    for (String field : List.of("before", "after")) {
      JsonNode property = schemas.path("AuditEvent").path("properties").path(field);
      assertThat(property.toString()).as(field).contains("\"object\"");
      assertThat(property.path("additionalProperties").asBoolean(false)).as(field).isTrue();
      assertThat(property.has("$ref")).as(field).isFalse();
    }
  }

  @Test
  void downloadsDeclareTheTypesTheyServe() throws Exception {
    Map<String, JsonNode> ops = operations(document());
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, JsonNode> op : ops.entrySet()) {
      JsonNode content = op.getValue().path("responses").path("200").path("content");
      if (content.has("application/octet-stream")) {
        wrong.add(op.getKey());
      }
    }
    assertThat(wrong).as("downloads declared as application/octet-stream").isEmpty();
    JsonNode attachment =
        ops.get("GET /api/v1/directives/{id}/attachments/{attachmentId}/content")
            .path("responses")
            .path("200");
    assertThat(attachment.path("content").has("application/pdf")).isTrue();
    assertThat(attachment.path("content").path("image/png").path("schema").path("format").asText())
        .isEqualTo("binary");
    JsonNode book =
        ops.get("GET /api/v1/reception-visits/export")
            .path("responses")
            .path("200")
            .path("content")
            .path("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .path("schema");
    assertThat(book.path("type").asText()).isEqualTo("string");
    assertThat(book.path("format").asText()).isEqualTo("binary");
  }

  /** The visit documents are for the two roles that see visitors in full. */
  @Test
  void rolesAreTheRolesThatMaySucceed() throws Exception {
    Map<String, JsonNode> ops = operations(document());
    for (String op :
        List.of(
            "GET /api/v1/reception-visits/{id}/documents",
            "GET /api/v1/reception-visits/{id}/documents/{attachmentId}/content")) {
      List<String> roles = new ArrayList<>();
      ops.get(op).path("x-roles").forEach(r -> roles.add(r.asText()));
      assertThat(roles).as(op).containsExactly("denunciation-handler", "reception-officer");
    }
  }

  /** Every operation by "METHOD /path". */
  private static Map<String, JsonNode> operations(JsonNode doc) {
    Map<String, JsonNode> ops = new java.util.LinkedHashMap<>();
    doc.path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op ->
                            ops.put(
                                op.getKey().toUpperCase() + " " + path.getKey(), op.getValue())));
    return ops;
  }

  /** A schema with its {@code $ref} (or single {@code allOf} reference) followed. */
  private static JsonNode resolve(JsonNode doc, JsonNode schema) {
    String ref = schema.path("$ref").asText(null);
    if (ref == null && schema.path("allOf").size() == 1) {
      ref = schema.path("allOf").get(0).path("$ref").asText(null);
    }
    return ref == null ? schema : doc.at(ref.substring(1));
  }

  /** Whether a response schema is a record with an id and a version. */
  private static boolean versioned(JsonNode doc, JsonNode schema) {
    if (schema.isMissingNode() || !schema.has("$ref")) {
      return false;
    }
    JsonNode properties = resolve(doc, schema).path("properties");
    return properties.has("id") && properties.has("version");
  }

  private static boolean takesHeader(JsonNode op, String name) {
    for (JsonNode p : op.path("parameters")) {
      if ("header".equals(p.path("in").asText()) && name.equals(p.path("name").asText())) {
        return true;
      }
    }
    return false;
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
