package vn.danvan.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.Api;

/** Bulk imports over real HTTP: formats, modes, dry runs, background jobs, idempotency, access. */
@QuarkusTest
class ImportApiTest {

  static final String IMPORTS = "/api/v1/imports";
  static final String CALENDAR = "/api/v1/calendar/days/";

  /** Weekdays of a far year no other test lists, distinct within this class. */
  static List<LocalDate> weekdays(int n) {
    List<LocalDate> days = new ArrayList<>();
    LocalDate d =
        // the 2060s and 2070s: the feed's tests write days in the 2090s, and CalendarApiTest
        // expects 2085 to be empty
        LocalDate.of(2060 + ThreadLocalRandom.current().nextInt(20), 1, 1)
            .plusDays(ThreadLocalRandom.current().nextInt(300));
    while (days.size() < n) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        days.add(d);
      }
      d = d.plusDays(1);
    }
    return days;
  }

  static String day(LocalDate date, String kind, String name) {
    return "{\"date\":\""
        + date
        + "\",\"kind\":\""
        + kind
        + "\",\"name\":\""
        + name
        + "\",\"legalBasis\":\"Bộ luật Lao động 2019, Điều 112\"}";
  }

  static Response post(String user, String type, String query, String contentType, String body) {
    return as(user)
        .contentType(contentType)
        .accept("application/json")
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post(IMPORTS + "?type=" + type + (query.isEmpty() ? "" : "&" + query))
        .then()
        .extract()
        .response();
  }

  static JsonPath ok(Response r) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath();
  }

  static int status(String date) {
    return as("admin").get(CALENDAR + date).statusCode();
  }

  static JsonPath poll(String user, String location, String status) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      JsonPath job = as(user).get(location).then().statusCode(200).extract().jsonPath();
      if (status.equals(job.getString("status"))) {
        return job;
      }
      assertThat(job.getString("status")).isIn("QUEUED", "RUNNING");
      Thread.sleep(100);
    }
    throw new AssertionError("import did not reach " + status);
  }

  // ------------------------------------------------------------------ formats

  @Test
  void aJsonArrayIsImportedAuditedAndInTheFeed() {
    List<LocalDate> days = weekdays(3);
    String body =
        "["
            + day(days.get(0), "HOLIDAY", "Ngày nhập 1")
            + ","
            + day(days.get(1), "HOLIDAY", "Ngày nhập 2")
            + ","
            + day(days.get(2), "COMPENSATORY_DAY_OFF", "Nghỉ bù")
            + "]";
    JsonPath job = ok(post("admin", "CALENDAR_DAY", "", "application/json", body));
    assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
    assertThat(job.getInt("total")).isEqualTo(3);
    assertThat(job.getInt("created")).isEqualTo(3);
    assertThat(job.getList("results.outcome")).containsOnly("CREATED");
    assertThat(job.getList("results.index")).containsExactly(0, 1, 2);
    String id = job.getString("results[0].id");
    assertThat(status(days.get(0).toString())).isEqualTo(200);
    assertThat(Api.feedEntries("CALENDAR_DAY", id)).isNotEmpty();
    // the import itself is audited
    assertThat(
            as("admin")
                .queryParam("entityId", job.getString("id"))
                .get("/api/v1/audit-events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.action"))
        .contains("CREATE", "FINISH");

    // again: unchanged; with another name: updated
    JsonPath again = ok(post("admin", "CALENDAR_DAY", "", "application/json", body));
    assertThat(again.getInt("unchanged")).isEqualTo(3);
    JsonPath renamed =
        ok(
            post(
                "admin",
                "CALENDAR_DAY",
                "",
                "application/json",
                "[" + day(days.get(0), "HOLIDAY", "Ngày nhập 1 (sửa)") + "]"));
    assertThat(renamed.getString("results[0].outcome")).isEqualTo("UPDATED");
  }

  @Test
  void ndjsonAndCsvWithBomAreImported() {
    List<LocalDate> days = weekdays(4);
    String ndjson =
        day(days.get(0), "HOLIDAY", "Một") + "\n\n" + day(days.get(1), "HOLIDAY", "Hai") + "\n";
    JsonPath first = ok(post("admin", "CALENDAR_DAY", "", "application/x-ndjson", ndjson));
    assertThat(first.getInt("created")).isEqualTo(2);

    String csv =
        "\uFEFFNgày,Loại ngày,Tên ngày,Căn cứ\r\n"
            + days.get(2)
            + ",HOLIDAY,\"Tết, ngày 1\",Bộ luật Lao động 2019\r\n"
            + days.get(3)
            + ",HOLIDAY,Tết ngày 2,\"Thông báo \"\"số 1\"\"\"\r\n";
    JsonPath second = ok(post("admin", "CALENDAR_DAY", "", "text/csv", csv));
    assertThat(second.getInt("created")).as(second.prettify()).isEqualTo(2);
    JsonPath stored =
        as("admin").get(CALENDAR + days.get(3)).then().statusCode(200).extract().jsonPath();
    assertThat(stored.getString("legalBasis")).isEqualTo("Thông báo \"số 1\"");
    assertThat(
            as("admin")
                .get(CALENDAR + days.get(2))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("name"))
        .isEqualTo("Tết, ngày 1");

    // an unknown header is refused with its position and the expected headers
    Response bad = post("admin", "CALENDAR_DAY", "", "text/csv", "Ngày,Không có\n2070-01-01,x\n");
    assertProblem(bad, 400, "MALFORMED_IMPORT");
    assertThat(bad.jsonPath().getString("errors[0].pointer")).isEqualTo("/header/1");
    assertThat(bad.jsonPath().getString("errors[0].detail")).contains("Loại ngày");
  }

  // ------------------------------------------------------------------ PER_ITEM, ATOMIC, dry run

  @Test
  void perItemReportsEachBadItemWithItsPointerAndWritesTheRest() {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < 40; i++) {
      String item =
          switch (i) {
            case 17 -> "{\"key\":\"k17\",\"title\":\"\"}";
            case 20 -> "{\"key\":\"k20\",\"title\":\"throw\"}";
            case 22 -> "{\"key\":\"k22\",\"title\":\"refuse\"}";
            case 25 -> "{\"key\":\"k25\",\"title\":\"a\",\"title\":\"b\"}";
            case 30 -> "{\"key\":\"k30\",\"title\":\"a\\u0000b\"}";
            case 33 -> "{\"key\":\"k33\",\"title\":{\"x\":1}}";
            case 35 -> "[1,2]";
            default -> "{\"key\":\"k" + i + "\",\"title\":\"Nhiệm vụ " + i + "\"}";
          };
      body.append(i == 0 ? "" : ",").append(item);
    }
    body.append("]");
    JsonPath job =
        ok(post("ward-officer", "TEST_ECHO", "mode=PER_ITEM", "application/json", body.toString()));
    assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
    assertThat(job.getInt("errors")).isEqualTo(7);
    assertThat(job.getInt("created")).isEqualTo(33);

    // the errors, two a page
    List<String> pointers = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < 10; page++) {
      var request = as("ward-officer").queryParam("status", "ERROR").queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath p =
          request
              .get(IMPORTS + "/" + job.getString("id") + "/results")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      pointers.addAll(p.getList("items.collect { it.errors[0].pointer }"));
      codes.addAll(p.getList("items.code"));
      assertThat(p.getList("items.outcome")).containsOnly("ERROR");
      cursor = p.getString("next");
      if (cursor == null) {
        break;
      }
    }
    assertThat(pointers)
        .containsExactly(
            "/items/17/title",
            "/items/20/title",
            "/items/22",
            "/items/25/title",
            "/items/30/title",
            "/items/33/title",
            "/items/35");
    assertThat(codes.get(2)).isEqualTo("FORBIDDEN");

    // all results, by index
    JsonPath all =
        as("ward-officer")
            .queryParam("limit", 500)
            .get(IMPORTS + "/" + job.getString("id") + "/results")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(all.getList("items")).hasSize(40);
    assertThat(all.getString("items[0].id"))
        .isEqualTo(UUID.nameUUIDFromBytes("k0".getBytes(StandardCharsets.UTF_8)).toString());
  }

  @Test
  void perItemIsolatesAFailingItemOfTheCalendar() {
    List<LocalDate> days = weekdays(3);
    String body =
        "["
            + day(days.get(0), "HOLIDAY", "Một")
            + ","
            + day(days.get(1), "SWAPPED_WORKING_DAY", "Làm bù ngày thường")
            + ","
            + day(days.get(2), "HOLIDAY", "Ba")
            + "]";
    JsonPath job = ok(post("admin", "CALENDAR_DAY", "", "application/json", body));
    assertThat(job.getInt("created")).isEqualTo(2);
    assertThat(job.getString("results[1].outcome")).isEqualTo("ERROR");
    assertThat(job.getString("results[1].errors[0].pointer")).isEqualTo("/items/1/kind");
    assertThat(status(days.get(0).toString())).isEqualTo(200);
    assertThat(status(days.get(1).toString())).isEqualTo(404);
    assertThat(status(days.get(2).toString())).isEqualTo(200);
  }

  @Test
  void atomicWithOneBadItemWritesNothing() {
    List<LocalDate> days = weekdays(3);
    // a failure of the service (the batch throws)
    String body =
        "["
            + day(days.get(0), "HOLIDAY", "Một")
            + ","
            + day(days.get(1), "SWAPPED_WORKING_DAY", "Làm bù ngày thường")
            + ","
            + day(days.get(2), "HOLIDAY", "Ba")
            + "]";
    JsonPath job = ok(post("admin", "CALENDAR_DAY", "mode=ATOMIC", "application/json", body));
    assertThat(job.getString("status")).isEqualTo("FAILED");
    assertThat(job.getString("failureCode")).isEqualTo("ITEMS_INVALID");
    assertThat(job.getInt("created")).isZero();
    assertThat(job.getInt("errors")).isEqualTo(1);
    assertThat(job.getList("results.index")).containsExactly(1);
    assertThat(job.getString("results[0].errors[0].pointer")).isEqualTo("/items/1/kind");
    for (LocalDate d : days) {
      assertThat(status(d.toString())).isEqualTo(404);
    }

    // an item that does not validate: nothing is even tried
    String invalid =
        "[" + day(days.get(0), "HOLIDAY", "Một") + ",{\"date\":\"" + days.get(2) + "\"}]";
    JsonPath second = ok(post("admin", "CALENDAR_DAY", "mode=ATOMIC", "application/json", invalid));
    assertThat(second.getString("status")).isEqualTo("FAILED");
    assertThat(second.getList("results.errors.flatten().pointer"))
        .contains("/items/1/kind", "/items/1/name", "/items/1/legalBasis");
    assertThat(status(days.get(0).toString())).isEqualTo(404);

    // the same items, all valid: all written
    String good =
        "[" + day(days.get(0), "HOLIDAY", "Một") + "," + day(days.get(2), "HOLIDAY", "Ba") + "]";
    JsonPath third = ok(post("admin", "CALENDAR_DAY", "mode=ATOMIC", "application/json", good));
    assertThat(third.getString("status")).isEqualTo("SUCCEEDED");
    assertThat(third.getInt("created")).isEqualTo(2);
    assertThat(status(days.get(2).toString())).isEqualTo(200);
  }

  @Test
  void aDryRunWritesNothingButSaysWhatWouldHappen() {
    List<LocalDate> days = weekdays(2);
    String body =
        "[" + day(days.get(0), "HOLIDAY", "Một") + "," + day(days.get(1), "HOLIDAY", "Hai") + "]";
    for (String mode : List.of("PER_ITEM", "ATOMIC")) {
      JsonPath job =
          ok(post("admin", "CALENDAR_DAY", "dryRun=true&mode=" + mode, "application/json", body));
      assertThat(job.getBoolean("dryRun")).isTrue();
      assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
      assertThat(job.getList("results.outcome")).containsExactly("CREATED", "CREATED");
      assertThat(status(days.get(0).toString())).isEqualTo(404);
      assertThat(status(days.get(1).toString())).isEqualTo(404);
    }
  }

  @Test
  void theTargetsRulesDecideWhatEachItemMayDo() {
    List<LocalDate> days = weekdays(1);
    JsonPath job =
        ok(
            post(
                "hcm-manager",
                "CALENDAR_DAY",
                "",
                "application/json",
                "[" + day(days.get(0), "HOLIDAY", "Một") + "]"));
    assertThat(job.getString("results[0].code")).isEqualTo("FORBIDDEN");
    assertThat(status(days.get(0).toString())).isEqualTo(404);
  }

  // ------------------------------------------------------------------ background, cancel

  static String echo(int n, String extra) {
    StringBuilder b = new StringBuilder(n * 40);
    for (int i = 0; i < n; i++) {
      b.append("{\"key\":\"k")
          .append(i)
          .append("\",\"title\":\"Mục ")
          .append(i)
          .append('"')
          .append(extra)
          .append("}\n");
    }
    return b.toString();
  }

  @Test
  void aLargeImportRunsInTheBackgroundAndIsPolled() throws InterruptedException {
    Response accepted =
        post("integration", "TEST_ECHO", "", "application/x-ndjson", echo(2_500, ""));
    assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
    String location = accepted.getHeader("Location");
    assertThat(location).endsWith(IMPORTS + "/" + accepted.jsonPath().getString("id"));
    assertThat(accepted.jsonPath().getString("status")).isIn("QUEUED", "RUNNING");
    assertThat(accepted.jsonPath().getBoolean("async")).isTrue();
    JsonPath done = poll("integration", location, "SUCCEEDED");
    assertThat(done.getInt("created")).isEqualTo(2_500);
    assertThat(done.getInt("processed")).isEqualTo(2_500);
    assertThat(done.getString("finishedAt")).isNotNull();
    JsonPath page =
        as("integration")
            .queryParam("limit", 500)
            .get(location + "/results")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(page.getList("items")).hasSize(500);
    JsonPath next =
        as("integration")
            .queryParam("limit", 500)
            .queryParam("cursor", page.getString("next"))
            .get(location + "/results")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(next.getInt("items[0].index")).isEqualTo(500);

    // Prefer: respond-async for a small one
    Response small =
        as("integration")
            .contentType("application/x-ndjson")
            .header("Prefer", "respond-async")
            .body(echo(3, "").getBytes(StandardCharsets.UTF_8))
            .post(IMPORTS + "?type=TEST_ECHO");
    assertThat(small.statusCode()).isEqualTo(202);
    assertThat(small.getHeader("Preference-Applied")).isEqualTo("respond-async");
    poll("integration", small.getHeader("Location"), "SUCCEEDED");
  }

  @Test
  void anImportIsCancelledAtABatchBoundary() throws InterruptedException {
    Response accepted =
        post(
            "integration",
            "TEST_ECHO",
            "",
            "application/x-ndjson",
            echo(20_000, ",\"delayMs\":200"));
    assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
    String location = accepted.getHeader("Location");
    poll("integration", location, "RUNNING");
    JsonPath cancelled =
        as("integration").post(location + "/cancel").then().statusCode(200).extract().jsonPath();
    assertThat(cancelled.getBoolean("cancelRequested")).isTrue();
    JsonPath done = poll("integration", location, "CANCELLED");
    assertThat(done.getInt("processed")).isLessThan(20_000);
    // an ended import cannot be cancelled
    assertProblem(as("integration").post(location + "/cancel"), 409, "ILLEGAL_TRANSITION");
  }

  // ------------------------------------------------------------------ idempotency, access

  @Test
  void aRetryWithTheSameKeyReturnsTheSameImport() {
    String key = UUID.randomUUID().toString();
    String body = echo(5, "");
    Response first =
        as("ward-officer")
            .contentType("application/x-ndjson")
            .header("Idempotency-Key", key)
            .body(body.getBytes(StandardCharsets.UTF_8))
            .post(IMPORTS + "?type=TEST_ECHO");
    assertThat(first.statusCode()).isEqualTo(200);
    Response again =
        as("ward-officer")
            .contentType("application/x-ndjson")
            .header("Idempotency-Key", key)
            .body(body.getBytes(StandardCharsets.UTF_8))
            .post(IMPORTS + "?type=TEST_ECHO");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.getHeader("Idempotency-Replayed")).isEqualTo("true");
    assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
    assertThat(again.jsonPath().getList("results")).hasSize(5);
    Response other =
        as("ward-officer")
            .contentType("application/x-ndjson")
            .header("Idempotency-Key", key)
            .body(echo(6, "").getBytes(StandardCharsets.UTF_8))
            .post(IMPORTS + "?type=TEST_ECHO");
    assertProblem(other, 422, "IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void onlyTheCallerAndAdminsSeeAnImport() {
    JsonPath job = ok(post("ward-officer", "TEST_ECHO", "", "application/x-ndjson", echo(2, "")));
    String path = IMPORTS + "/" + job.getString("id");
    assertProblem(as("hcm-manager").get(path), 404, "NOT_FOUND");
    assertProblem(as("hcm-manager").get(path + "/results"), 404, "NOT_FOUND");
    assertProblem(as("hcm-manager").post(path + "/cancel"), 404, "NOT_FOUND");
    as("admin").get(path).then().statusCode(200);
    as("ward-officer").get(path).then().statusCode(200);
    assertProblem(
        post("viewer", "TEST_ECHO", "", "application/x-ndjson", echo(1, "")), 403, "FORBIDDEN");
  }

  // ------------------------------------------------------------------ refused requests

  @Test
  void badRequestsAreClearProblems() {
    Response unknown = post("admin", "NO_SUCH", "", "application/json", "[{}]");
    assertProblem(unknown, 400, "UNKNOWN_IMPORT_TYPE");
    assertThat(unknown.jsonPath().getString("detail"))
        .contains("CALENDAR_DAY")
        .contains("TEST_ECHO");
    assertThat(unknown.jsonPath().getString("errors[0].pointer")).isEqualTo("/query/type");

    assertProblem(post("admin", "TEST_ECHO", "", "text/plain", "x"), 415, "UNSUPPORTED_MEDIA_TYPE");
    assertProblem(
        post("admin", "TEST_ECHO", "", "text/csv", "a,b\n1,2\n"), 415, "IMPORT_CSV_NOT_SUPPORTED");
    assertProblem(post("admin", "TEST_ECHO", "", "application/json", ""), 400, "IMPORT_EMPTY");
    assertProblem(post("admin", "TEST_ECHO", "", "application/json", "[]"), 400, "IMPORT_EMPTY");
    assertProblem(
        post("admin", "TEST_ECHO", "", "application/x-ndjson", "\n\n"), 400, "IMPORT_EMPTY");
    assertProblem(post("admin", "CALENDAR_DAY", "", "text/csv", ""), 400, "IMPORT_EMPTY");
    Response notArray = post("admin", "TEST_ECHO", "", "application/json", "{\"key\":\"a\"}");
    assertProblem(notArray, 400, "MALFORMED_IMPORT");
    Response broken =
        post(
            "admin",
            "TEST_ECHO",
            "",
            "application/json",
            "[{\"key\":\"a\",\"title\":\"b\"},{\"key\":");
    assertProblem(broken, 400, "MALFORMED_IMPORT");
    assertThat(broken.jsonPath().getString("errors[0].pointer")).isEqualTo("/items/1");
    assertProblem(
        post("admin", "TEST_ECHO", "mode=SOMETIMES", "application/json", "[{}]"),
        400,
        "INVALID_PARAMETER");
    Response key =
        as("admin")
            .contentType("application/json")
            .header("Idempotency-Key", "")
            .body("[{}]")
            .post(IMPORTS + "?type=TEST_ECHO");
    assertProblem(key, 400, "INVALID_IDEMPOTENCY_KEY");
  }

  @Test
  void moreThan100000ItemsAreRefused() {
    Response r = post("admin", "TEST_ECHO", "", "application/x-ndjson", echo(100_001, ""));
    assertProblem(r, 413, "TOO_MANY_ITEMS");
    assertThat(r.jsonPath().getString("detail")).contains("100.000");
  }

  /**
   * 100,000 items streamed (chunked, generated on the fly) into a background import: the heap used
   * while it spools and runs stays far below the body's size times any factor, and the job ends
   * SUCCEEDED. Prints the figures (heap, time, items/s).
   */
  @Test
  void aHundredThousandItemImportRunsInBoundedMemory() throws Exception {
    int n = 100_000;
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    // heap used as sampled, and the live heap (used right after a forced collection)
    long[] peak = {before, before};
    Thread sampler =
        new Thread(
            () -> {
              for (int tick = 0; !Thread.currentThread().isInterrupted(); tick++) {
                peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
                if (tick % 25 == 0) {
                  System.gc();
                  peak[1] = Math.max(peak[1], rt.totalMemory() - rt.freeMemory());
                }
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    java.io.InputStream body = new Items(n);
    long start = System.nanoTime();
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            io.restassured.RestAssured.baseURI
                                + ":"
                                + io.restassured.RestAssured.port
                                + IMPORTS
                                + "?type=TEST_ECHO"))
                    .header("Content-Type", "application/x-ndjson")
                    .header(
                        "Authorization",
                        "Basic "
                            + java.util.Base64.getEncoder()
                                .encodeToString(
                                    "integration:integration".getBytes(StandardCharsets.UTF_8)))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> body))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    long spooled = System.nanoTime();
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    String location = response.headers().firstValue("Location").orElseThrow();
    JsonPath done = poll("integration", location, "SUCCEEDED");
    long end = System.nanoTime();
    sampler.interrupt();
    assertThat(done.getInt("created")).isEqualTo(n);
    long mb = 1024 * 1024;
    System.out.printf(
        "IMPORT 100k: heap used before %d MB, peak sampled %d MB, peak live (after GC) %d MB"
            + " (max heap %d MB); body spooled in %d ms, total %d ms, %.0f items/s%n",
        before / mb,
        peak[0] / mb,
        peak[1] / mb,
        rt.maxMemory() / mb,
        (spooled - start) / 1_000_000,
        (end - start) / 1_000_000,
        n / ((end - start) / 1e9));
    // the body is about 5 MB; a buffered body plus 100,000 bound items would be far more
    assertThat(peak[1] - before).isLessThan(256 * mb);
  }

  /** NDJSON items generated on the fly, in full buffers (no item is held beyond its line). */
  static final class Items extends java.io.InputStream {
    final int n;
    int i;
    byte[] line = new byte[0];
    int at;

    Items(int n) {
      this.n = n;
    }

    private boolean more() {
      if (at < line.length) {
        return true;
      }
      if (i >= n) {
        return false;
      }
      line =
          ("{\"key\":\"big-" + i + "\",\"title\":\"Nhiệm vụ nhập số " + i++ + "\"}\n")
              .getBytes(StandardCharsets.UTF_8);
      at = 0;
      return true;
    }

    @Override
    public int read() {
      return more() ? line[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int done = 0;
      while (done < len && more()) {
        int k = Math.min(len - done, line.length - at);
        System.arraycopy(line, at, b, off + done, k);
        at += k;
        done += k;
      }
      return done == 0 && len > 0 ? -1 : done;
    }
  }
}
