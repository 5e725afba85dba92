package vn.danvan.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Shared vocabulary of the API tests: demo accounts, demo units and the problem shape. */
public final class Api {

  public static final String ROOT = "00000000-0000-4000-8000-000000000000";
  public static final String HO_CHI_MINH = "00000000-0000-4000-8001-000000000079";
  public static final String HA_NOI = "00000000-0000-4000-8001-000000000001";
  public static final String ORG_UNITS = "/api/v1/org-units";
  public static final String PROBLEM_JSON = "application/problem+json";

  /**
   * Whether an id is one of the demo world's units (fixed ids), never a unit another test made and
   * may have merged or moved elsewhere: tests that pick "some ward of TP HCM" pick among these, so
   * the order the test classes run in does not matter.
   */
  public static boolean demoUnit(String id) {
    return id.startsWith("00000000-0000-4000-800");
  }

  private Api() {}

  /** A request as a demo account (HTTP Basic, password = username). */
  public static RequestSpecification as(String user) {
    return given().auth().preemptive().basic(user, user);
  }

  /** A JSON request as a demo account (content type and accept set). */
  public static RequestSpecification json(String user) {
    return as(user).contentType(ContentType.JSON).accept(ContentType.JSON);
  }

  /** A name no other test uses; the UUID part is also a good {@code q} to find it again. */
  public static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID();
  }

  public static Map<String, Object> department(String name, String parentId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "DEPARTMENT");
    body.put("name", name);
    body.put("parentId", parentId);
    return body;
  }

  /** Creates a department and returns the 201 response. */
  public static Response createDepartment(String user, String name, String parentId) {
    Response response =
        as(user)
            .contentType(ContentType.JSON)
            .body(department(name, parentId))
            .post(ORG_UNITS)
            .then()
            .extract()
            .response();
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
    return response;
  }

  /** Updates the name of a unit with the given If-Match version and returns the 200 response. */
  public static Response rename(String user, String id, long version, String name) {
    Response response =
        as(user)
            .contentType(ContentType.JSON)
            .header("If-Match", "\"" + version + "\"")
            .body(Map.of("name", name))
            .put(ORG_UNITS + "/" + id)
            .then()
            .extract()
            .response();
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    return response;
  }

  /**
   * The change-feed entries of one record, oldest first: the feed of {@code type} walked page by
   * page (500 a page) as a provincial system would, keeping the entries of {@code id}.
   */
  public static List<Map<String, Object>> feedEntries(String type, String id) {
    List<Map<String, Object>> found = new ArrayList<>();
    String after = null;
    for (int page = 0; page < 1000; page++) {
      RequestSpecification request =
          json("admin").queryParam("types", type).queryParam("limit", 500);
      if (after != null) {
        request.queryParam("after", after);
      }
      JsonPath feed = request.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
      List<Map<String, Object>> items = feed.getList("items");
      for (Map<String, Object> item : items) {
        if (id.equals(item.get("entityId"))) {
          found.add(item);
        }
      }
      after = feed.getString("next");
      if (items.isEmpty() || after == null) {
        break;
      }
    }
    return found;
  }

  /**
   * Asserts the RFC 9457 shape of an error: the status, {@code application/problem+json}, the
   * stable code, a title, and nothing of the server's internals.
   */
  public static void assertProblem(Response response, int status, String code) {
    String body = response.asString();
    assertThat(response.statusCode()).as(body).isEqualTo(status);
    assertThat(response.contentType()).as(body).startsWith(PROBLEM_JSON);
    assertThat(response.jsonPath().getString("code")).as(body).isEqualTo(code);
    assertThat(response.jsonPath().getString("title")).as(body).isNotBlank();
    assertThat(response.jsonPath().getInt("status")).as(body).isEqualTo(status);
    assertNoInternals(body);
  }

  /** No stack trace, exception class or framework name may reach a caller. */
  public static void assertNoInternals(String body) {
    assertThat(body)
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("java.")
        .doesNotContain("jakarta.")
        .doesNotContain("com.fasterxml")
        .doesNotContain("org.hibernate")
        .doesNotContain("io.quarkus")
        .doesNotContain("vn.danvan")
        .doesNotContain("SQL");
  }
}
