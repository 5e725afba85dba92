package vn.danvan.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reception.ReceptionFixtures.*;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The law on denunciations and Decree 13/2023 as tests: a denouncer's identity reaches nobody but
 * the handler who asks with a reason (and that read is audited); visitors are ciphertext at rest;
 * no personal data in any log line, at any level.
 */
@QuarkusTest
class ReceptionConfidentialityTest {

  static final List<String> ACCOUNTS =
      List.of(
          "admin",
          "hcm-manager",
          "ward-officer",
          "reception",
          "denunciation",
          "auditor",
          "viewer",
          "integration");

  @Inject EntityManager em;

  private final List<String> logLines = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          StringBuilder b = new StringBuilder(String.valueOf(r.getMessage()));
          if (r.getParameters() != null) {
            for (Object p : r.getParameters()) {
              b.append(' ').append(p);
            }
          }
          if (r.getThrown() != null) {
            b.append(' ').append(r.getThrown());
          }
          logLines.add(b.toString());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final List<Logger> raised = new ArrayList<>();

  @BeforeEach
  void captureLogs() {
    capture.setLevel(Level.ALL);
    Logger.getLogger("").addHandler(capture);
    for (String name :
        List.of(
            "vn.danvan",
            "org.hibernate",
            "io.quarkus.security",
            "io.quarkus.rest",
            "org.jboss.resteasy.reactive",
            "io.quarkus.vertx.http")) {
      Logger l = Logger.getLogger(name);
      l.setLevel(Level.FINE);
      raised.add(l);
    }
  }

  @AfterEach
  void stopCapture() {
    Logger.getLogger("").removeHandler(capture);
    raised.forEach(l -> l.setLevel(null));
  }

  @Test
  void denouncerIdentityReachesOnlyTheHandlerWhoAsksWithAReason() throws Exception {
    String name = uniqueName("Trịnh");
    String given = name.substring(name.lastIndexOf(' ') + 1);
    String cccd = uniqueCccd();
    Map<String, Object> body = visit("DENUNCIATION", List.of(visitor(name, cccd, false)));
    body.put("field", "CORRUPTION");
    body.put(
        "summary",
        "Tố cáo cán bộ địa chính nhận tiền khi làm thủ tục cấp giấy chứng nhận "
            + UUID.randomUUID());
    Response created =
        json("reception")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(body)
            .post(VISITS);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String id = created.jsonPath().getString("id");
    List<String> responses = new ArrayList<>();
    responses.add(created.asString());
    assertThat(created.jsonPath().getBoolean("identityProtected")).isTrue();

    // an update keeps the identity without resending it, and the kind stays
    Map<String, Object> update = new java.util.LinkedHashMap<>(body);
    update.remove("visitors");
    update.put("followUp", "Chuyển Thanh tra xác minh");
    Response put =
        json("reception").header("If-Match", "\"0\"").body(update).put(VISITS + "/" + id);
    assertThat(put.statusCode()).as(put.asString()).isEqualTo(200);
    responses.add(put.asString());
    update.put("contentKind", "COMPLAINT");
    assertProblem(
        json("reception").header("If-Match", "\"1\"").body(update).put(VISITS + "/" + id),
        409,
        "DENUNCIATION_KIND_FIXED");

    for (String user : ACCOUNTS) {
      responses.add(as(user).get(VISITS + "/" + id).asString());
      responses.add(as(user).queryParam("limit", 500).get(VISITS).asString());
      responses.add(as(user).queryParam("limit", 500).get("/api/v1/changes").asString());
      responses.add(
          as(user)
              .queryParam("entityType", "RECEPTION_VISIT")
              .queryParam("entityId", id)
              .get("/api/v1/audit-events")
              .asString());
      responses.add(
          as(user)
              .get(
                  "/api/v1/reception/statistics?orgUnitId="
                      + HCM
                      + "&orgUnitMode=DESCENDANTS&groupBy=CONTENT_KIND")
              .asString());
      Response export = as(user).queryParam("orgUnitId", AN_HOI_TAY).get(VISITS + "/export");
      responses.add(
          export.statusCode() == 200 ? xlsxText(export.asByteArray()) : export.asString());
    }
    Response dup = as("reception").queryParam("visitId", id).get(CASES + "/duplicate-candidates");
    responses.add(dup.asString());
    // not the handler, or no reason: refused, and the refusal says nothing
    responses.add(
        as("reception")
            .queryParam("reason", "xem")
            .get(VISITS + "/" + id + "/protected-identity")
            .asString());
    Response noReason = as("denunciation").get(VISITS + "/" + id + "/protected-identity");
    assertProblem(noReason, 400, "VALIDATION_FAILED");
    responses.add(noReason.asString());
    assertProblem(
        as("viewer").queryParam("reason", "xem").get(VISITS + "/" + id + "/protected-identity"),
        403,
        "FORBIDDEN");

    for (String r : responses) {
      assertThat(r).doesNotContain(name).doesNotContain(given).doesNotContain(cccd);
    }
    assertThat(as("reception").get(VISITS + "/" + id).jsonPath().getList("visitors")).isEmpty();

    // the handler, with a reason: the identity, and an audit record of who, when and why
    String reason = "Xác minh theo Quyết định thụ lý số 12/QĐ-TTr " + UUID.randomUUID();
    Response read =
        as("denunciation")
            .queryParam("reason", reason)
            .get(VISITS + "/" + id + "/protected-identity");
    assertThat(read.statusCode()).as(read.asString()).isEqualTo(200);
    assertThat(read.header("Cache-Control")).isEqualTo("no-store");
    assertThat(read.jsonPath().getString("visitors[0].fullName")).isEqualTo(name);
    assertThat(read.jsonPath().getString("visitors[0].idNumber")).isEqualTo(cccd);
    Response audit =
        as("admin")
            .queryParam("entityId", id)
            .queryParam("entityType", "RECEPTION_VISIT")
            .get("/api/v1/audit-events");
    assertThat(audit.jsonPath().getList("items.action")).contains("PROTECTED_IDENTITY_READ");
    assertThat(audit.asString())
        .contains(reason)
        .contains("denunciation")
        .doesNotContain(name)
        .doesNotContain(cccd);

    // nothing of it at rest outside the ciphertext, nothing in any log line
    assertNotStored(name, cccd);
    synchronized (logLines) {
      assertThat(logLines).isNotEmpty();
      for (String line : logLines) {
        assertThat(line).doesNotContain(name).doesNotContain(given).doesNotContain(cccd);
      }
    }
  }

