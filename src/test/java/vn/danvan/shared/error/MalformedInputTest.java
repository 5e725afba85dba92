package vn.danvan.shared.error;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.HO_CHI_MINH;
import static vn.danvan.testing.Api.ORG_UNITS;
import static vn.danvan.testing.Api.PROBLEM_JSON;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertNoInternals;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed input found by probing every operation from outside: crafted cursors, U+0000, repeated
 * JSON keys, broken multipart bodies, over-long URIs and headers. Each is a 4xx problem+json with a
 * stable code, never a 500 or an empty answer.
 */
@QuarkusTest
class MalformedInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> pointers(Response response) {
    return response.jsonPath().getList("errors.pointer", String.class);
  }

  // ------------------------------------------------------------------ cursors

  /** A list, who may read it, and its tag and key count as the list itself hands them out. */
  private record Listing(
      String path, String user, String parameter, String fallbackTag, boolean textFirst) {
    Response get(String cursor) {
      return as(user).queryParam(parameter, cursor).get(path);
    }

    /** The tag of a cursor the list hands out (so that only the keys are wrong). */
    String tag() {
      Response first = as(user).queryParam("limit", 1).get(path);
      assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
      String next = first.jsonPath().getString("next");
      if (next == null) {
        return fallbackTag;
      }
      try {
        return JSON.readTree(Base64.getUrlDecoder().decode(next)).get("l").asText();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final List<Listing> LISTS =
      List.of(
          new Listing("/api/v1/audit-events", "admin", "cursor", "audit-events", false),
          new Listing("/api/v1/cases", "admin", "cursor", "cases", false),
          new Listing("/api/v1/reception-visits", "admin", "cursor", "reception-visits", false),
          new Listing("/api/v1/reception-sessions", "admin", "cursor", "reception-sessions", false),
          new Listing("/api/v1/changes", "admin", "after", "changes", false),
          new Listing(ORG_UNITS, "admin", "cursor", "org-units", true),
          new Listing("/api/v1/tasks", "admin", "cursor", "tasksdueDate", false),
          new Listing("/api/v1/directives", "admin", "cursor", "directives", false));

  private static String cursor(Object body) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> body(String tag, Object keys) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("l", tag);
    body.put("k", keys);
    return body;
  }

  /** Cursors of the right list tag whose keys are wrong in every way a caller can make them. */
  private static List<String> crafted(String tag, boolean textFirst) {
    String uuid = UUID.randomUUID().toString();
    List<String> out = new ArrayList<>();
    out.add(cursor(body(tag, List.of("x", "y"))));
    out.add(cursor(body(tag, List.of("x"))));
    out.add(cursor(body(tag, List.of())));
    out.add(cursor(body(tag, List.of("2026-01-01", uuid, "3"))));
    out.add(cursor(body(tag, Arrays.asList(null, null))));
    out.add(cursor(body(tag, Arrays.asList("2026-01-01", null))));
    out.add(cursor(body(tag, List.of(new java.math.BigInteger("9".repeat(40)), 1e300))));
    out.add(cursor(body(tag, List.of("9".repeat(40), "9".repeat(40)))));
    if (!textFirst) {
      // a date or instant far outside what PostgreSQL stores (as a name it would be valid text)
      out.add(cursor(body(tag, List.of("+999999999-12-31", uuid))));
    }
    out.add(cursor(body(tag, List.of("-5", "-1"))));
    out.add(cursor(body(tag, List.of(List.of("a"), Map.of("b", 1)))));
    out.add(cursor(body(tag, "x")));
    out.add(cursor(Map.of("l", tag)));
    out.add(cursor(Map.of("l", tag, "k", List.of("x", "y"), "z", 1)));
    out.add(cursor(List.of(tag, "x")));
    out.add(cursor("just a string"));
    out.add(cursor(body(tag, List.of("a\u0000b", "c\u0000d"))));
    out.add("!!!not-base64!!!");
    out.add(
        Base64.getUrlEncoder().encodeToString("not json at all".getBytes(StandardCharsets.UTF_8)));
    out.add(Base64.getUrlEncoder().encodeToString("{\"l\":".getBytes(StandardCharsets.UTF_8)));
    out.add("A".repeat(5000));
    return out;
  }

  @Test
  void craftedCursorsAreInvalidCursorsOnEveryList() {
    for (Listing list : LISTS) {
      String tag = list.tag();
      for (String cursor : crafted(tag, list.textFirst())) {
        Response response = list.get(cursor);
        assertThat(response.statusCode())
            .as(list.path() + " " + cursor + " → " + response.asString())
            .isEqualTo(400);
        assertProblem(response, 400, "INVALID_CURSOR");
        assertThat(pointers(response)).containsExactly("/query/" + list.parameter());
      }
    }
  }

  @Test
  void aCursorOfAnotherListIsRefused() {
    String visits = cursor(body("reception-visits", List.of("x", "y")));
    Response response = as("admin").queryParam("cursor", visits).get("/api/v1/audit-events");
    assertProblem(response, 400, "INVALID_CURSOR");
  }

  @Test
  void realCursorsStillWalk() {
    for (Listing list : LISTS) {
      Response first = as(list.user()).queryParam("limit", 1).get(list.path());
      String next = first.jsonPath().getString("next");
      if (next != null) {
        Response second = list.get(next);
        assertThat(second.statusCode()).as(list.path() + " " + second.asString()).isEqualTo(200);
      }
    }
  }

  // ------------------------------------------------------------------ U+0000

  @Test
  void nulInATaskTitleNamesTheField() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "Báo cáo\u0000");
    body.put("leadUnitId", HO_CHI_MINH);
    body.put("dueDate", "2026-12-31");
    Response response = json("admin").body(body).post("/api/v1/tasks");
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(pointers(response)).containsExactly("/title");
  }

  @Test
  void nulInAnOrgUnitNameNamesTheField() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "DEPARTMENT");
    body.put("name", "Phòng\u0000Thử");
    body.put("parentId", HO_CHI_MINH);
    Response response = json("admin").body(body).post(ORG_UNITS);
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(pointers(response)).containsExactly("/name");
  }

  @Test
  void nulInAVisitSummaryNamesTheField() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orgUnitId", "00000000-0000-4000-8004-000000026882");
    body.put("summary", "Khiếu nại\u0000");
    Response response = json("reception").body(body).post("/api/v1/reception-visits");
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(pointers(response)).containsExactly("/summary");
  }

  @Test
  void nulInsideAnArrayElementNamesTheElement() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "Văn bản");
    body.put("recipients", List.of(Map.of("name", "Nơi nhận\u0000", "purpose", "ARCHIVE")));
    Response response = json("admin").body(body).post("/api/v1/directives");
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(pointers(response)).containsExactly("/recipients/0/name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/directives", "/api/v1/tasks", ORG_UNITS, "/api/v1/cases"})
  void nulInTheSearchParameterIsRefused(String path) {
    Response response = as("admin").queryParam("q", "dân\u0000vận").get(path);
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(pointers(response)).containsExactly("/query/q");
  }

  @Test
  void nulInAPathOrHeaderIsRefused() {
    Response path = as("admin").urlEncodingEnabled(false).get(ORG_UNITS + "/a%00b");
    assertProblem(path, 400, "VALIDATION_FAILED");
    assertThat(pointers(path)).containsExactly("/path");
    Response header =
        json("admin")
            .header("Idempotency-Key", "k\u0000")
            .body(Map.of("kind", "DEPARTMENT"))
            .post(ORG_UNITS);
    assertThat(header.statusCode()).as(header.asString()).isBetween(400, 499);
    assertThat(header.contentType()).startsWith(PROBLEM_JSON);
  }

  // ------------------------------------------------------------------ duplicate keys

  @Test
  void aRepeatedKeyIsRefusedWithItsPointer() {
    Response response =
        json("admin")
            .body("{\"kind\":\"DEPARTMENT\",\"name\":\"Phòng\",\"name\":null}")
            .post(ORG_UNITS);
    assertProblem(response, 400, "DUPLICATE_KEY");
    assertThat(pointers(response)).containsExactly("/name");
  }

  @Test
  void aRepeatedKeyInANestedObjectIsRefusedWithItsPointer() {
    Response response =
        json("admin")
            .body(
                "{\"title\":\"Văn bản\",\"recipients\":[{\"name\":\"A\",\"purpose\":\"ARCHIVE\","
                    + "\"purpose\":null}]}")
            .post("/api/v1/directives");
    assertProblem(response, 400, "DUPLICATE_KEY");
    assertThat(pointers(response)).containsExactly("/recipients/0/purpose");
  }

  @Test
  void aRepeatedPercentOfAProgressUpdateIsRefused() {
    Response response =
        json("admin")
            .body("{\"percent\":5,\"percent\":null,\"note\":\"x\"}")
            .post("/api/v1/tasks/" + UUID.randomUUID() + "/progress-updates");
    assertProblem(response, 400, "DUPLICATE_KEY");
    assertThat(pointers(response)).containsExactly("/percent");
  }

  // ------------------------------------------------------------------ JSON bounds

  @Test
  void aHugeArrayFailsWhileItIsRead() {
    // far above maxItems (50) and above the parser's token bound: refused while it is read
    StringBuilder body = new StringBuilder("{\"officials\":[");
    for (int i = 0; i < 1_100_000; i++) {
      body.append(i == 0 ? "\"a\"" : ",\"a\"");
    }
    body.append("]}");
    long started = System.nanoTime();
    Response response = json("admin").body(body.toString()).post("/api/v1/reception-sessions");
    long ms = (System.nanoTime() - started) / 1_000_000;
    assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
    System.out.printf("1.1 million-element array refused in %d ms%n", ms);
  }

  @Test
  void anArrayAboveItsMaxItemsNamesTheArray() {
    List<String> officials = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      officials.add("Cán bộ " + i);
    }
    Response response =
        json("admin").body(Map.of("officials", officials)).post("/api/v1/reception-sessions");
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(pointers(response)).contains("/officials");
  }

  // ------------------------------------------------------------------ multipart

  private static String directiveId() {
    return as("admin")
        .queryParam("limit", 1)
        .get("/api/v1/directives")
        .jsonPath()
        .getString("items[0].id");
  }

  private static final String BOUNDARY = "danvan-boundary-7MA4YWxkTrZu0gW";

  private static List<String> uploadPaths() {
    return List.of(
        "/api/v1/directives/" + directiveId() + "/attachments",
        "/api/v1/tasks/"
            + UUID.randomUUID()
            + "/progress-updates/"
            + UUID.randomUUID()
            + "/evidence",
        "/api/v1/reception-visits/" + UUID.randomUUID() + "/documents");
  }

  private static Response multipart(String path, String contentType, String body) {
    return as("admin")
        .contentType(contentType)
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post(path);
  }

  @Test
  void brokenMultipartBodiesAreClientErrors() {
    String pdfPart =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n";
    Map<String, String[]> cases = new LinkedHashMap<>();
    String form = "multipart/form-data; boundary=" + BOUNDARY;
    cases.put(
        "wrong boundary",
        new String[] {"multipart/form-data; boundary=other", pdfPart + "--" + BOUNDARY + "--\r\n"});
    cases.put("truncated", new String[] {form, pdfPart.substring(0, 60)});
    cases.put("no parts", new String[] {form, "--" + BOUNDARY + "--\r\n"});
    cases.put("empty body", new String[] {form, ""});
    cases.put("no boundary", new String[] {"multipart/form-data", pdfPart});
    cases.put(
        "text instead of a file",
        new String[] {
          form,
          "--"
              + BOUNDARY
              + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\njust text\r\n--"
              + BOUNDARY
              + "--\r\n"
        });
    cases.put("plain text", new String[] {"text/plain", "hello"});
    for (String path : uploadPaths()) {
      for (Map.Entry<String, String[]> c : cases.entrySet()) {
        Response response = multipart(path, c.getValue()[0], c.getValue()[1]);
        String what = path + " " + c.getKey() + " → " + response.statusCode() + response.asString();
        assertThat(response.statusCode()).as(what).isBetween(400, 499);
        assertThat(response.contentType()).as(what).startsWith(PROBLEM_JSON);
        assertNoInternals(response.asString());
      }
    }
  }

  @Test
  void aMultipartWithoutAFileNamesTheFilePart() {
    String path = "/api/v1/directives/" + directiveId() + "/attachments";
    Response response =
        multipart(path, "multipart/form-data; boundary=" + BOUNDARY, "--" + BOUNDARY + "--\r\n");
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(pointers(response)).containsExactly("/file");
  }

  @Test
  void nulInAMultipartDescriptionIsRefused() {
    String path = "/api/v1/directives/" + directiveId() + "/attachments";
    Response response =
        as("admin")
            .multiPart("file", "a.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8))
            .multiPart("description", "mô tả\u0000")
            .post(path);
    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(pointers(response)).containsExactly("/description");
  }

  // ------------------------------------------------------------------ 413, 414, 431

  @Test
  void aDeclaredBodyAboveTheLimitIsAProblem() throws IOException {
    String answer =
        raw(
            "POST /api/v1/org-units HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 999999999\r\n\r\n{");
    assertThat(answer).startsWith("HTTP/1.1 413");
    assertThat(answer).contains(PROBLEM_JSON).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
  }

  @Test
  void aStreamedBodyAboveTheLimitIsAProblem() throws IOException {
    // chunked: no Content-Length to refuse up front, the body grows past 25 MB while it streams
    byte[] chunk = new byte[1024 * 1024];
    Arrays.fill(chunk, (byte) ' ');
    try (Socket socket = new Socket("localhost", port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/org-units HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                  + basic("admin")
                  + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      try {
        for (int i = 0; i < 30; i++) {
          out.write(
              (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException closedEarly) {
        // the server may answer and close before the whole body is sent
      }
      String answer = read(socket.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 413");
      assertThat(answer).contains(PROBLEM_JSON).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }
  }

  @Test
  void aVeryLongUriIsAProblem() {
    Response response = as("admin").queryParam("q", "a".repeat(20_000)).get(ORG_UNITS);
    assertProblem(response, 414, "URI_TOO_LONG");
  }

  @Test
  void hugeHeadersAreAProblem() {
    Response response =
        as("admin")
            .header("X-Padding-1", "a".repeat(15_000))
            .header("X-Padding-2", "b".repeat(15_000))
            .get(ORG_UNITS);
    assertProblem(response, 431, "HEADERS_TOO_LARGE");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/tasks?q=%zz",
        "/api/v1/tasks?cursor=%E0%A4%A",
        "/api/v1/org-units?q=abc%",
        "/api/v1/directives?q=ok&%zz=1",
        "/api/v1/tasks?q=a|b",
        "/api/v1/tasks/%zz"
      })
  void anUndecodableQueryStringIsAProblem(String target) throws IOException {
    // a raw request: an HTTP client would re-encode the query
    String answer =
        raw(
            "GET "
                + target
                + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                + basic("admin")
                + "\r\nConnection: close\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer).contains(PROBLEM_JSON).contains("\"code\":\"MALFORMED_URI\"");
  }

  @Test
  void aDecodableQueryStringStillWorks() throws IOException {
    String answer =
        raw(
            "GET /api/v1/org-units?q=H%E1%BB%93%20Ch%C3%AD%20Minh&limit=1 HTTP/1.1\r\nHost:"
                + " localhost\r\nAuthorization: Basic "
                + basic("admin")
                + "\r\nConnection: close\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 200");
  }

  private static int port() {
    return io.restassured.RestAssured.port;
  }

  private static String basic(String user) {
    return Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  private static String raw(String request) throws IOException {
    try (Socket socket = new Socket("localhost", port())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return read(socket.getInputStream());
    }
  }

  private static String read(InputStream in) throws IOException {
    byte[] buffer = new byte[65536];
    StringBuilder sb = new StringBuilder();
    int n;
    try {
      while ((n = in.read(buffer)) > 0) {
        sb.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        if (sb.indexOf("\r\n\r\n") > 0
            && sb.toString().contains("\"code\"")
            && sb.toString().trim().endsWith("}")) {
          break;
        }
      }
    } catch (java.net.SocketException e) {
      // reset after the answer
    }
    return sb.toString();
  }
}
