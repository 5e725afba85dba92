package vn.danvan.shared.persistence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * External mode: with QUARKUS_DATASOURCE_JDBC_URL the service migrates and uses that PostgreSQL (≥
 * 15), starts no embedded server of its own for it, and has no demo accounts. Runs when {@code
 * DANVAN_TEST_EXTERNAL_JDBC_URL} names such a database (CI starts the machine's PostgreSQL).
 */
@QuarkusTest
@TestProfile(ExternalDatabaseTest.External.class)
@EnabledIfEnvironmentVariable(
    named = "DANVAN_TEST_EXTERNAL_JDBC_URL",
    matches = "jdbc:postgresql:.+")
class ExternalDatabaseTest {

  static final String URL = System.getenv("DANVAN_TEST_EXTERNAL_JDBC_URL");
  static final String USER = System.getenv().getOrDefault("DANVAN_TEST_EXTERNAL_USER", "danvan");
  static final String PASSWORD =
      System.getenv().getOrDefault("DANVAN_TEST_EXTERNAL_PASSWORD", "danvan");

  public static class External implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      // also called while tests are discovered, when the variable may be absent
      if (URL == null) {
        return Map.of();
      }
      return Map.of(
          "quarkus.datasource.jdbc.url", URL,
          "quarkus.datasource.username", USER,
          "quarkus.datasource.password", PASSWORD,
          // an external database needs real personal-data keys: test keys (not secrets)
          "danvan.personal-data.keys",
              "t1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
          "danvan.personal-data.hmac-key",
              java.util.Base64.getEncoder().encodeToString(new byte[32]));
    }
  }

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @TestHTTPResource(value = "/health/ready", management = true)
  java.net.URL ready;

  @ConfigProperty(name = "danvan.embedded-db.active", defaultValue = "false")
  boolean embedded;

  @Test
  void theServiceRunsOnTheExternalDatabase() throws Exception {
    assertThat(jdbcUrl).isEqualTo(URL);
    assertThat(embedded).isFalse();
    given().get(ready).then().statusCode(200).body("status", equalTo("UP"));
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement s = c.createStatement()) {
      ResultSet version = s.executeQuery("show server_version_num");
      version.next();
      assertThat(Integer.parseInt(version.getString(1))).isGreaterThanOrEqualTo(150000);
      ResultSet migrations =
          s.executeQuery("select count(*) from flyway_schema_history where success");
      migrations.next();
      assertThat(migrations.getInt(1)).isGreaterThanOrEqualTo(3);
      ResultSet fold = s.executeQuery("select danvan_fold('Phường Gò Vấp')");
      fold.next();
      assertThat(fold.getString(1)).isEqualTo("phuong go vap");
    }
  }

  @Test
  void demoAccountsDoNotExist() {
    given().auth().preemptive().basic("admin", "admin").get("/api/v1/me").then().statusCode(401);
    given().get("/api/v1/org-units").then().statusCode(401).contentType("application/problem+json");
  }
}