  @Test
  void anonymousDenunciationsAreFlagged() {
    Map<String, Object> body = visit("DENUNCIATION", List.of());
    body.put("anonymous", true);
    Response r = create("reception", body);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    assertThat(r.jsonPath().getBoolean("anonymous")).isTrue();
    Response read =
        as("denunciation")
            .queryParam("reason", "Kiểm tra đơn nặc danh")
            .get(VISITS + "/" + r.jsonPath().getString("id") + "/protected-identity");
    assertThat(read.jsonPath().getBoolean("anonymous")).isTrue();
    assertThat(read.jsonPath().getList("visitors")).isEmpty();
    // a visit that is not a denunciation has no protected identity
    String other =
        createOk(
            "reception",
            visit("PETITION", List.of(visitor(uniqueName("Tô"), uniqueCccd(), false))));
    assertProblem(
        as("denunciation")
            .queryParam("reason", "Kiểm tra")
            .get(VISITS + "/" + other + "/protected-identity"),
        409,
        "NOT_A_DENUNCIATION");
  }

  @Test
  void visitorsAreCiphertextAtRest() {
    String name = uniqueName("Quách");
    String cccd = uniqueCccd();
    String id = createOk("reception", visit("COMPLAINT", List.of(visitor(name, cccd, false))));
    assertThat(as("reception").get(VISITS + "/" + id).jsonPath().getString("visitors[0].fullName"))
        .isEqualTo(name);
    assertNotStored(name, cccd);
    byte[] data =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    (byte[])
                        em.createNativeQuery(
                                "select visitor_data from reception_visit where id = :id")
                            .setParameter("id", UUID.fromString(id))
                            .getSingleResult());
    assertThat(data).isNotNull();
    assertThat(vn.danvan.shared.crypto.PersonalDataCipher.keyIdOf(data)).isNotBlank();
  }

  /** Neither the name nor the number, in any form, in any table of the database. */
  private void assertNotStored(String name, String cccd) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (String table :
                  List.of(
                      "reception_visit",
                      "reception_protected_identity",
                      "reception_identity_hash",
                      "audit_event",
                      "change_log",
                      "idempotency_record")) {
                for (String value : List.of(name, cccd)) {
                  Number n =
                      (Number)
                          em.createNativeQuery(
                                  "select count(*) from "
                                      + table
                                      + " t where t::text like '%' || :v || '%'"
                                      + " or position(encode(convert_to(:v, 'UTF8'), 'hex') in t::text) > 0")
                              .setParameter("v", value)
                              .getSingleResult();
                  assertThat(n.longValue()).as(table).isZero();
                }
              }
            });
  }

  private static String xlsxText(byte[] xlsx) throws java.io.IOException {
    StringBuilder b = new StringBuilder();
    java.nio.file.Path file = java.nio.file.Files.createTempFile("reception-export", ".xlsx");
    try {
      java.nio.file.Files.write(file, xlsx);
      try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
        for (ZipEntry e : java.util.Collections.list(zip.entries())) {
          b.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
    // numeric character references back to characters, so that a search sees the real text
    String text =
        java.util.regex.Pattern.compile("&#(x?)([0-9a-fA-F]+);")
            .matcher(b)
            .replaceAll(
                m ->
                    java.util.regex.Matcher.quoteReplacement(
                        Character.toString(
                            Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16))));
    assertThat(text).contains("Nội dung vụ việc");
    return text;
  }
}
