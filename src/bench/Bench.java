import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark runner (issue 15, DESIGN §10), started by {@code src/bench/run}: starts the packaged
 * application on its own embedded database, loads the national data set once ({@code
 * src/bench/load.sql}), restarts it to time the start on a loaded database, then measures each
 * scenario with wrk at 1 and 32 connections and runs the SQL the request ran (captured from the
 * server's log with its parameters, not rewritten) through pgbench in the same sitting. Writes
 * {@code target/bench/results.json} and {@code results.md}; the captured SQL and the plan of each
 * request's slowest statement go to {@code target/bench/sql/}.
 */
public class Bench {

  static final Path ROOT = Path.of("").toAbsolutePath();
  static final Path OUT = ROOT.resolve("target/bench");
  static final Path DATA = OUT.resolve("data");
  static final Path SQL_DIR = OUT.resolve("sql");
  static final String PG_BIN = "/usr/lib/postgresql/15/bin/";
  static final int HTTP = 8090;
  static final int MANAGEMENT = 9090;
  static final int DB_PORT = 55432;
  static final String DB = "postgres";
  static final String HCM = "00000000-0000-4000-8001-000000000079";
  static final String ROOT_UNIT = "00000000-0000-4000-8000-000000000000";
  /** The JVM settings of the measured application (override with BENCH_JAVA_OPTS). */
  static final String JAVA_OPTS =
      System.getenv().getOrDefault(
          "BENCH_JAVA_OPTS",
          "-Xms200m -Xmx200m -XX:+UseParallelGC -XX:MaxMetaspaceSize=192m"
              + " -XX:ReservedCodeCacheSize=96m -XX:MaxDirectMemorySize=64m -Xss512k");

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP_CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  static int seconds = 15;
  static Set<String> only = Set.of();
  static Process app;
  static final List<ObjectNode> rows = new ArrayList<>();
  static final ObjectNode result = JSON.createObjectNode();

  /** A budget: at least {@code minRps} at 32 connections, p99 under {@code maxP99Ms} there. */
  record Budget(double minRps, double maxP99Ms, String text) {
    static Budget of(double minRps, double maxP99Ms) {
      List<String> parts = new ArrayList<>();
      if (minRps > 0) {
        parts.add(String.format(Locale.ROOT, "≥ %,.0f req/s", minRps));
      }
      if (maxP99Ms > 0) {
        parts.add(String.format(Locale.ROOT, "p99 < %.0f ms", maxP99Ms));
      }
      return new Budget(minRps, maxP99Ms, parts.isEmpty() ? "—" : String.join(", ", parts));
    }
  }

  /** One HTTP request measured by wrk. */
  record Scenario(
      String name, String what, String user, String method, String path, String body, Budget budget) {}

  public static void main(String[] args) throws Exception {
    boolean reload = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> seconds = 5;
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--reload" -> reload = true;
        case "--only" -> only = Set.of(args[++i].split(","));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Files.createDirectories(SQL_DIR);
    Runtime.getRuntime().addShutdownHook(new Thread(Bench::stopApp));
    result.set("machine", machine());
    result.put("javaOptions", JAVA_OPTS);
    result.put("startedAt", Instant.now().toString());

    Path marker = OUT.resolve("data.loaded");
    if (reload || !Files.exists(marker)) {
      deleteTree(DATA);
      Files.deleteIfExists(marker);
    }
    boolean loaded = Files.exists(marker);
    startApp();
    if (!loaded) {
      load();
    }
    // the server's log in a file of its own (read to capture each request's SQL): needs a restart
    sql(
        "alter system set logging_collector = on",
        "alter system set log_destination = 'csvlog'",
        "alter system set log_directory = 'log'",
        "alter system set log_filename = 'bench.log'",
        "alter system set log_rotation_size = 0");
    counts();
    stopApp();
    startup();
    if (Runtime.version().feature() >= 25 && (only.isEmpty() || only.contains("startup-aot"))) {
      startupWithAotCache();
    }

    // the JIT compiles the framework's common paths during the first half minute after a start:
    // every read to measure is run first, so the first one measured does not pay for all of it
    List<Scenario> chosen =
        scenarios().stream().filter(s -> only.isEmpty() || only.contains(s.name())).toList();
    for (Scenario s : chosen) {
      if ("GET".equals(s.method())) {
        Path lua = OUT.resolve("wrk-" + s.name() + ".lua");
        Files.writeString(lua, luaScript(s));
        wrk(s, lua, 32, Math.min(5, seconds));
      }
    }
    for (Scenario s : chosen) {
      measure(s);
    }
    if (only.isEmpty() || only.contains("feed")) {
      feed();
    }
    if (only.isEmpty() || only.contains("import")) {
      importTasks();
    }
    if (only.isEmpty() || only.contains("assignment")) {
      assignment();
    }
    memory();
    result.set("rows", JSON.valueToTree(rows));
    result.put("finishedAt", Instant.now().toString());
    Files.writeString(
        OUT.resolve("results.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    String md = markdown();
    Files.writeString(OUT.resolve("results.md"), md);
    System.out.println();
    System.out.println(md);
    System.out.println("[bench] written: target/bench/results.json, target/bench/results.md");
  }

  // ------------------------------------------------------------------ the scenarios

  static List<Scenario> scenarios() throws SQLException {
    String overdue =
        "/api/v1/tasks?orgUnitId="
            + HCM
            + "&orgUnitMode=DESCENDANTS&state=OVERDUE&sort=dueDate&limit=50";
    String directive =
        one(
            "select d.id from directive d join directive_obligation o on o.directive_id = d.id"
                + " where d.status = 'ISSUED' and d.issuing_unit_id is not null group by d.id"
                + " order by count(*) desc, d.id limit 1");
    String regime =
        one(
            "select r.id from reporting_regime r join report_submission s on s.regime_id = r.id"
                + " group by r.id order by count(*) desc, r.id limit 1");
    String period =
        one(
            "select period from report_submission where regime_id = '"
                + regime
                + "' group by period having count(*) filter (where status = 'ACCEPTED') > 1000"
                + " order by period desc limit 1");
    List<Scenario> list = new ArrayList<>();
    list.add(new Scenario("floor-me", "framework floor: GET /api/v1/me", "admin", "GET",
        "/api/v1/me", null, Budget.of(0, 0)));
    list.add(new Scenario("overdue-admin", "overdue tasks of TP HCM's subtree, first 50, admin",
        "admin", "GET", overdue, null, Budget.of(3000, 50)));
    list.add(new Scenario("overdue-scoped", "the same as hcm-manager (scoped)", "hcm-manager",
        "GET", overdue, null, Budget.of(3000, 50)));
    list.add(new Scenario("stats-country", "four-state statistics, whole country by province",
        "admin", "GET", "/api/v1/tasks/statistics?orgUnitId=" + ROOT_UNIT + "&groupBy=CHILD_UNIT",
        null, Budget.of(0, 50)));
    list.add(new Scenario("stats-province", "four-state statistics, TP HCM by child unit",
        "hcm-manager", "GET", "/api/v1/tasks/statistics?orgUnitId=" + HCM + "&groupBy=CHILD_UNIT",
        null, Budget.of(0, 50)));
    list.add(new Scenario("reception-stats", "reception statistics, TP HCM, 2026, by unit",
        "hcm-manager", "GET", "/api/v1/reception/statistics?orgUnitId=" + HCM
            + "&orgUnitMode=DESCENDANTS&from=2026-01-01&to=2026-12-31&groupBy=UNIT",
        null, Budget.of(0, 50)));
    if (directive != null) {
      list.add(new Scenario("coverage", "directive coverage, first page of 100", "admin", "GET",
          "/api/v1/directives/" + directive + "/coverage?limit=100", null, Budget.of(0, 0)));
    }
    if (regime != null) {
      list.add(new Scenario("completeness", "report completeness of a period, whole country",
          "admin", "GET", "/api/v1/report-completeness?regimeId=" + regime + "&period=" + period,
          null, Budget.of(0, 0)));
      list.add(new Scenario("consolidation", "report consolidation of a period (POST)", "admin",
          "POST", "/api/v1/report-consolidations",
          "{\"regimeId\":\"" + regime + "\",\"period\":\"" + period + "\"}", Budget.of(0, 0)));
    }
    list.add(new Scenario("agenda-page", "agenda: TP HCM overdue, first page of 50", "hcm-manager",
        "GET", "/api/v1/agenda?orgUnitId=" + HCM
            + "&orgUnitMode=DESCENDANTS&state=OVERDUE&limit=50", null, Budget.of(0, 50)));
    list.add(new Scenario("agenda-summary", "agenda: the country's summary by province", "admin",
        "GET", "/api/v1/agenda/summary?orgUnitId=" + ROOT_UNIT + "&groupBy=CHILD_UNIT", null,
        Budget.of(0, 200)));
    return list;
  }

  static void measure(Scenario s) throws Exception {
    System.out.printf("[bench] %s: %s%n", s.name(), s.what());
    HttpResponse<byte[]> probe = call(s);
    if (probe.statusCode() >= 300) {
      throw new IllegalStateException(
          s.name() + " answers " + probe.statusCode() + ": " + new String(probe.body(), StandardCharsets.UTF_8));
    }
    Path lua = OUT.resolve("wrk-" + s.name() + ".lua");
    Files.writeString(lua, luaScript(s));
    // warm-up: the first request type measured after a start also pays for the JIT compiling the
    // framework's paths, so each read is warmed as it is then measured (32 connections, 10 s)
    wrk(s, lua, "GET".equals(s.method()) ? 32 : 1, Math.min(10, seconds));
    Sampler sampler = new Sampler();
    long java0 = cpuTicks(app.pid());
    long pg0 = postgresCpuTicks();
    sampler.start();
    // a write of one period is measured one at a time: 32 of them at once would queue on that
    // period's lock, which measures the queue, not the request
    boolean write = !"GET".equals(s.method());
    JsonNode c32 = write ? JSON.createObjectNode() : wrk(s, lua, 32, seconds);
    sampler.stop();
    long javaTicks = cpuTicks(app.pid()) - java0;
    long pgTicks = postgresCpuTicks() - pg0;
    JsonNode c1 = wrk(s, lua, 1, seconds);

    ObjectNode row = JSON.createObjectNode();
    row.put("name", s.name());
    row.put("what", s.what());
    row.put("user", s.user());
    row.put("request", s.method() + " " + s.path());
    row.put("responseBytes", probe.body().length);
    row.set("api32", c32);
    row.set("api1", c1);
    row.put("budget", s.budget().text());
    long served = Math.max(1, c32.path("requests").asLong() - c32.path("nonSuccess").asLong());
    // CPU time per request at 32 connections (clock ticks of 10 ms): what one core serves
    if (!write) {
      row.put("javaCpuMsPerRequest", Math.round(javaTicks * 10_000.0 / served) / 1000.0);
      row.put("postgresCpuMsPerRequest", Math.round(pgTicks * 10_000.0 / served) / 1000.0);
    }
    row.put("javaRssMaxMb", sampler.javaMax.get() / 1024);
    row.put("postgresPssMaxMb", sampler.pgMax.get() / 1024);

    Captured captured = capture(s);
    if (captured != null && !captured.statements().isEmpty()) {
      Path all = SQL_DIR.resolve(s.name() + ".sql");
      Path main = SQL_DIR.resolve(s.name() + "-main.sql");
      Files.writeString(all, String.join(";\n", captured.statements()) + ";\n");
      Files.writeString(main, captured.main() + ";\n");
      row.put("statements", captured.statements().size());
      row.put("mainStatementMs", captured.mainMs());
      row.put("sqlAll32", pgbench(all, 32));
      row.put("sqlAll1", pgbench(all, 1));
      row.put("sqlMain32", pgbench(main, 32));
      row.put("sqlMain1", pgbench(main, 1));
      Files.writeString(SQL_DIR.resolve(s.name() + "-plan.txt"), plan(captured.main()));
    }
    boolean pass = true;
    if (s.budget().minRps() > 0) {
      pass &= c32.path("rps").asDouble() >= s.budget().minRps();
    }
    if (s.budget().maxP99Ms() > 0) {
      pass &= c32.path("p99Ms").asDouble() < s.budget().maxP99Ms();
    }
    if (c32.path("errors").asLong() > 0 || c1.path("errors").asLong() > 0) {
      pass = false;
    }
    row.put("pass", s.budget().minRps() == 0 && s.budget().maxP99Ms() == 0 ? null : pass);
    rows.add(row);
    System.out.printf(
        Locale.ROOT,
        "[bench]   32: %.0f req/s (%d not 2xx) p50 %.1f p99 %.1f ms; 1: %.0f req/s p99 %.1f ms;"
            + " SQL all %s/%s main %s/%s tps%n",
        c32.path("rps").asDouble(), c32.path("nonSuccess").asLong(), c32.path("p50Ms").asDouble(), c32.path("p99Ms").asDouble(),
        c1.path("rps").asDouble(), c1.path("p99Ms").asDouble(), row.path("sqlAll32").asText("-"),
        row.path("sqlAll1").asText("-"), row.path("sqlMain32").asText("-"),
        row.path("sqlMain1").asText("-"));
  }

  static String luaScript(Scenario s) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("wrk.method = \"").append(s.method()).append("\"\n");
    b.append("wrk.headers[\"Authorization\"] = \"").append(basic(s.user())).append("\"\n");
    b.append("wrk.headers[\"Accept\"] = \"application/json\"\n");
    if (s.body() != null) {
      b.append("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
      b.append("wrk.body = ").append(JSON.writeValueAsString(s.body())).append("\n");
    }
    b.append(
        """
        done = function(summary, latency, requests)
          io.write(string.format('BENCH {"requests":%d,"durationUs":%d,"p50Us":%d,"p90Us":%d,\
        "p99Us":%d,"maxUs":%d,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,\
        "bytes":%d}\\n', summary.requests, summary.duration, latency:percentile(50),\
         latency:percentile(90), latency:percentile(99), latency.max, summary.errors.status,\
         summary.errors.connect, summary.errors.read, summary.errors.write,\
         summary.errors.timeout, summary.bytes))
        end
        """);
    return b.toString();
  }

  static JsonNode wrk(Scenario s, Path lua, int connections, int secs) throws Exception {
    List<String> cmd =
        List.of(
            "wrk", "-t", Integer.toString(Math.min(2, connections)), "-c",
            Integer.toString(connections), "-d", secs + "s", "--timeout", "10s", "-s",
            lua.toString(), "http://127.0.0.1:" + HTTP + s.path());
    String out = run(cmd, null);
    Matcher m = Pattern.compile("BENCH (\\{.*})").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("wrk printed no summary:\n" + out);
    }
    JsonNode raw = JSON.readTree(m.group(1));
    double secsRun = raw.path("durationUs").asDouble() / 1e6;
    ObjectNode n = JSON.createObjectNode();
    n.put("connections", connections);
    n.put("requests", raw.path("requests").asLong());
    // only the answers of 2xx/3xx are served requests: a 429 BUSY (or any error) is not
    long rejected = raw.path("status").asLong();
    n.put("nonSuccess", rejected);
    n.put("rps", Math.round((raw.path("requests").asDouble() - rejected) / secsRun * 10) / 10.0);
    n.put("p50Ms", raw.path("p50Us").asDouble() / 1000);
    n.put("p90Ms", raw.path("p90Us").asDouble() / 1000);
    n.put("p99Ms", raw.path("p99Us").asDouble() / 1000);
    n.put("maxMs", raw.path("maxUs").asDouble() / 1000);
    long errors = 0;
    for (String k : List.of("status", "connect", "read", "write", "timeout")) {
      errors += raw.path(k).asLong();
    }
    n.put("errors", errors);
    n.put("bytesPerResponse", raw.path("requests").asLong() == 0 ? 0
        : raw.path("bytes").asLong() / raw.path("requests").asLong());
    return n;
  }

  // ------------------------------------------------------------------ SQL capture and pgbench

  record Captured(List<String> statements, String main, double mainMs) {}

  /**
   * Runs the request once with every statement logged ({@code log_min_duration_statement = 0}) and
   * reads the statements of the backend that ran most of them back from the server's CSV log, with
   * their parameters put in as the literals the log shows.
   */
  static Captured capture(Scenario s) throws Exception {
    Path log = DATA.resolve("log/bench.csv");
    sql("alter system set log_min_duration_statement = 0", "select pg_reload_conf()");
    Thread.sleep(300);
    long from = Files.exists(log) ? Files.size(log) : 0;
    call(s);
    Thread.sleep(300);
    sql("alter system reset log_min_duration_statement", "select pg_reload_conf()");
    Thread.sleep(200);
    if (!Files.exists(log)) {
      return null;
    }
    String text;
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      f.seek(from);
      byte[] bytes = new byte[(int) (f.length() - from)];
      f.readFully(bytes);
      text = new String(bytes, StandardCharsets.UTF_8);
    }
    Pattern duration =
        Pattern.compile("^duration: ([0-9.]+) ms  (?:execute [^:]*|statement): (.*)$", Pattern.DOTALL);
    Map<String, List<String[]>> byPid = new LinkedHashMap<>();
    for (List<String> rec : csv(text)) {
      if (rec.size() < 15) {
        continue;
      }
      Matcher m = duration.matcher(rec.get(13));
      if (!m.matches()) {
        continue;
      }
      String stmt = substitute(m.group(2).strip(), rec.get(14));
      if (stmt.contains("pg_reload_conf") || stmt.contains("log_min_duration_statement")) {
        continue;
      }
      byPid.computeIfAbsent(rec.get(3), k -> new ArrayList<>())
          .add(new String[] {m.group(1), stmt, Long.toString(byPid.values().stream().mapToLong(List::size).sum())});
    }
    // the request's statements: every backend's in the window (a request outside a transaction
    // may take a pooled connection per statement), in the log's order, leaving out the background
    // work of the webhook relay and the import workers, which no measured request touches
    List<String[]> mine = new ArrayList<>();
    for (List<String[]> l : byPid.values()) {
      if (l.stream().noneMatch(e -> e[1].contains("webhook_delivery") || e[1].contains("import_job"))) {
        mine.addAll(l);
      }
    }
    mine.sort(Comparator.comparingLong(e -> Long.parseLong(e[2])));
    List<String> statements = new ArrayList<>();
    String main = null;
    double mainMs = -1;
    for (String[] e : mine) {
      statements.add(e[1]);
      double ms = Double.parseDouble(e[0]);
      String upper = e[1].toUpperCase(Locale.ROOT);
      boolean control = upper.equals("BEGIN") || upper.equals("COMMIT") || upper.equals("ROLLBACK")
          || upper.startsWith("SET ") || upper.startsWith("SHOW ");
      if (!control && ms > mainMs) {
        mainMs = ms;
        main = e[1];
      }
    }
    return main == null ? null : new Captured(statements, main, mainMs);
  }

  static final String UUID_RE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  /** Puts the parameters of a logged statement ("parameters: $1 = '…', $2 = NULL") in place. */
  static String substitute(String stmt, String detail) {
    if (detail == null || !detail.regionMatches(true, 0, "parameters: ", 0, 12)) {
      return stmt;
    }
    Map<Integer, String> values = new LinkedHashMap<>();
    String d = detail.substring(12);
    int i = 0;
    while (i < d.length()) {
      int dollar = d.indexOf('$', i);
      if (dollar < 0) {
        break;
      }
      int eq = d.indexOf(" = ", dollar);
      int n = Integer.parseInt(d.substring(dollar + 1, eq));
      int v = eq + 3;
      String value;
      if (d.startsWith("NULL", v)) {
        value = "NULL";
        i = v + 4;
      } else {
        int j = v + 1;
        while (true) {
          int q = d.indexOf('\'', j);
          if (q + 1 < d.length() && d.charAt(q + 1) == '\'') {
            j = q + 2;
          } else {
            j = q;
            break;
          }
        }
        value = d.substring(v, j + 1);
        i = j + 1;
      }
      values.put(n, value);
    }
    // the log shows no parameter types: ids and arrays of ids get theirs back, so that a call such
    // as unnest($1) still resolves; other literals stay untyped, as a bound text value would
    values.replaceAll((k, v) -> v.matches("'" + UUID_RE + "'") ? v + "::uuid"
        : v.matches("'\\{(" + UUID_RE + "(," + UUID_RE + ")*)?}'") ? v + "::uuid[]" : v);
    List<Integer> keys = new ArrayList<>(values.keySet());
    keys.sort((a, b) -> b - a);
    String out = stmt;
    for (int k : keys) {
      out = out.replaceAll("\\$" + k + "(?![0-9])", Matcher.quoteReplacement(values.get(k)));
    }
    return out;
  }

  static List<List<String>> csv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> rec = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        rec.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        rec.add(field.toString());
        field.setLength(0);
        records.add(rec);
        rec = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    return records;
  }

  static String pgbench(Path script, int clients) throws Exception {
    String out;
    try {
      out = run(
            List.of(
                PG_BIN + "pgbench", "-n", "-M", "simple", "-h", "127.0.0.1", "-p",
                Integer.toString(DB_PORT), "-U", "postgres", "-c", Integer.toString(clients), "-j",
                Integer.toString(Math.min(2, clients)), "-T", Integer.toString(seconds), "-f",
                script.toString(), DB),
            Map.of("PGPASSWORD", "postgres"));
    } catch (IllegalStateException e) {
      Files.writeString(
          Path.of(script.toString().replace(".sql", "-" + clients + ".error.txt")), e.getMessage());
      return "failed";
    }
    Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
    if (!m.find()) {
      return "failed";
    }
    if (out.contains("failed transactions: ") && !out.contains("failed transactions: 0 ")) {
      return "failed";
    }
    return String.format(Locale.ROOT, "%.0f", Double.parseDouble(m.group(1)));
  }

  static String plan(String statement) throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      StringBuilder b = new StringBuilder(statement).append("\n\n");
      try (ResultSet rs = st.executeQuery("explain (analyze, buffers) " + statement)) {
        while (rs.next()) {
          b.append(rs.getString(1)).append('\n');
        }
      } catch (SQLException e) {
        b.append("(no plan: ").append(e.getMessage()).append(")\n");
      }
      c.rollback();
      return b.toString();
    }
  }

  // ------------------------------------------------------------------ throughput of writes and the feed

  /** One reader walks the change feed from the start, pages of 500, for twice {@code seconds}. */
  static void feed() throws Exception {
    System.out.println("[bench] feed: one reader walks the change feed, pages of 500");
    String after = null;
    long changes = 0;
    int pages = 0;
    List<Long> pageMs = new ArrayList<>();
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(Math.max(seconds * 2L, 10));
    while (System.nanoTime() < end) {
      String path = "/api/v1/changes?limit=500" + (after == null ? "" : "&after=" + after);
      long t0 = System.nanoTime();
      HttpResponse<byte[]> r = get("admin", path);
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "the feed answers " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
      }
      pageMs.add((System.nanoTime() - t0) / 1_000_000);
      JsonNode page = JSON.readTree(r.body());
      changes += page.path("items").size();
      pages++;
      if (!page.hasNonNull("next") || page.path("items").isEmpty()) {
        break;
      }
      after = page.path("next").asText();
    }
    double secs = (System.nanoTime() - start) / 1e9;
    pageMs.sort(Long::compare);
    ObjectNode row = JSON.createObjectNode();
    row.put("name", "feed");
    row.put("what", "change feed, one reader, pages of 500 (the largest) from the start");
    row.put("changes", changes);
    row.put("pages", pages);
    row.put("changesPerSecond", Math.round(changes / secs));
    row.put("pageP50Ms", pageMs.get(pageMs.size() / 2));
    row.put("pageMaxMs", pageMs.getLast());
    row.put("budget", "≥ 10,000 changes/s");
    row.put("pass", changes / secs >= 10_000);
    rows.add(row);
    System.out.printf(Locale.ROOT, "[bench]   %d changes in %.1f s = %.0f/s%n", changes, secs, changes / secs);
  }

  static List<String> communes(int n) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select v.unit_id from org_unit_version v where v.kind = 'COMMUNE' and v.valid_to"
                    + " is null order by v.unit_id limit " + n)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  static ObjectNode taskItem(String lead, String title) {
    ObjectNode t = JSON.createObjectNode();
    t.put("title", title);
    t.put("description", "Triển khai công tác dân vận của chính quyền ở cơ sở");
    t.put("leadUnitId", lead);
    t.put("responsiblePerson", "Chủ tịch UBND");
    t.put("dueDate", "2027-06-30");
    t.put("expectedResult", "Báo cáo kết quả thực hiện");
    return t;
  }

  /** A bulk import of 20,000 tasks (type TASK) as one asynchronous job: items/s. */
  static void importTasks() throws Exception {
    System.out.println("[bench] import: 20,000 tasks through POST /api/v1/imports?type=TASK");
    List<String> units = communes(3321);
    String run = Long.toString(System.currentTimeMillis(), 36);
    int n = 20_000;
    ArrayNode items = JSON.createArrayNode();
    for (int i = 0; i < n; i++) {
      ObjectNode t = taskItem(units.get(i % units.size()), "Nhiệm vụ nhập khẩu " + run + "-" + i);
      t.put("sourceSystem", "BENCH");
      t.put("sourceId", run + "-" + i);
      t.put("sourceVersion", 1);
      items.add(t);
    }
    long t0 = System.nanoTime();
    HttpResponse<byte[]> r =
        send("admin", "POST", "/api/v1/imports?type=TASK", JSON.writeValueAsBytes(items));
    JsonNode job = JSON.readTree(r.body());
    String id = job.path("id").asText();
    while (!Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.path("status").asText())) {
      Thread.sleep(200);
      job = JSON.readTree(get("admin", "/api/v1/imports/" + id).body());
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    ObjectNode row = JSON.createObjectNode();
    row.put("name", "import");
    row.put("what", "bulk import of 20,000 tasks, one job");
    row.put("status", job.path("status").asText());
    row.put("created", job.path("created").asLong());
    row.put("errors", job.path("errors").asLong());
    row.put("itemsPerSecond", Math.round(n / secs));
    row.put("seconds", Math.round(secs * 10) / 10.0);
    row.put("budget", "≥ 5,000 tasks/s");
    row.put("pass", n / secs >= 5000 && "SUCCEEDED".equals(job.path("status").asText()));
    rows.add(row);
    System.out.printf(Locale.ROOT, "[bench]   %s, %d created in %.1f s = %.0f tasks/s%n",
        job.path("status").asText(), job.path("created").asLong(), secs, n / secs);
  }

  /** Bulk assignment under a directive: POST /directives/{id}/tasks, 5 requests of 1,000 tasks. */
  static void assignment() throws Exception {
    String directive =
        one(
            "select id from directive where status = 'ISSUED' and issuing_unit_id = '"
                + ROOT_UNIT + "' order by id limit 1");
    if (directive == null) {
      directive = one("select id from directive where status = 'ISSUED' order by id limit 1");
    }
    if (directive == null) {
      return;
    }
    System.out.println("[bench] assignment: 5 × 1,000 tasks under a directive");
    List<String> units = communes(3321);
    String run = Long.toString(System.currentTimeMillis(), 36);
    int total = 0;
    int failed = 0;
    long t0 = System.nanoTime();
    for (int r = 0; r < 5; r++) {
      ArrayNode tasks = JSON.createArrayNode();
      for (int i = 0; i < 1000; i++) {
        ObjectNode t = taskItem(units.get((r * 1000 + i) % units.size()), "Giao nhiệm vụ " + run + "-" + r + "-" + i);
        t.put("assigningUnitId", ROOT_UNIT);
        tasks.add(t);
      }
      ObjectNode body = JSON.createObjectNode();
      body.set("tasks", tasks);
      HttpResponse<byte[]> resp =
          send("admin", "POST", "/api/v1/directives/" + directive + "/tasks", JSON.writeValueAsBytes(body));
      if (resp.statusCode() / 100 == 2) {
        total += 1000;
      } else {
        failed++;
        System.out.println("[bench]   " + resp.statusCode() + " " + new String(resp.body(), StandardCharsets.UTF_8));
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    ObjectNode row = JSON.createObjectNode();
    row.put("name", "assignment");
    row.put("what", "bulk assignment under a directive, 5 requests of 1,000 tasks");
    row.put("created", total);
    row.put("failedRequests", failed);
    row.put("itemsPerSecond", Math.round(total / secs));
    row.put("budget", "≥ 5,000 tasks/s");
    row.put("pass", failed == 0 && total / secs >= 5000);
    rows.add(row);
    System.out.printf(Locale.ROOT, "[bench]   %d tasks in %.1f s = %.0f tasks/s%n", total, secs, total / secs);
  }

  // ------------------------------------------------------------------ start, load, memory

  static void startApp(String... jvmOptions) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(JAVA_OPTS.trim().split("\\s+")));
    cmd.addAll(List.of(jvmOptions));
    cmd.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = pb.environment();
    env.put("DANVAN_EMBEDDED_DB_DATA_DIR", DATA.toString());
    env.put("DANVAN_EMBEDDED_DB_PORT", Integer.toString(DB_PORT));
    env.put("QUARKUS_HTTP_PORT", Integer.toString(HTTP));
    env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(MANAGEMENT));
    env.put("DANVAN_DEMO_NATIONAL_DATASET", "true");
    env.put("DANVAN_RATE_LIMIT_ENABLED", "false");
    // the hourly scan of obligation notices is background work, not a measured request: off
    env.put("DANVAN_AGENDA_NOTICES_ENABLED", "false");
    // glibc's malloc keeps an arena per thread (up to 8 per core), each growing its own pool: two
    // arenas keep the native memory of a JVM with many worker threads bounded
    env.put("MALLOC_ARENA_MAX", "2");
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(OUT.resolve("app.log").toFile()));
    long t0 = System.nanoTime();
    app = pb.start();
    waitReady(t0);
  }

  static double waitReady(long t0) throws Exception {
    // the first start after an upgrade runs the new migrations over the whole data set
    long deadline = t0 + TimeUnit.MINUTES.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!app.isAlive()) {
        throw new IllegalStateException("the application stopped; see target/bench/app.log");
      }
      try {
        HttpResponse<Void> r =
            HTTP_CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + MANAGEMENT + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return (System.nanoTime() - t0) / 1e9;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("not ready after 20 minutes; see target/bench/app.log");
  }

  static void stopApp() {
    stopApp(Duration.ofMinutes(1));
  }

  static void stopApp(Duration patience) {
    if (app != null && app.isAlive()) {
      app.destroy();
      try {
        if (!app.waitFor(patience.toSeconds(), TimeUnit.SECONDS)) {
          app.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Startup to ready on the loaded database: three restarts, process start to readiness. */
  static void startup() throws Exception {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      if (i > 0) {
        stopApp();
      }
      long t0 = System.nanoTime();
      startApp();
      times.add((System.nanoTime() - t0) / 1e9);
    }
    times.sort(Double::compare);
    ObjectNode row = JSON.createObjectNode();
    row.put("name", "startup");
    row.put("what", "startup to ready on the loaded database (embedded PostgreSQL included)");
    row.put("secondsMedian", Math.round(times.get(1) * 100) / 100.0);
    row.put("secondsMax", Math.round(times.get(2) * 100) / 100.0);
    row.put("budget", "< 5 s");
    row.put("pass", times.get(1) < 5);
    rows.add(row);
    System.out.printf(Locale.ROOT, "[bench] startup to ready: %s s%n", times);
  }

  /**
   * Startup to ready with the JDK's ahead-of-time cache (JEP 483/515, JDK 25): one training run
   * that answers each measured request once and writes {@code target/bench/app.aot} when it stops,
   * then three starts with the cache. The measurements after it run without the cache.
   */
  static void startupWithAotCache() throws Exception {
    Path cache = OUT.resolve("app.aot").toAbsolutePath();
    Files.deleteIfExists(cache);
    stopApp();
    startApp("-XX:AOTCacheOutput=" + cache);
    for (Scenario s : scenarios()) {
      if ("GET".equals(s.method())) {
        call(s);
      }
    }
    stopApp(Duration.ofMinutes(5));
    List<Double> times = new ArrayList<>();
    if (Files.exists(cache)) {
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        startApp("-XX:AOTCache=" + cache);
        times.add((System.nanoTime() - t0) / 1e9);
        stopApp();
      }
    }
    startApp();
    if (times.isEmpty()) {
      System.out.println("[bench] startup with an AOT cache: the training run wrote none");
      return;
    }
    times.sort(Double::compare);
    ObjectNode row = JSON.createObjectNode();
    row.put("name", "startup-aot");
    row.put("what", "startup to ready with the JDK's AOT cache (`-XX:AOTCache`, trained on these requests)");
    row.put("secondsMedian", Math.round(times.get(1) * 100) / 100.0);
    row.put("secondsMax", Math.round(times.get(2) * 100) / 100.0);
    row.put("cacheMb", Files.size(cache) / 1024 / 1024);
    row.put("budget", "< 5 s");
    row.put("pass", times.get(1) < 5);
    rows.add(row);
    System.out.printf(Locale.ROOT, "[bench] startup to ready with an AOT cache: %s s%n", times);
  }

  static void load() throws Exception {
    System.out.println("[bench] loading the national data set (src/bench/load.sql)");
    long t0 = System.nanoTime();
    String out =
        run(
            List.of(
                PG_BIN + "psql", "-X", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
                Integer.toString(DB_PORT), "-U", "postgres", "-d", DB, "-f", "src/bench/load.sql"),
            Map.of("PGPASSWORD", "postgres"));
    double secs = (System.nanoTime() - t0) / 1e9;
    Files.writeString(OUT.resolve("load.log"), out);
    Files.writeString(OUT.resolve("data.loaded"), Instant.now().toString());
    result.put("loadSeconds", Math.round(secs));
    System.out.printf(Locale.ROOT, "[bench] loaded in %.0f s (log: target/bench/load.log)%n", secs);
  }

  static void counts() throws SQLException {
    ObjectNode n = JSON.createObjectNode();
    for (String t :
        List.of(
            "org_unit", "task", "reception_visit", "reception_case", "directive",
            "directive_obligation", "report_submission", "change_log")) {
      String c = one("select count(*) from " + t);
      n.put(t, c == null ? 0 : Long.parseLong(c));
    }
    result.set("rowCounts", n);
  }

  /** The highest resident memory of the Java process and PostgreSQL's, sampled under load. */
  static class Sampler {
    final AtomicLong javaMax = new AtomicLong();
    final AtomicLong pgMax = new AtomicLong();
    Thread thread;
    volatile boolean running;

    void start() {
      running = true;
      thread =
          new Thread(
              () -> {
                while (running) {
                  javaMax.accumulateAndGet(rssKb(app.pid()), Math::max);
                  pgMax.accumulateAndGet(postgresPssKb(), Math::max);
                  try {
                    Thread.sleep(250);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }
  }

  static void memory() {
    long java = rows.stream().mapToLong(r -> r.path("javaRssMaxMb").asLong()).max().orElse(0);
    long pg = rows.stream().mapToLong(r -> r.path("postgresPssMaxMb").asLong()).max().orElse(0);
    ObjectNode row = JSON.createObjectNode();
    row.put("name", "memory");
    row.put("what", "resident memory under load (the highest over the 32-connection runs)");
    row.put("javaRssMb", java);
    row.put("postgresPssMb", pg);
    row.put("budget", "Java < 512 MB");
    row.put("pass", java > 0 && java < 512);
    rows.add(row);
  }

  static long rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      // gone
    }
    return 0;
  }

  /** User and system CPU time of a process so far, in clock ticks (1/100 s). */
  static long cpuTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** CPU time of the postmaster and its children (the backends of the application's pool). */
  static long postgresCpuTicks() {
    try {
      long postmaster = Long.parseLong(Files.readAllLines(DATA.resolve("postmaster.pid")).get(0).trim());
      return cpuTicks(postmaster)
          + ProcessHandle.of(postmaster).stream()
              .flatMap(ProcessHandle::children)
              .mapToLong(h -> cpuTicks(h.pid()))
              .sum();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Proportional set size of the postmaster and its children (shared buffers counted once). */
  static long postgresPssKb() {
    try {
      long postmaster = Long.parseLong(Files.readAllLines(DATA.resolve("postmaster.pid")).get(0).trim());
      long total = 0;
      try (var procs = Files.list(Path.of("/proc"))) {
        for (Path p : procs.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
          long pid = Long.parseLong(p.getFileName().toString());
          if (pid == postmaster || ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L) == postmaster) {
            for (String line : Files.readAllLines(p.resolve("smaps_rollup"))) {
              if (line.startsWith("Pss:")) {
                total += Long.parseLong(line.replaceAll("[^0-9]", ""));
              }
            }
          }
        }
      }
      return total;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  // ------------------------------------------------------------------ the table

  static String markdown() {
    JsonNode m = result.path("machine");
    StringBuilder b = new StringBuilder();
    b.append("Machine: ").append(m.path("cpu").asText()).append(", ").append(m.path("cores").asInt())
        .append(" cores, ").append(m.path("memoryGb").asText()).append(" GB; load average at start ")
        .append(m.path("loadAverage").asText()).append(", at the end ").append(loadAverage())
        .append(". JVM: ").append(m.path("java").asText()).append(", `").append(JAVA_OPTS).append("`, `MALLOC_ARENA_MAX=2`. ")
        .append(seconds).append(" s per measurement.\n\n");
    b.append("| request | API, 32 connections | API, 1 connection | its SQL through pgbench, 32 / 1"
        + " clients (all statements; slowest one) | ratio | CPU per request, Java / PostgreSQL"
        + " | response | budget | |\n");
    b.append("|---|---|---|---|---|---|---|---|---|\n");
    for (ObjectNode r : rows) {
      if (r.has("api32")) {
        JsonNode a = r.path("api32");
        JsonNode o = r.path("api1");
        String sqlCol = r.has("sqlAll32")
            ? String.format("%s / %s tps (%d statements); %s / %s tps", r.path("sqlAll32").asText(),
                r.path("sqlAll1").asText(), r.path("statements").asInt(), r.path("sqlMain32").asText(),
                r.path("sqlMain1").asText())
            : "—";
        String ratio = "—";
        if (a.has("rps") && r.has("sqlAll32") && r.path("sqlAll32").asText().matches("[0-9]+")) {
          ratio = String.format(Locale.ROOT, "%.1f×", Double.parseDouble(r.path("sqlAll32").asText()) / a.path("rps").asDouble());
        }
        String c32 = a.has("rps") ? String.format(Locale.ROOT, "%,.0f req/s, p50 %.1f ms, p99 %.1f ms", a.path("rps").asDouble(), a.path("p50Ms").asDouble(), a.path("p99Ms").asDouble()) : "— (a write: one at a time)";
        if (a.path("nonSuccess").asLong() > 0) {
          c32 += String.format(Locale.ROOT, " (and %,d of %,d answers not 2xx, e.g. 429 BUSY: not counted)",
              a.path("nonSuccess").asLong(), a.path("requests").asLong());
        }
        b.append(String.format(Locale.ROOT,
            "| %s (`%s`) | %s | %,.0f req/s, p50 %.1f ms, p99 %.1f ms | %s | %s | %.2f / %.2f ms | %,d B | %s | %s |%n",
            r.path("what").asText(), r.path("user").asText(), c32, o.path("rps").asDouble(), o.path("p50Ms").asDouble(), o.path("p99Ms").asDouble(),
            sqlCol, ratio, r.path("javaCpuMsPerRequest").asDouble(),
            r.path("postgresCpuMsPerRequest").asDouble(), r.path("responseBytes").asLong(), r.path("budget").asText(), verdict(r)));
      }
    }
    b.append("\n| measure | figure | budget | |\n|---|---|---|---|\n");
    for (ObjectNode r : rows) {
      if (r.has("api32")) {
        continue;
      }
      String figure = switch (r.path("name").asText()) {
        case "startup", "startup-aot" -> String.format(Locale.ROOT, "median %.2f s, max %.2f s", r.path("secondsMedian").asDouble(), r.path("secondsMax").asDouble());
        case "feed" -> String.format(Locale.ROOT, "%,d changes/s (%,d changes, page p50 %d ms)", r.path("changesPerSecond").asLong(), r.path("changes").asLong(), r.path("pageP50Ms").asLong());
        case "import", "assignment" -> String.format(Locale.ROOT, "%,d tasks/s", r.path("itemsPerSecond").asLong());
        case "memory" -> String.format(Locale.ROOT, "Java RSS %d MB; PostgreSQL PSS %d MB", r.path("javaRssMb").asLong(), r.path("postgresPssMb").asLong());
        default -> r.toString();
      };
      b.append("| ").append(r.path("what").asText()).append(" | ").append(figure).append(" | ")
          .append(r.path("budget").asText()).append(" | ").append(verdict(r)).append(" |\n");
    }
    if (result.has("rowCounts")) {
      b.append("\nData: ").append(result.path("rowCounts").toString()).append('\n');
    }
    return b.toString();
  }

  static String verdict(JsonNode r) {
    return r.path("pass").isNull() || r.path("pass").isMissingNode() ? "" : r.path("pass").asBoolean() ? "pass" : "**fail**";
  }

  static ObjectNode machine() throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("cores", Runtime.getRuntime().availableProcessors());
    String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
    n.put("cpu", cpu);
    String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("[^0-9]", "");
    n.put("memoryGb", String.format(Locale.ROOT, "%.0f", Long.parseLong(mem) / 1024.0 / 1024.0));
    n.put("loadAverage", loadAverage());
    n.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    return n;
  }

  static String loadAverage() {
    try {
      String[] p = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return p[0] + " " + p[1] + " " + p[2];
    } catch (IOException e) {
      return "?";
    }
  }

  // ------------------------------------------------------------------ plumbing

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse<byte[]> call(Scenario s) throws Exception {
    return send(s.user(), s.method(), s.path(), s.body() == null ? null : s.body().getBytes(StandardCharsets.UTF_8));
  }

  static HttpResponse<byte[]> get(String user, String path) throws Exception {
    return send(user, "GET", path, null);
  }

  static HttpResponse<byte[]> send(String user, String method, String path, byte[] body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP + path))
        .timeout(Duration.ofMinutes(5))
        .header("Authorization", basic(user))
        .header("Accept", "application/json");
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    }
    return HTTP_CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + DB_PORT + "/" + DB, "postgres", "postgres");
  }

  static void sql(String... statements) throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  static String one(String query) throws SQLException {
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return null; // a table this schema does not have
      }
      throw e;
    }
  }

  static String run(List<String> cmd, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (env != null) {
      pb.environment().putAll(env);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    if (rc != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " exited " + rc + ":\n" + out);
    }
    return out;
  }

  static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var walk = Files.walk(dir)) {
        for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
