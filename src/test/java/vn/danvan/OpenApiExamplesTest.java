package vn.danvan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.Api;

/**
 * What Swagger UI sends must work on the demo data: every JSON request body has an example that
 * answers 2xx as is (twice: an example can be executed again), path parameters are demo ids or
 * records the examples create, optional filters carry no example (Try it out would send it), and
 * each problem response shows an example of its own status. Runs on a fresh database of its own:
 * the examples write.
 */
@QuarkusTest
@TestProfile(OpenApiExamplesTest.OwnDatabase.class)
class OpenApiExamplesTest {

  /**
   * A profile of its own: a fresh embedded database with only the demo data (loaded in long
   * transactions on a busy machine).
   */
  public static class OwnDatabase implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.transaction-manager.default-transaction-timeout", "PT10M");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

  /** The demo account of each role (password = user name). */
  private static final Map<String, String> USERS =
      Map.of(
          "admin", "admin",
          "unit-manager", "hcm-manager",
          "officer", "ward-officer",
          "reception-officer", "reception",
          "denunciation-handler", "denunciation",
          "auditor", "auditor",
          "viewer", "viewer",
          "integration", "integration");

  /**
   * Records without a stable demo id: an operation under these paths runs on one created by the
   * document's own example of the creating operation.
   */
  private static final Map<String, String> CREATED_BY =
      Map.of(
          "/api/v1/tasks/{id}", "POST /api/v1/tasks",
          "/api/v1/tasks/{id}/extension-requests/{rid}",
              "POST /api/v1/tasks/{id}/extension-requests",
          "/api/v1/cases/{id}", "POST /api/v1/cases",
          "/api/v1/directives/{id}", "POST /api/v1/directives",
          "/api/v1/report-templates/{id}", "POST /api/v1/report-templates",
          "/api/v1/reporting-regimes/{id}", "POST /api/v1/reporting-regimes",
          "/api/v1/dialogues/{id}", "POST /api/v1/dialogues",
          "/api/v1/good-practice-models/{id}", "POST /api/v1/good-practice-models",
          "/api/v1/webhook-subscriptions/{id}", "POST /api/v1/webhook-subscriptions");

  /**
   * Operations whose second run may fail, and why: a unique rule (one report per unit and period,
   * unique codes), a transition done once on a fixed record, or a target the server must reach.
   */
  private static final Map<String, String> ONCE =
      Map.of(
          "POST /api/v1/report-submissions", "one report per unit and period",
          "POST /api/v1/report-templates", "a template's code is unique",
          "POST /api/v1/reporting-regimes", "a regime's code is unique",
          "POST /api/v1/report-submissions/{id}/transitions", "the example's report is submitted",
          "POST /api/v1/report-templates/{id}/transitions", "the draft is published",
          "POST /api/v1/reporting-regimes/{id}/transitions", "the draft is activated",
          "POST /api/v1/dialogues/{id}/transitions", "the planned dialogue is announced",
          "POST /api/v1/report-templates/{id}/versions", "one draft version at a time",
          "PUT /api/v1/reception-visits/by-source/{sourceSystem}/{sourceId}",
              "a source version is accepted once");

  /**
   * The webhook example names the receiver of a provincial system, which a machine without outbound
   * DNS cannot resolve; the registration is tested with a local receiver in the sync tests.
   */
  private static final String NEEDS_A_REACHABLE_RECEIVER = "POST /api/v1/webhook-subscriptions";

  /** The last record each creating operation created (reused when it cannot create another). */
  private final Map<String, String> created = new LinkedHashMap<>();

  private JsonNode doc;

  private JsonNode document() throws Exception {
    if (doc == null) {
      doc =
          JSON.readTree(
              Api.as("admin")
                  .accept(ContentType.JSON)
                  .get("/q/openapi?format=json")
                  .then()
                  .statusCode(200)
                  .extract()
                  .asString());
    }
    return doc;
  }

