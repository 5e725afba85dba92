package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.directive.DirectiveFixtures.BASE;
import static vn.danvan.directive.DirectiveFixtures.HCM;
import static vn.danvan.directive.DirectiveFixtures.create;
import static vn.danvan.directive.DirectiveFixtures.doc;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.danvan.demo.DemoDirectives;
import vn.danvan.testing.Api;

/** Attachments of a document: sniffed type, size limit, hash, download, roles and scope. */
@QuarkusTest
class DirectiveAttachmentTest {

  static final byte[] PDF =
      "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
          .getBytes(StandardCharsets.US_ASCII);

  String id;

  @BeforeEach
  void draft() {
    id =
        create(
                "hcm-manager",
                doc(
                    "KE_HOACH",
                    null,
                    "KH-UBND",
                    HCM,
                    null,
                    Api.unique("Kế hoạch có phụ lục"),
                    Map.of()))
            .jsonPath()
            .getString("id");
  }

  @Test
  void theTypeComesFromTheContentAndTheHashIsKept() throws Exception {
    // declared as an image: it is a PDF, and is stored as one
    // as a browser sends it: the file name in UTF-8, the type the client guessed
    java.net.http.HttpResponse<String> sent =
        upload("Kế hoạch 847 bản ký.pdf", "image/png", PDF, "Bản scan văn bản đã ký, đóng dấu");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    JsonPath uploadedJson = new JsonPath(sent.body());
    assertThat(uploadedJson.getString("mediaType")).isEqualTo("application/pdf");
    assertThat(uploadedJson.getString("fileName")).isEqualTo("Kế hoạch 847 bản ký.pdf");
    assertThat(uploadedJson.getLong("sizeBytes")).isEqualTo(PDF.length);
    assertThat(uploadedJson.getString("sha256")).isEqualTo(sha256(PDF));
    assertThat(uploadedJson.getString("description")).isEqualTo("Bản scan văn bản đã ký, đóng dấu");
    assertThat(uploadedJson.getString("createdBy")).isEqualTo("hcm-manager");
    String location = sent.headers().firstValue("Location").orElseThrow();
    assertThat(location).endsWith("/content");

    Response docx =
        as("hcm-manager")
            .multiPart("file", "../../phu-luc.docx", docx(), "application/octet-stream")
            .post(BASE + "/" + id + "/attachments");
    assertThat(docx.statusCode()).as(docx.asString()).isEqualTo(201);
    assertThat(docx.jsonPath().getString("mediaType"))
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(docx.jsonPath().getString("fileName")).isEqualTo("phu-luc.docx");

    Response list = json("viewer").get(BASE + "/" + DemoDirectives.CT_33_TTG + "/attachments");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(
            json("hcm-manager")
                .get(BASE + "/" + id + "/attachments")
                .jsonPath()
                .getList("items.fileName"))
        .containsExactly("Kế hoạch 847 bản ký.pdf", "phu-luc.docx");

    Response content = as("auditor").get(location);
    assertThat(content.statusCode()).isEqualTo(200);
    assertThat(content.contentType()).isEqualTo("application/pdf");
    assertThat(content.asByteArray()).isEqualTo(PDF);
    assertThat(content.header("ETag")).isEqualTo("\"" + sha256(PDF) + "\"");
    assertThat(content.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(content.header("Content-Disposition"))
        .startsWith("attachment;")
        .contains("filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch");

    // the upload is in the audit trail, without the bytes
    Response trail =
        json("auditor")
            .queryParam("entityType", "ATTACHMENT")
            .queryParam("entityId", uploadedJson.getString("id"))
            .get("/api/v1/audit-events");
    assertThat(trail.statusCode()).as(trail.asString()).isEqualTo(200);
    assertThat(trail.asString()).contains(sha256(PDF)).doesNotContain("%PDF");
  }

  @Test
  void whatIsNotADocumentOrAnImageIsRefused() throws Exception {
    Response script =
        as("hcm-manager")
            .multiPart(
                "file", "ke-hoach.pdf", "#!/bin/sh\nrm -rf /\n".getBytes(), "application/pdf")
            .post(BASE + "/" + id + "/attachments");
    assertProblem(script, 415, "ATTACHMENT_TYPE_NOT_ALLOWED");
    // a ZIP that is not an Office document
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("payload.exe"));
      zip.write(new byte[] {'M', 'Z'});
      zip.closeEntry();
    }
    assertProblem(
        as("hcm-manager")
            .multiPart("file", "phu-luc.docx", bytes.toByteArray(), "application/msword")
            .post(BASE + "/" + id + "/attachments"),
        415,
        "ATTACHMENT_TYPE_NOT_ALLOWED");
    assertProblem(
        as("hcm-manager")
            .multiPart("file", "rong.pdf", new byte[0], "application/pdf")
            .post(BASE + "/" + id + "/attachments"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        as("hcm-manager")
            .multiPart("description", "không có tệp")
            .post(BASE + "/" + id + "/attachments"),
        400,
        "VALIDATION_FAILED");
    assertThat(
            json("hcm-manager").get(BASE + "/" + id + "/attachments").jsonPath().getList("items"))
        .isEmpty();
  }

