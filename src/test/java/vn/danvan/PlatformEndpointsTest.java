package vn.danvan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Health, metrics, reference enums, the current user, and Swagger UI. */
@QuarkusTest
class PlatformEndpointsTest {

  /** Health and metrics live on the management interface (root /q), on a port of their own. */
  @TestHTTPResource(value = "/health", management = true)
  URL health;

  @TestHTTPResource(value = "/metrics", management = true)
  URL metrics;

  @Test
  void healthIncludesTheDatabase() {
    given().get(health + "/live").then().statusCode(200).body("status", equalTo("UP"));
    JsonPath ready = given().get(health + "/ready").then().statusCode(200).extract().jsonPath();
    assertThat(ready.getString("status")).isEqualTo("UP");
    assertThat(ready.getList("checks.name").toString()).containsIgnoringCase("database");
  }

  @Test
  void metricsArePrometheusText() {
    json("admin").get("/api/v1/me").then().statusCode(200);
    String text = given().get(metrics).then().statusCode(200).extract().asString();
    assertThat(text).contains("http_server_requests_seconds");
  }

  @Test
  void healthAndMetricsAreNotServedOnTheApiPort() {
    assertThat(metrics.getPort()).isNotEqualTo(RestAssured.port);
    for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready")) {
      assertThat(given().get(path).statusCode()).as(path).isEqualTo(404);
    }
  }

  @Test
  void withDemoAccountsTheServiceListensOnLoopbackOnly() {
    var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
    for (String host : List.of("quarkus.http.host", "quarkus.management.host")) {
      var value = config.getConfigValue(host);
      assertThat(value.getValue()).as(host).isEqualTo("127.0.0.1");
      assertThat(value.getSourceName()).as(host).contains("danvan-run-mode-defaults");
    }
    // the embedded mode has no OIDC unless it is configured
    assertThat(config.getValue("quarkus.oidc.tenant-enabled", Boolean.class)).isFalse();
  }

  @Test
  void enumsCarryVietnameseAndEnglishLabels() {
    JsonPath enums =
        json("viewer").get("/api/v1/reference/enums").then().statusCode(200).extract().jsonPath();
    // every code of every enum has both labels in messages/enums*.properties
    List<Map<String, String>> values = enums.getList("items.values.flatten()");
    assertThat(values).isNotEmpty();
    for (Map<String, String> v : values) {
      assertThat(v.get("labelVi")).as(v.get("code")).isNotBlank().isNotEqualTo(v.get("code"));
      assertThat(v.get("labelEn")).as(v.get("code")).isNotBlank().isNotEqualTo(v.get("code"));
    }
    assertThat(enums.getList("items.name"))
        .contains(
            "OrgUnitKind",
            "RestructuringKind",
            "LineageKind",
            "OrgUnitMode",
            "AuditAction",
            "EntityType",
            "ChangeOperation",
            "TaskSort");
    // the orders of a list are listed by the codes sort takes
    assertThat(enums.getList("items.find { it.name == 'TaskSort' }.values.code"))
        .containsExactly("dueDate", "-dueDate", "updatedAt", "-updatedAt");
    assertThat(
            enums.getString(
                "items.find { it.name == 'OrgUnitKind' }.values.find { it.code == 'COMMUNE' }.labelVi"))
        .isEqualTo("Cấp xã (xã, phường, đặc khu)");
    given().get("/api/v1/reference/enums").then().statusCode(401);
  }

  @Test
  void meDescribesEachDemoAccount() {
    json("ward-officer")
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("username", equalTo("ward-officer"))
        .body("roles[0]", equalTo("officer"))
        .body("homeUnitId", equalTo("00000000-0000-4000-8004-000000026882"));
    json("denunciation")
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body(
            "homeUnitId",
            equalTo(
                vn.danvan.orgunit.UnitIds.department(
                        vn.danvan.orgunit.UnitIds.province("79"), "THANH_TRA")
                    .toString()));
  }

  @Test
  void swaggerUiIsServed() {
    given().get("/q/swagger-ui/").then().statusCode(200);
  }
}
