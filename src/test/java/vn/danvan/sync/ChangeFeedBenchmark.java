package vn.danvan.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.persistence.OrgUnitMode;

/**
 * Not a timed test: one reader walks the change feed with {@code limit=500&include=record} over
 * HTTP through at least 100,000 seeded entries and prints changes/s (issue 12 §3: ≥ 10,000/s with
 * records), with the plans of the feed's query shapes. The entries are written in bulk straight
 * into the change log, for records that exist: by default of the types that have a record source
 * (before the features' sources, the tests' calendar days); {@code -Dfeed.bench.types=TASK,...}
 * picks others (TASK, DIRECTIVE, ORG_UNIT, RECEPTION_VISIT, RECEPTION_CASE, RECEPTION_SESSION,
 * REPORT_SUBMISSION, CALENDAR_DAY). Run with {@code ./mvnw -Pbench test
 * -Dtest=ChangeFeedBenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
class ChangeFeedBenchmark {

  private static final String CHANGES = "/api/v1/changes";
  private static final int ENTRIES = Integer.getInteger("feed.bench.entries", 120_000);
  private static final int LIMIT = 500;

  /** The records a type's entries name: table, id column, owning unit column. */
  private static final Map<String, String[]> TABLES =
      Map.of(
          "TASK", new String[] {"task", "id", "lead_unit_id"},
          "DIRECTIVE", new String[] {"directive", "id", "issuing_unit_id"},
          "ORG_UNIT", new String[] {"org_unit", "id", "id"},
          "RECEPTION_VISIT", new String[] {"reception_visit", "id", "unit_id"},
          "RECEPTION_CASE", new String[] {"reception_case", "id", "unit_id"},
          "RECEPTION_SESSION", new String[] {"reception_session", "id", "unit_id"},
          "REPORT_SUBMISSION", new String[] {"report_submission", "id", "unit_id"});

  @Inject DataSource dataSource;
  @Inject ChangeFeedRepository repository;

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (Exception e) {
      return "n/a";
    }
  }

  /** The ids of the listed calendar days (the tests' record source renders them). */
  private static List<UUID> calendarDays() {
    List<UUID> ids = new ArrayList<>();
    for (int year = 2020; year <= 2035; year++) {
      JsonPath y = as("admin").queryParam("year", year).get("/api/v1/calendar").jsonPath();
      for (String id : y.getList("items.id", String.class)) {
        ids.add(UUID.fromString(id));
      }
    }
    return ids;
  }

  /** Seeds {@code count} UPSERT entries of {@code type}, cycling over its existing records. */
  private void seed(Connection c, String type, int count) throws Exception {
    String source;
    if ("CALENDAR_DAY".equals(type)) {
      List<UUID> ids = calendarDays();
      assertThat(ids).as("listed calendar days").isNotEmpty();
      StringBuilder values = new StringBuilder();
      for (UUID id : ids) {
        values.append(values.isEmpty() ? "" : ",").append("('").append(id).append("'::uuid)");
      }
      source = "select v.id, cast(null as uuid) as unit from (values " + values + ") v(id)";
    } else {
      String[] t = TABLES.get(type);
      assertThat(t).as("a table for " + type).isNotNull();
      source = "select " + t[1] + " as id, " + t[2] + " as unit from " + t[0] + " limit 20000";
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into change_log (entity_type, entity_id, operation, entity_version, unit_id,"
                + " unit_path) select ?, r.id, 'UPSERT', g.n, r.unit, (select v.path from"
                + " org_unit_version v where v.unit_id = r.unit order by v.valid_from desc limit 1)"
                + " from (select row_number() over () - 1 as i, id, unit from ("
                + source
                + ") s) r cross join generate_series(0, ?) g(n)"
                + " where g.n * (select count(*) from ("
                + source
                + ") k) + r.i < ?"
                + " order by g.n, r.i")) {
      insert.setString(1, type);
      insert.setInt(2, count); // more rounds than needed; the where clause stops at count
      insert.setInt(3, count);
      int n = insert.executeUpdate();
      assertThat(n).isEqualTo(count);
    }
  }

  private static String head(String user, String types) {
    String after = null;
    while (true) {
      var request = as(user).queryParam("limit", LIMIT);
      if (types != null) {
        request = request.queryParam("types", types);
      }
      if (after != null) {
        request = request.queryParam("after", after);
      }
      Response r = request.get(CHANGES);
      assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
      after = r.path("next");
      if (r.jsonPath().getList("items").isEmpty()) {
        return after;
      }
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * Walks from {@code after} to an empty page as a real reader would: one keep-alive HTTP/1.1
   * connection of the JDK's client (RestAssured costs several times the server's time on pages of
   * this size), each page parsed with Jackson; returns changes, records, ms, pages, and the ms the
   * server took (time to the response's headers, summed).
   */
  private static long[] walk(String user, String types, String after, int maxPages)
      throws Exception {
    java.net.http.HttpClient client =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build();
    String auth =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    (user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String base =
        io.restassured.RestAssured.baseURI
            + ":"
            + io.restassured.RestAssured.port
            + CHANGES
            + "?limit="
            + LIMIT
            + "&include=record"
            + (types == null ? "" : "&types=" + types);
    long changes = 0;
    long records = 0;
    long server = 0;
    int pages = 0;
    String position = after;
    long t0 = System.nanoTime();
    while (pages < maxPages) {
      String uri =
          position == null
              ? base
              : base
                  + "&after="
                  + java.net.URLEncoder.encode(position, java.nio.charset.StandardCharsets.UTF_8);
      java.net.http.HttpRequest request =
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(uri))
              .header("Authorization", auth)
              .header("Accept", "application/json")
              .build();
      long sent = System.nanoTime();
      java.net.http.HttpResponse<java.io.InputStream> r =
          client.send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
      server += (System.nanoTime() - sent) / 1_000_000;
      com.fasterxml.jackson.databind.JsonNode page;
      try (java.io.InputStream body = r.body()) {
        page = JSON.readTree(body);
      }
      assertThat(r.statusCode()).as(page.toString()).isEqualTo(200);
      var items = page.get("items");
      if (items.isEmpty()) {
        break;
      }
      changes += items.size();
      for (var item : items) {
        if (item.has("record")) {
          records++;
        }
      }
      position = page.get("next").asText();
      pages++;
    }
    return new long[] {changes, records, (System.nanoTime() - t0) / 1_000_000, pages, server};
  }

  @Test
  void oneReaderWalksTheFeedWithRecords() throws Exception {
    String types = System.getProperty("feed.bench.types", "CALENDAR_DAY");
    List<String> typeList = List.of(types.split(","));
    String from = head("admin", types);
    String fromAll = head("admin", null);
    long t0 = System.nanoTime();
    try (Connection c = dataSource.getConnection()) {
      for (String type : typeList) {
        seed(c, type.strip(), ENTRIES / typeList.size());
      }
      try (Statement st = c.createStatement()) {
        st.execute("analyze change_log");
      }
    }
    long seedMs = (System.nanoTime() - t0) / 1_000_000;
    String load0 = loadAverage();

    walk("admin", types, from, 20); // warm-up
    long[] all = walk("admin", types, from, Integer.MAX_VALUE);
    long[] unfiltered = walk("admin", null, fromAll, Integer.MAX_VALUE);

    Map<String, String> table = new LinkedHashMap<>();
    table.put("seeded", ENTRIES + " entries of " + typeList + " in " + seedMs + " ms");
    table.put(
        "walk types=" + types,
        String.format(
            "%d changes (%d with record) in %d pages, %d ms: %.0f changes/s (server time %d ms:"
                + " %.0f changes/s)",
            all[0],
            all[1],
            all[3],
            all[2],
            all[0] * 1000.0 / Math.max(1, all[2]),
            all[4],
            all[0] * 1000.0 / Math.max(1, all[4])));
    table.put(
        "walk (all types)",
        String.format(
            "%d changes (%d with record) in %d pages, %d ms: %.0f changes/s (server time %d ms:"
                + " %.0f changes/s)",
            unfiltered[0],
            unfiltered[1],
            unfiltered[3],
            unfiltered[2],
            unfiltered[0] * 1000.0 / Math.max(1, unfiltered[2]),
            unfiltered[4],
            unfiltered[0] * 1000.0 / Math.max(1, unfiltered[4])));
    table.put("load average before / after", load0 + " / " + loadAverage());
    StringBuilder out = new StringBuilder("\nChange feed benchmark (limit=500, include=record)\n");
    table.forEach((k, v) -> out.append(String.format("  %-32s %s%n", k, v)));
    out.append(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(this::plans));
    System.out.println(out);
    assertThat(all[0]).isGreaterThanOrEqualTo(ENTRIES);
  }

  /** The executed plans of the feed's query shapes, on the seeded log. */
  private String plans() {
    String horizon = repository.bounds().horizon();
    UUID hcm = UUID.fromString(vn.danvan.testing.Api.HO_CHI_MINH);
    Map<String, ChangeFeedQuery> shapes = new LinkedHashMap<>();
    shapes.put("all types", new ChangeFeedQuery(List.of(), null, null));
    shapes.put("types=TASK", new ChangeFeedQuery(List.of("TASK"), null, null));
    shapes.put(
        "types=DIRECTIVE,RECEPTION_VISIT,TASK",
        new ChangeFeedQuery(List.of("DIRECTIVE", "RECEPTION_VISIT", "TASK"), null, null));
    shapes.put("orgUnitId=HCM SELECTED", new ChangeFeedQuery(List.of(), hcm, OrgUnitMode.SELECTED));
    shapes.put(
        "orgUnitId=HCM DESCENDANTS", new ChangeFeedQuery(List.of(), hcm, OrgUnitMode.DESCENDANTS));
    StringBuilder out = new StringBuilder();
    shapes.forEach(
        (name, q) -> {
          out.append("\n  plan of a first page, ").append(name).append(":\n");
          for (String line : repository.plan(horizon, null, q, null, LIMIT)) {
            out.append("    ").append(line).append('\n');
          }
        });
    out.append("\n  plan of a first page, integration's scope (roots: HCM), all types:\n");
    for (String line :
        repository.plan(
            horizon, null, new ChangeFeedQuery(List.of(), null, null), new UUID[] {hcm}, LIMIT)) {
      out.append("    ").append(line).append('\n');
    }
    return out.toString();
  }
}