  @Test
  void theSizeLimitIsTwentyMegabytes() {
    byte[] big = Arrays.copyOf(PDF, 20 * 1024 * 1024 + 1);
    Response tooBig =
        as("hcm-manager")
            .multiPart("file", "lon.pdf", big, "application/pdf")
            .post(BASE + "/" + id + "/attachments");
    assertProblem(tooBig, 413, "ATTACHMENT_TOO_LARGE");
    assertThat(tooBig.jsonPath().getString("detail")).contains("20 MB");
    byte[] limit = Arrays.copyOf(PDF, 20 * 1024 * 1024);
    Response ok =
        as("hcm-manager")
            .multiPart("file", "vua-du.pdf", limit, "application/pdf")
            .post(BASE + "/" + id + "/attachments");
    assertThat(ok.statusCode()).as(ok.asString()).isEqualTo(201);
    assertThat(ok.jsonPath().getLong("sizeBytes")).isEqualTo(limit.length);
  }

  @Test
  void rolesAndScope() {
    // a Hà Nội viewer does not see a TP HCM draft, nor its files
    assertProblem(json("viewer").get(BASE + "/" + id + "/attachments"), 404, "NOT_FOUND");
    assertProblem(
        as("viewer")
            .multiPart("file", "a.pdf", PDF, "application/pdf")
            .post(BASE + "/" + id + "/attachments"),
        403,
        "FORBIDDEN");
    String aid =
        as("hcm-manager")
            .multiPart("file", "a.pdf", PDF, "application/pdf")
            .post(BASE + "/" + id + "/attachments")
            .jsonPath()
            .getString("id");
    assertProblem(
        as("viewer").get(BASE + "/" + id + "/attachments/" + aid + "/content"), 404, "NOT_FOUND");
    // an attachment is read through its own document only
    assertProblem(
        as("hcm-manager")
            .get(BASE + "/" + DemoDirectives.KH_847_GO_VAP + "/attachments/" + aid + "/content"),
        404,
        "NOT_FOUND");
    assertProblem(
        as("hcm-manager").get(BASE + "/" + id + "/attachments/not-a-uuid/content"),
        400,
        "INVALID_PARAMETER");
  }

  /** A multipart upload written by hand, as browsers write it (UTF-8 names, raw bytes). */
  private java.net.http.HttpResponse<String> upload(
      String fileName, String declaredType, byte[] content, String description) throws Exception {
    String boundary = "----danvan" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"description\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + description
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + declaredType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(
                    "http://localhost:" + RestAssured.port + BASE + "/" + id + "/attachments"))
            .header(
                "Authorization",
                "Basic "
                    + java.util.Base64.getEncoder()
                        .encodeToString("hcm-manager:hcm-manager".getBytes()))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
      return client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }
  }

  private static byte[] docx() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(
          "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
              .getBytes());
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write("<w:document/>".getBytes());
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }
}