  @Test
  void everyRequestExampleWorksOnTheDemoDataAndAgain() throws Exception {
    List<String> failures = new ArrayList<>();
    int executed = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = document().path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : List.of("post", "put", "patch")) {
        JsonNode op = path.getValue().path(method);
        JsonNode json = op.path("requestBody").path("content").path("application/json");
        if (json.isMissingNode()) {
          continue;
        }
        JsonNode example = example(json);
        String name = method.toUpperCase() + " " + path.getKey();
        if (name.equals(NEEDS_A_REACHABLE_RECEIVER)) {
          continue;
        }
        if (example == null) {
          failures.add(name + ": no request example");
          continue;
        }
        for (int run = 1; run <= 2; run++) {
          Response response;
          try {
            response = execute(method, path.getKey(), op, example);
          } catch (IllegalStateException e) {
            failures.add(name + ": " + e.getMessage());
            break;
          }
          executed++;
          if (response.statusCode() / 100 == 2
              && String.valueOf(response.contentType()).contains("json")
              && response.asString().startsWith("{")
              && response.jsonPath().get("id") != null) {
            created.put(
                name, response.header("Location") + " " + response.jsonPath().getString("id"));
          }
          if (response.statusCode() / 100 != 2 && !(run == 2 && ONCE.containsKey(name))) {
            failures.add(
                name + " (run " + run + "): " + response.statusCode() + " " + response.asString());
          }
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(executed).as("request examples executed").isGreaterThan(60);
  }

  @Test
  void noOptionalQueryParameterCarriesAnExample() throws Exception {
    List<String> prefilled = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document().path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        for (JsonNode p : op.getValue().path("parameters")) {
          boolean optional = !p.path("required").asBoolean(false);
          boolean prefills =
              p.has("example")
                  || p.has("examples")
                  || p.path("schema").has("example")
                  || p.path("schema").has("examples");
          boolean alwaysEmpty =
              "Idempotency-Key".equals(p.path("name").asText())
                  || "If-Match".equals(p.path("name").asText());
          if (prefills && ((optional && !"path".equals(p.path("in").asText())) || alwaysEmpty)) {
            prefilled.add(
                op.getKey().toUpperCase() + " " + path.getKey() + " " + p.path("name").asText());
          }
        }
      }
    }
    assertThat(prefilled).isEmpty();
  }

  @Test
  void theFirstExecuteOfEveryListShowsData() throws Exception {
    List<String> empty = new ArrayList<>();
    for (String list :
        List.of(
            "/api/v1/org-units",
            "/api/v1/directives",
            "/api/v1/tasks",
            "/api/v1/report-templates",
            "/api/v1/reporting-regimes",
            "/api/v1/report-submissions",
            "/api/v1/reception-sessions",
            "/api/v1/reception-visits",
            "/api/v1/cases",
            "/api/v1/good-practice-models",
            "/api/v1/audit-events",
            "/api/v1/changes")) {
      JsonNode op = document().path("paths").path(list).path("get");
      assertThat(op.isMissingNode()).as(list).isFalse();
      RequestSpecification request = Api.as("admin").accept(ContentType.JSON);
      for (JsonNode p : op.path("parameters")) {
        if (p.path("required").asBoolean(false) && p.has("example")) {
          request.queryParam(p.path("name").asText(), p.path("example").asText());
        }
      }
      Response response = request.get(list);
      if (response.statusCode() != 200 || response.jsonPath().getList("items").isEmpty()) {
        empty.add(list + ": " + response.statusCode());
      }
    }
    assertThat(empty).isEmpty();
  }

  @Test
  void problemExamplesMatchTheirStatus() throws Exception {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = document().path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        for (Iterator<Map.Entry<String, JsonNode>> responses =
                op.getValue().path("responses").fields();
            responses.hasNext(); ) {
          Map.Entry<String, JsonNode> response = responses.next();
          JsonNode problem = response.getValue().path("content").path(Api.PROBLEM_JSON);
          if (problem.isMissingNode()) {
            continue;
          }
          checked++;
          JsonNode example = example(problem);
          String where = op.getKey().toUpperCase() + " " + path.getKey() + " " + response.getKey();
          if (example == null) {
            wrong.add(where + ": no example");
          } else if (!response.getKey().equals(example.path("status").asText())
              || example.path("code").asText().isBlank()
              || example.path("title").asText().isBlank()
              || !example
                  .path("type")
                  .asText()
                  .endsWith(example.path("code").asText().toLowerCase().replace('_', '-'))) {
            wrong.add(where + ": " + example);
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).isGreaterThan(300);
  }

  @Test
  void tagsFollowTheDomainAndSummariesAreAlsoInEnglish() throws Exception {
    List<String> tags = new ArrayList<>();
    document().path("tags").forEach(t -> tags.add(t.path("name").asText()));
    assertThat(tags)
        .startsWith(
            "Đơn vị",
            "Văn bản chỉ đạo",
            "Nhiệm vụ",
            "Mẫu báo cáo",
            "Chế độ báo cáo",
            "Báo cáo định kỳ",
            "Tổng hợp báo cáo",
            "Tiếp công dân",
            "Đối thoại với Nhân dân",
            "Mô hình Dân vận khéo",
            "Chương trình công tác",
            "Đồng bộ");
    assertThat(tags.indexOf("Danh mục")).isLessThan(tags.indexOf("Kiểm toán"));
    document().path("tags").forEach(t -> assertThat(t.path("description").asText()).isNotBlank());
    List<String> untranslated = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document().path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        String[] parts = op.getValue().path("summary").asText().split(" / ");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
          untranslated.add(op.getKey().toUpperCase() + " " + path.getKey());
        }
      }
    }
    assertThat(untranslated).as("summaries as \"Vietnamese / English\"").isEmpty();
  }

  // ---------------------------------------------------------------- executing an example

  private static JsonNode example(JsonNode mediaType) {
    if (mediaType.has("example")) {
      return mediaType.get("example");
    }
    Iterator<JsonNode> examples = mediaType.path("examples").elements();
    return examples.hasNext() ? examples.next().path("value") : null;
  }

  /** The operation's example as Swagger UI sends it, as admin or its first allowed role. */
  private Response execute(String method, String template, JsonNode op, JsonNode example)
      throws Exception {
    String path = resolve(template, op);
    RequestSpecification request =
        Api.as(user(op))
            .contentType(ContentType.JSON)
            .accept(ContentType.JSON)
            .body(JSON.writeValueAsString(example));
    for (JsonNode p : op.path("parameters")) {
      if ("query".equals(p.path("in").asText())
          && p.path("required").asBoolean(false)
          && p.has("example")) {
        request.queryParam(p.path("name").asText(), p.path("example").asText());
      }
      if (!"header".equals(p.path("in").asText())) {
        continue;
      }
      if ("Idempotency-Key".equals(p.path("name").asText())) {
        request.header("Idempotency-Key", UUID.randomUUID().toString());
      } else if ("If-Match".equals(p.path("name").asText())) {
        String etag = etagOf(op, path);
        if (etag != null) {
          request.header("If-Match", etag);
        }
      }
    }
    return request.request(method.toUpperCase(), path).then().extract().response();
  }

  private static String user(JsonNode op) {
    List<String> roles = new ArrayList<>();
    op.path("x-roles").forEach(r -> roles.add(r.asText()));
    String role = roles.contains("admin") || roles.contains("**") ? "admin" : roles.get(0);
    return USERS.get(role);
  }

  /** The ETag of the record the operation changes (its own path, or the parent of an action). */
  private static String etagOf(JsonNode op, String path) {
    String record = path.replaceAll("/(transitions|versions)$", "");
    Response current = Api.as(user(op)).accept(ContentType.JSON).get(record);
    return current.statusCode() == 200 ? current.header("ETag") : null;
  }

  /** Path parameters: the document's example, else a record created by the creating example. */
  private String resolve(String template, JsonNode op) throws Exception {
    Map<String, String> values = new LinkedHashMap<>();
    for (JsonNode p : op.path("parameters")) {
      if ("path".equals(p.path("in").asText()) && p.has("example")) {
        values.put(p.path("name").asText(), p.path("example").asText());
      }
    }
    Matcher m = PARAM.matcher(template);
    List<String> missing = new ArrayList<>();
    while (m.find()) {
      if (!values.containsKey(m.group(1))) {
        missing.add(m.group(1));
      }
    }
    if (!missing.isEmpty()) {
      String prefix = template.substring(0, template.indexOf("{" + missing.getLast() + "}"));
      String creator = CREATED_BY.get(prefix + "{" + missing.getLast() + "}");
      if (creator == null) {
        throw new IllegalStateException("no example for path parameters " + missing);
      }
      String[] parts = creator.split(" ", 2);
      JsonNode creating = document().path("paths").path(parts[1]).path(parts[0].toLowerCase());
      JsonNode body =
          example(creating.path("requestBody").path("content").path("application/json"));
      Response response = execute(parts[0].toLowerCase(), parts[1], creating, body);
      String createdPath;
      String id;
      if (response.statusCode() / 100 == 2) {
        createdPath = response.header("Location");
        id = response.jsonPath().getString("id");
        created.put(creator, createdPath + " " + id);
      } else if (created.containsKey(creator)) {
        // a unique rule (a code) lets the example create once: the dependents use that record
        String[] last = created.get(creator).split(" ");
        createdPath = last[0];
        id = last[1];
      } else {
        throw new IllegalStateException(
            creator + " answered " + response.statusCode() + " " + response.asString());
      }
      values.put(missing.getLast(), id);
      if (missing.size() > 1 && createdPath != null) {
        Matcher ids =
            Pattern.compile(
                    template.substring(0, template.indexOf("{" + missing.getFirst() + "}"))
                        + "([^/]+)")
                .matcher(createdPath);
        if (ids.find()) {
          values.put(missing.getFirst(), ids.group(1));
        }
      }
    }
    String path = template;
    for (Map.Entry<String, String> v : values.entrySet()) {
      path = path.replace("{" + v.getKey() + "}", v.getValue());
    }
    if (PARAM.matcher(path).find()) {
      throw new IllegalStateException("unresolved path parameters in " + path);
    }
    return path;
  }
}
