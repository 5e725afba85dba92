package vn.danvan.shared.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the application against a real Keycloak with the {@code danvan} realm (from {@code
 * k8s/keycloak/danvan-realm.json}). Enabled only when {@code DANVAN_TEST_KEYCLOAK_URL} points at
 * the realm, e.g. {@code http://localhost:8180/realms/danvan}; {@code .ci/run} starts Keycloak and
 * sets it.
 */
@QuarkusTest
@TestProfile(KeycloakTokenTest.KeycloakProfile.class)
@EnabledIfEnvironmentVariable(named = KeycloakTokenTest.KEYCLOAK_URL_ENV, matches = ".+")
class KeycloakTokenTest {

  static final String KEYCLOAK_URL_ENV = "DANVAN_TEST_KEYCLOAK_URL";

  private static final String WEB_CLIENT = "danvan-web";
  private static final String INTEGRATION_CLIENT = "danvan-integration";
  private static final String INTEGRATION_SECRET = "danvan-integration-secret";
  private static final String INTEGRATION_HN_CLIENT = "danvan-integration-hn";
  private static final String INTEGRATION_HN_SECRET = "danvan-integration-hn-secret";

  private static final String ROOT_UNIT = "00000000-0000-4000-8000-000000000000";
  private static final String HCM_UNIT = "00000000-0000-4000-8001-000000000079";
  private static final String HANOI_UNIT = "00000000-0000-4000-8001-000000000001";
  private static final String PROBLEM_JSON = "application/problem+json";

  /** Switches OIDC on against the real Keycloak and the demo (Basic) accounts off. */
  public static class KeycloakProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.oidc.tenant-enabled", "true",
          "quarkus.oidc.auth-server-url", keycloakUrl(),
          "danvan.security.demo-accounts.enabled", "false");
    }
  }

  static String keycloakUrl() {
    String url = System.getenv(KEYCLOAK_URL_ENV);
    if (url == null || url.isBlank()) {
      url = "http://localhost:8180/realms/danvan";
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  // ---------------------------------------------------------------- tokens from Keycloak

  /** RestAssured spec for Keycloak itself (explicit port: the static one points at the app). */
  private static RequestSpecification keycloak() {
    URI uri = URI.create(keycloakUrl());
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return new RequestSpecBuilder()
        .setBaseUri(uri.getScheme() + "://" + uri.getHost())
        .setPort(port)
        .setBasePath(uri.getPath())
        .build();
  }

  private static String passwordToken(String username) {
    return given()
        .spec(keycloak())
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "password")
        .formParam("client_id", WEB_CLIENT)
        .formParam("username", username)
        .formParam("password", username)
        .when()
        .post("/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  private static String clientCredentialsToken() {
    return clientCredentialsToken(INTEGRATION_CLIENT, INTEGRATION_SECRET);
  }

  private static String clientCredentialsToken(String clientId, String secret) {
    return given()
        .spec(keycloak())
        .contentType(ContentType.URLENC)
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", clientId)
        .formParam("client_secret", secret)
        .when()
        .post("/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  private static String decodePart(String token, int index) {
    String part = token.split("\\.")[index];
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  private static String encodePart(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonPath claims(String token) {
    return JsonPath.from(decodePart(token, 1));
  }

  /** The same token with another {@code unit_id} in the payload and the original signature. */
  private static String withForgedUnit(String token, String unitId) {
    String[] parts = token.split("\\.");
    String payload = decodePart(token, 1);
    String original = claims(token).getString("unit_id");
    String forgedPayload = payload.replace(original, unitId);
    assertThat(forgedPayload).isNotEqualTo(payload).contains(unitId);
    return parts[0] + "." + encodePart(forgedPayload) + "." + parts[2];
  }

  /**
   * The same header and claims, signed with a freshly generated RSA key that Keycloak never saw.
   */
  private static String resignedWithForeignKey(String token) throws Exception {
    String[] parts = token.split("\\.");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(generator.generateKeyPair().getPrivate());
    String signingInput = parts[0] + "." + parts[1];
    signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
  }

  // ---------------------------------------------------------------- calls to the application

  private static Response me(String token) {
    return given().auth().oauth2(token).accept(ContentType.JSON).when().get("/api/v1/me");
  }

  /** The start of a response body, as the description of a failed status assertion. */
  private static String excerpt(Response response) {
    String body = response.asString();
    return body.length() <= 400 ? body : body.substring(0, 400) + "…";
  }

  private static void assertProblem(Response response, int status) {
    assertThat(response.statusCode()).as(excerpt(response)).isEqualTo(status);
    assertThat(response.contentType()).startsWith(PROBLEM_JSON);
  }

  // ---------------------------------------------------------------- tests

  @Test
  void keycloakIssuesTokensWithRolesUsernameAndUnit() {
    JsonPath claims = claims(passwordToken("ward-officer"));

    assertThat(claims.getString("iss")).isEqualTo(keycloakUrl());
    assertThat(claims.getString("preferred_username")).isEqualTo("ward-officer");
    assertThat(claims.getList("realm_access.roles", String.class)).contains("officer");
    assertThat(claims.getString("unit_id")).isEqualTo("00000000-0000-4000-8004-000000026882");
  }

  @ParameterizedTest
  @CsvSource({
    "admin,        admin,                " + ROOT_UNIT,
    "hcm-manager,  unit-manager,         " + HCM_UNIT,
    "ward-officer, officer,              00000000-0000-4000-8004-000000026882",
    "reception,    reception-officer,    00000000-0000-4000-8004-000000026882",
    "denunciation, denunciation-handler, 9e6baaea-0895-3d8f-919e-3b13dcf47f67",
    "auditor,      auditor,              " + HCM_UNIT,
    "viewer,       viewer,               " + HANOI_UNIT,
    "integration,  integration,          " + HCM_UNIT,
  })
  void meReflectsTheToken(String username, String role, String unitId) {
    String token = passwordToken(username);
    JsonPath claims = claims(token);
    assertThat(claims.getString("unit_id")).isEqualTo(unitId);

    Response response = me(token);

    assertThat(response.statusCode()).as(excerpt(response)).isEqualTo(200);
    JsonPath body = response.jsonPath();
    assertThat(body.getString("username")).isEqualTo(claims.getString("preferred_username"));
    assertThat(body.getString("username")).isEqualTo(username);
    assertThat(body.getList("roles", String.class)).contains(role);
    assertThat(UUID.fromString(body.getString("homeUnitId"))).isEqualTo(UUID.fromString(unitId));
  }

  @Test
  void integrationClientCredentialsTokenIsAccepted() {
    String token = clientCredentialsToken();
    JsonPath claims = claims(token);
    assertThat(claims.getList("realm_access.roles", String.class)).contains("integration");
    assertThat(claims.getString("unit_id")).isEqualTo(HCM_UNIT);

    Response response = me(token);

    assertThat(response.statusCode()).as(excerpt(response)).isEqualTo(200);
    JsonPath body = response.jsonPath();
    assertThat(body.getString("username")).isEqualTo(claims.getString("preferred_username"));
    List<String> roles = body.getList("roles", String.class);
    assertThat(roles).contains("integration");
    assertThat(body.getString("homeUnitId")).isEqualTo(HCM_UNIT);
  }

  @Test
  void eachIntegrationClientSpeaksForItsSourceSystem() {
    JsonPath hcm = claims(clientCredentialsToken());
    assertThat(hcm.getString("source_system")).isEqualTo("HCM-EGOV");
    String hnToken = clientCredentialsToken(INTEGRATION_HN_CLIENT, INTEGRATION_HN_SECRET);
    JsonPath hn = claims(hnToken);
    assertThat(hn.getString("source_system")).isEqualTo("HN-EGOV");
    assertThat(hn.getString("unit_id")).isEqualTo(HANOI_UNIT);
    assertThat(hn.getList("realm_access.roles", String.class)).contains("integration");

    // a draft of Hà Nội that TP HCM's system owns (an admin pushed it under HCM-EGOV's key)
    String sourceId = "VB-" + UUID.randomUUID();
    Map<String, Object> body =
        Map.of(
            "type",
            "KE_HOACH",
            "symbol",
            "KH-UBND",
            "issuingUnitId",
            HANOI_UNIT,
            "title",
            "Kế hoạch thử quyền sở hữu " + sourceId,
            "sourceVersion",
            1);
    Response created =
        given()
            .auth()
            .oauth2(passwordToken("admin"))
            .contentType(ContentType.JSON)
            .body(body)
            .put("/api/v1/directives/by-source/HCM-EGOV/" + sourceId);
    assertThat(created.statusCode()).as(excerpt(created)).isEqualTo(201);
    String id = created.jsonPath().getString("id");

    // Hà Nội's system reads it (its own unit's draft) but may not change what HCM-EGOV owns
    Response change =
        given()
            .auth()
            .oauth2(hnToken)
            .contentType(ContentType.JSON)
            .header("If-Match", "\"0\"")
            .body(
                Map.of(
                    "type",
                    "KE_HOACH",
                    "symbol",
                    "KH-UBND",
                    "issuingUnitId",
                    HANOI_UNIT,
                    "title",
                    "Sửa"))
            .put("/api/v1/directives/" + id);
    assertProblem(change, 409);
    assertThat(change.jsonPath().getString("code")).isEqualTo("OWNED_BY_SOURCE");
    Response claim =
        given()
            .auth()
            .oauth2(hnToken)
            .contentType(ContentType.JSON)
            .body(body)
            .put("/api/v1/directives/by-source/HCM-EGOV/VB-" + UUID.randomUUID());
    assertProblem(claim, 403);
    assertThat(claim.jsonPath().getString("code")).isEqualTo("SOURCE_SYSTEM_NOT_YOURS");
  }

  @Test
  void tokenWithForgedUnitIsRejected() {
    String forged = withForgedUnit(passwordToken("ward-officer"), ROOT_UNIT);

    assertProblem(me(forged), 401);
  }

  @Test
  void tokenSignedWithAnotherKeyIsRejected() throws Exception {
    String forged = resignedWithForeignKey(passwordToken("viewer"));

    assertProblem(me(forged), 401);
  }

  @Test
  void requestWithoutTokenIsRejected() {
    assertProblem(given().accept(ContentType.JSON).when().get("/api/v1/me"), 401);
  }

  @Test
  void demoBasicCredentialsAreRejectedWhenDemoAccountsAreOff() {
    Response response =
        given().auth().preemptive().basic("admin", "admin").when().get("/api/v1/me");

    assertProblem(response, 401);
  }

  @Test
  void auditEventsNeedTheAuditorRole() {
    Response asViewer =
        given()
            .auth()
            .oauth2(passwordToken("viewer"))
            .accept(ContentType.JSON)
            .when()
            .get("/api/v1/audit-events");
    assertProblem(asViewer, 403);

    Response asAuditor =
        given()
            .auth()
            .oauth2(passwordToken("auditor"))
            .accept(ContentType.JSON)
            .when()
            .get("/api/v1/audit-events");
    assertThat(asAuditor.statusCode()).as(excerpt(asAuditor)).isEqualTo(200);
  }
}
