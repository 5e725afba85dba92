package vn.danvan.shared.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The per-account rate limit and the failed-login throttle. Both are off in the test profile (the
 * embedded mode's default) and switched on here, at run time, for one test at a time.
 */
@QuarkusTest
class RateLimitTest {

  @Inject RateLimiter limiter;
  @Inject LoginThrottle throttle;

  @AfterEach
  void restore() {
    limiter.reset();
    throttle.reset();
  }

  @Test
  void offByDefaultInEmbeddedMode() {
    assertThat(limiter.enabled()).isFalse();
    for (int i = 0; i < 30; i++) {
      assertThat(as("viewer").get("/api/v1/me").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anAccountOverItsRateGets429WithRetryAfterOthersDoNot() {
    limiter.configure(new RateLimiter.Settings(true, 3, 1));
    int allowed = 0;
    Response refused = null;
    for (int i = 0; i < 50 && refused == null; i++) {
      Response r = as("viewer").get("/api/v1/me");
      if (r.statusCode() == 429) {
        refused = r;
      } else {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        allowed++;
      }
    }
    assertThat(allowed).isGreaterThanOrEqualTo(3);
    assertThat(refused).isNotNull();
    assertProblem(refused, 429, "TOO_MANY_REQUESTS");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    // another account has its own bucket; unauthenticated callers still get 401
    assertThat(as("auditor").get("/api/v1/me").statusCode()).isEqualTo(200);
    assertProblem(given().get("/api/v1/me"), 401, "UNAUTHENTICATED");
  }

  @Test
  void repeatedFailedLoginsOfOneNameAreSlowedDown() {
    throttle.configure(
        new LoginThrottle.Settings(true, 3, Duration.ofMinutes(5), Duration.ofMinutes(1)));
    for (int i = 0; i < 3; i++) {
      assertProblem(
          given().auth().preemptive().basic("integration", "wrong-" + i).get("/api/v1/me"),
          401,
          "UNAUTHENTICATED");
    }
    // now even the right password waits; the answer says how long
    Response locked = as("integration").get("/api/v1/me");
    assertProblem(locked, 429, "TOO_MANY_FAILED_LOGINS");
    assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 60L);
    // other names are not affected
    assertThat(as("auditor").get("/api/v1/me").statusCode()).isEqualTo(200);
    String stranger = "nobody-" + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      given().auth().preemptive().basic(stranger, "x").get("/api/v1/me");
    }
    assertProblem(
        given().auth().preemptive().basic(stranger, "x").get("/api/v1/me"),
        429,
        "TOO_MANY_FAILED_LOGINS");
    throttle.reset();
    assertThat(as("integration").get("/api/v1/me").statusCode()).isEqualTo(200);
  }

  @Test
  void aSuccessfulLoginClearsEarlierFailures() {
    throttle.configure(
        new LoginThrottle.Settings(true, 3, Duration.ofMinutes(5), Duration.ofMinutes(1)));
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 2; i++) {
        given().auth().preemptive().basic("auditor", "wrong").get("/api/v1/me");
      }
      assertThat(as("auditor").get("/api/v1/me").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theDocumentNames429AndRetryAfter() {
    JsonPath doc = given().queryParam("format", "json").get("/q/openapi").jsonPath();
    assertThat(doc.getString("paths.'/api/v1/me'.get.responses.'429'.description"))
        .contains("TOO_MANY_REQUESTS");
    assertThat(doc.getMap("paths.'/api/v1/me'.get.responses.'429'.headers"))
        .containsKey("Retry-After");
  }
}
