package vn.danvan.shared.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code DANVAN_CORS_ORIGINS} replaces the development origins; behind a trusted TLS proxy ({@code
 * X-Forwarded-Proto: https}) answers carry HSTS.
 */
@QuarkusTest
@TestProfile(ConfiguredOriginsTest.Profile.class)
class ConfiguredOriginsTest {

  static final String APP = "https://app.danvan.example.gov.vn";

  public static class Profile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          // as an administrator writes it: spaces, upper case, the default port
          "danvan.cors.origins", " HTTPS://App.Danvan.Example.gov.vn:443 , https://other.example",
          "quarkus.http.proxy.proxy-address-forwarding", "true",
          "quarkus.http.proxy.allow-x-forwarded", "true");
    }
  }

  private static Response preflight(String origin) {
    return given()
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
        .options("/api/v1/tasks");
  }

  @Test
  void theConfiguredOriginsReplaceTheDevelopmentOnes() {
    Response allowed = preflight(APP);
    assertThat(allowed.statusCode()).isEqualTo(204);
    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(preflight("https://other.example").statusCode()).isEqualTo(204);
    for (String origin : List.of("http://localhost:5173", "http://app.danvan.example.gov.vn")) {
      Response refused = preflight(origin);
      assertProblem(refused, 403, "CORS_ORIGIN_NOT_ALLOWED");
      assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }
    Response get = as("viewer").header("Origin", APP).get("/api/v1/me");
    assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    assertThat(get.header("Access-Control-Expose-Headers")).contains("ETag", "Location");
  }

  @Test
  void httpsBehindATrustedProxyGetsHsts() {
    Response tls = as("viewer").header("X-Forwarded-Proto", "https").get("/api/v1/me");
    assertThat(tls.statusCode()).isEqualTo(200);
    assertThat(tls.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    Response problem =
        given().header("X-Forwarded-Proto", "https").get("/api/v1/me"); // 401 problem
    assertThat(problem.statusCode()).isEqualTo(401);
    assertThat(problem.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    Response plain = as("viewer").get("/api/v1/me");
    assertThat(plain.header("Strict-Transport-Security")).isNull();
  }

  @Test
  void anOriginThatIsNoOriginStopsTheService() {
    for (String bad :
        List.of(
            "*", "https://app.example/", "app.example", "https://app.example/path", "ftp://x")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Cors.origins(List.of(bad)))
          .as(bad)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("danvan.cors.origins");
    }
    assertThat(Cors.origins(List.of("http://localhost:80", "https://x.example:8443", " ")))
        .containsExactlyInAnyOrder("http://localhost", "https://x.example:8443");
  }
}
