package vn.danvan.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reception.ReceptionFixtures.*;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Documents citizens hand in: no client file names kept, a denunciation's only for its handler. */
@QuarkusTest
class ReceptionDocumentTest {

  static final byte[] PDF =
      "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
          .getBytes(StandardCharsets.US_ASCII);

  static Response upload(String user, String visitId, String fileName) {
    return as(user)
        .multiPart("file", fileName, PDF, "application/pdf")
        .multiPart("description", "Đơn của " + fileName)
        .post(VISITS + "/" + visitId + "/documents");
  }

  @Test
  void documentsOfAComplaintAndOfADenunciation() {
    String name = uniqueName("Lưu");
    String fileName = "don-" + name.replace(' ', '-') + ".pdf";
    String complaint =
        createOk("reception", visit("COMPLAINT", List.of(visitor(name, uniqueCccd(), false))));
    Response up = upload("reception", complaint, fileName);
    assertThat(up.statusCode()).as(up.asString()).isEqualTo(201);
    assertThat(up.asString()).doesNotContain(name.split(" ")[3]);
    assertThat(up.jsonPath().getString("fileName")).isEqualTo("tep-dinh-kem.pdf");
    String docId = up.jsonPath().getString("id");
    assertThat(
            as("reception")
                .get(VISITS + "/" + complaint + "/documents")
                .jsonPath()
                .getList("items.id"))
        .contains(docId);
    assertThat(
            as("reception")
                .get(VISITS + "/" + complaint + "/documents/" + docId + "/content")
                .asByteArray())
        .isEqualTo(PDF);
    assertProblem(as("hcm-manager").get(VISITS + "/" + complaint + "/documents"), 403, "FORBIDDEN");
    // only the two roles that see visitors in full may read documents: the others are refused
    // before the visit is looked up (in scope or not)
    assertProblem(as("viewer").get(VISITS + "/" + complaint + "/documents"), 403, "FORBIDDEN");
    assertProblem(
        as("admin").get(VISITS + "/" + complaint + "/documents/" + docId + "/content"),
        403,
        "FORBIDDEN");
    assertProblem(upload("viewer", complaint, "x.pdf"), 403, "FORBIDDEN");

    String denunciation =
        createOk("reception", visit("DENUNCIATION", List.of(visitor(name, uniqueCccd(), false))));
    String denDoc = upload("reception", denunciation, fileName).jsonPath().getString("id");
    assertProblem(
        as("reception").get(VISITS + "/" + denunciation + "/documents"), 403, "FORBIDDEN");
    assertProblem(
        as("denunciation").get(VISITS + "/" + denunciation + "/documents"),
        400,
        "VALIDATION_FAILED");
    Response content =
        as("denunciation")
            .queryParam("reason", "Xác minh chữ ký trong đơn tố cáo")
            .get(VISITS + "/" + denunciation + "/documents/" + denDoc + "/content");
    assertThat(content.statusCode()).isEqualTo(200);
    assertThat(content.asByteArray()).isEqualTo(PDF);
    Response audit = as("admin").queryParam("entityId", denunciation).get("/api/v1/audit-events");
    assertThat(audit.jsonPath().getList("items.action")).contains("PROTECTED_DOCUMENT_READ");
    assertThat(as("admin").queryParam("limit", 500).get("/api/v1/audit-events").asString())
        .doesNotContain(name.split(" ")[3]);
  }
}
