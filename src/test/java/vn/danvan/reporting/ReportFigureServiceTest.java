package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.testing.TestClock;

/**
 * Oracle tests of the computed indicator sources (issue 11 §5): data made through the API in a
 * fresh province whose tree changes inside the window (two communes merge on 01/04/2031, a commune
 * moves to the other district on 01/05/2031); each source equals a count written here directly over
 * the tables, for a window that leaves records out at both edges; the reception figures equal the
 * statistics and compliance endpoints where those count the same records.
 */
@QuarkusTest
class ReportFigureServiceTest {

  static final LocalDate FROM = LocalDate.parse("2031-03-01");
  static final LocalDate TO = LocalDate.parse("2031-06-30");
  static final LocalDate TODAY = LocalDate.parse("2031-12-31");

  @Inject ReportFigureService figures;
  @Inject DataSource dataSource;

  String tag;
  String province;
  String d;
  String e;
  String c1;
  String c2;
  String c3;
  String c4;
  String c34;

  /** Tasks made here, with the lead unit each has on 30/06/2031. */
  final Map<String, String> taskLead = new LinkedHashMap<>();

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  // ------------------------------------------------------------------ the oracle tests

  @Test
  void eachSourceEqualsADirectCountOnTheTreeOfItsDay() throws Exception {
    world();
    List<TemplateIndicator> all = everySource();
    // E on the tree of 30/06: E, c2 (moved in on 01/05), c34 and the communes merged into it
    check(e, TO, Set.of(e, c2, c34, c3, c4), all);
    // D on 30/06: D and c1 only; on 15/04, before the move, c2 too
    check(d, TO, Set.of(d, c1), all);
    check(d, LocalDate.parse("2031-04-15"), Set.of(d, c1, c2), all);
    // the whole province
    check(province, TO, Set.of(province, d, e, c1, c2, c3, c4, c34), all);

    Map<String, ComputedFigure> ofE = compute(e, TO, FROM, TO, all);
    // the window leaves records out at both edges: a wider one counts more
    Map<String, ComputedFigure> wider = compute(e, TO, FROM.minusDays(2), TO.plusDays(2), all);
    assertThat(value(wider, "VISITS")).isGreaterThan(value(ofE, "VISITS"));
    assertThat(value(wider, "DOCUMENTS_ISSUED")).isGreaterThan(value(ofE, "DOCUMENTS_ISSUED"));
    // figures that are not all zero, with their provenance
    assertThat(value(ofE, "VISITS")).isEqualTo(6);
    assertThat(value(ofE, "PEOPLE_RECEIVED")).isEqualTo(11);
    assertThat(value(ofE, "GROUP_VISITS")).isEqualTo(1);
    assertThat(value(ofE, "ANONYMOUS_DENUNCIATIONS")).isEqualTo(1);
    assertThat(value(ofE, "VISITS_BY_CONTENT_KIND.PETITION")).isEqualTo(2);
    assertThat(value(ofE, "TASKS_DONE_ON_TIME")).isEqualTo(1);
    assertThat(value(ofE, "TASKS_DONE_LATE")).isEqualTo(1);
    assertThat(value(ofE, "TASKS_OVERDUE")).isEqualTo(2);
    assertThat(value(ofE, "TASKS_IN_PROGRESS_IN_TERM")).isEqualTo(1);
    assertThat(value(ofE, "PLANS_OWED_ISSUED_ON_TIME")).isEqualTo(1);
    assertThat(value(ofE, "PLANS_OWED_ISSUED_LATE")).isEqualTo(1);
    assertThat(value(ofE, "PLANS_OWED_OVERDUE")).isEqualTo(1);
    ComputedFigure visits = ofE.get("VISITS");
    assertThat(visits.source().kind()).isEqualTo(IndicatorSource.VISITS);
    assertThat(visits.computedAt()).isNotNull();
    // no figure for source-less indicators, nor for a kind that does not exist; a consolidated
    // one without any consolidation of the unit has a null value
    List<TemplateIndicator> other =
        List.of(
            indicator("X1", IndicatorSource.CONSOLIDATED, null),
            indicator("X2", null, null),
            indicator("X3", IndicatorSource.VISITS_BY_CONTENT_KIND, "NOTHING"));
    Map<String, ComputedFigure> none = compute(e, TO, FROM, TO, other);
    assertThat(none).containsOnlyKeys("X1", "X3");
    assertThat(none.get("X1").value()).isNull();
    assertThat(none.get("X3").value()).isNull();
  }

  @Test
  void receptionFiguresEqualTheStatisticsAndComplianceEndpoints() throws Exception {
    world();
    List<TemplateIndicator> all = everySource();
    // a window ending today: the endpoints count states of today, the figures of the window's end
    LocalDate from = LocalDate.parse("2031-03-02");
    for (String unit : List.of(province, c1)) {
      Map<String, ComputedFigure> f = compute(unit, TODAY, from, TODAY, all);
      JsonPath stats =
          json("admin")
              .queryParam("orgUnitId", unit)
              .queryParam("orgUnitMode", "DESCENDANTS")
              .queryParam("from", from.toString())
              .queryParam("to", TODAY.toString())
              .queryParam("groupBy", "CONTENT_KIND")
              .get("/api/v1/reception/statistics")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(value(f, "VISITS")).isEqualTo(stats.getLong("total.visits")).isPositive();
      assertThat(value(f, "PEOPLE_RECEIVED")).isEqualTo(stats.getLong("total.people"));
      assertThat(value(f, "GROUP_VISITS")).isEqualTo(stats.getLong("total.groups"));
      assertThat(value(f, "ANONYMOUS_DENUNCIATIONS"))
          .isEqualTo(stats.getLong("total.anonymousDenunciations"));
      assertThat(value(f, "CASES_ACCEPTED")).isEqualTo(stats.getLong("total.casesAccepted"));
      assertThat(value(f, "CASES_RESOLVED")).isEqualTo(stats.getLong("total.casesResolved"));
      assertThat(value(f, "CASES_OVERDUE")).isEqualTo(stats.getLong("total.casesOverdue"));
      for (String kind : List.of("COMPLAINT", "DENUNCIATION", "PETITION", "FEEDBACK")) {
        Object row = stats.get("items.find { it.key == '" + kind + "' }.visits");
        long expected = row == null ? 0 : ((Number) row).longValue();
        assertThat(value(f, "VISITS_BY_CONTENT_KIND." + kind)).as(kind).isEqualTo(expected);
      }
      JsonPath compliance =
          json("admin")
              .queryParam("orgUnitId", unit)
              .queryParam("from", FROM.toString())
              .queryParam("to", TO.toString())
              .queryParam("limit", 500)
              .get("/api/v1/reception/compliance")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      long missed =
          compliance.getList("items.missed", Integer.class).stream().mapToLong(i -> i).sum();
      Map<String, ComputedFigure> window = compute(unit, TO, FROM, TO, all);
      assertThat(value(window, "HEAD_RECEPTION_DAYS_MISSED")).isEqualTo(missed).isPositive();
    }
  }

  // ------------------------------------------------------------------ the oracle

  private void check(String unit, LocalDate treeDay, Set<String> units, List<TemplateIndicator> all)
      throws Exception {
    Map<String, ComputedFigure> f = compute(unit, treeDay, FROM, TO, all);
    Map<String, Long> expected = oracle(units, FROM, TO, TO);
    for (Map.Entry<String, Long> x : expected.entrySet()) {
      assertThat(value(f, x.getKey()))
          .as(x.getKey() + " of " + unit + " on the tree of " + treeDay)
          .isEqualTo(x.getValue());
    }
  }

  /** Every source over {@code units}, counted directly from the tables and the test's own data. */
  private Map<String, Long> oracle(Set<String> units, LocalDate from, LocalDate to, LocalDate day)
      throws Exception {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      Array ids = c.createArrayOf("uuid", units.stream().map(UUID::fromString).toArray());
      // visits: one line of the book each
      long visits = 0, people = 0, groups = 0, anonymous = 0;
      Map<String, Long> byKind = new HashMap<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "select content_kind, group_size, anonymous from reception_visit"
                  + " where unit_id = any(?) and received_date >= ? and received_date <= ?")) {
        bind(s, ids, from, to);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            visits++;
            people += r.getInt(2);
            groups += r.getInt(2) >= 5 ? 1 : 0;
            anonymous += r.getBoolean(3) ? 1 : 0;
            byKind.merge(r.getString(1), 1L, Long::sum);
          }
        }
      }
      out.put("VISITS", visits);
      out.put("PEOPLE_RECEIVED", people);
      out.put("GROUP_VISITS", groups);
      out.put("ANONYMOUS_DENUNCIATIONS", anonymous);
      for (String kind : List.of("COMPLAINT", "DENUNCIATION", "PETITION", "FEEDBACK")) {
        out.put("VISITS_BY_CONTENT_KIND." + kind, byKind.getOrDefault(kind, 0L));
      }
      // cases received in the window, their state on the day from their dates
      long accepted = 0, resolved = 0, onTime = 0, overdue = 0;
      try (PreparedStatement s =
          c.prepareStatement(
              "select accepted_date, resolved_date, acceptance_due_date, resolution_due_date, status,"
                  + " closed_date from reception_case"
                  + " where unit_id = any(?) and received_date >= ? and received_date <= ?")) {
        bind(s, ids, from, to);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            LocalDate acc = date(r, 1);
            LocalDate res = date(r, 2);
            LocalDate accDue = date(r, 3);
            LocalDate resDue = date(r, 4);
            LocalDate closed = date(r, 6);
            boolean acceptedThen = acc != null && !acc.isAfter(day);
            boolean resolvedThen = res != null && !res.isAfter(day);
            accepted += acceptedThen ? 1 : 0;
            resolved += resolvedThen ? 1 : 0;
            onTime += resolvedThen && (resDue == null || !res.isAfter(resDue)) ? 1 : 0;
            boolean open =
                List.of("RECEIVED", "ACCEPTED").contains(r.getString(5))
                    || (res != null && res.isAfter(day))
                    || (closed != null && closed.isAfter(day));
            boolean late =
                acceptedThen
                    ? !resolvedThen && resDue != null && resDue.isBefore(day)
                    : accDue != null && accDue.isBefore(day);
            overdue += open && late ? 1 : 0;
          }
        }
      }
      out.put("CASES_ACCEPTED", accepted);
      out.put("CASES_RESOLVED", resolved);
      out.put("CASES_RESOLVED_ON_TIME", onTime);
      out.put("CASES_OVERDUE", overdue);
      // head-of-unit days of the communes and provinces valid on the day
      Set<String> ruled = new HashSet<>(units);
      ruled.removeAll(Set.of(d, e, c3, c4));
      Map<String, Set<LocalDate>> held = new HashMap<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "select unit_id, session_date from reception_session where unit_id = any(?)"
                  + " and session_date >= ? and session_date <= ?"
                  + " and host_role in ('HEAD','DEPUTY_DELEGATED')")) {
        bind(s, ids, from, to);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            if (ruled.contains(r.getString(1))) {
              held.computeIfAbsent(r.getString(1), k -> new HashSet<>()).add(date(r, 2));
            }
          }
        }
      }
      out.put("HEAD_RECEPTION_DAYS_HELD", held.values().stream().mapToLong(Set::size).sum());
      long missed = 0;
      for (String u : ruled) {
        Set<LocalDate> days = held.getOrDefault(u, Set.of());
        if (u.equals(province)) {
          // whole months: March to June
          for (int m = 3; m <= 6; m++) {
            int month = m;
            missed += days.stream().noneMatch(x -> x.getMonthValue() == month) ? 1 : 0;
          }
        } else {
          // whole ISO weeks inside the window: from Monday 03/03 to Sunday 29/06
          for (LocalDate w = LocalDate.parse("2031-03-03");
              !w.plusDays(6).isAfter(to);
              w = w.plusWeeks(1)) {
            LocalDate start = w;
            assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            missed +=
                days.stream().noneMatch(x -> !x.isBefore(start) && !x.isAfter(start.plusDays(6)))
                    ? 1
                    : 0;
          }
        }
      }
      out.put("HEAD_RECEPTION_DAYS_MISSED", missed);
      // tasks made here, due in the window, led by one of the units on the day
      long[] t = new long[4];
      try (PreparedStatement s =
          c.prepareStatement(
              "select id, due_date, completed_on, status from task where id = any(?)"
                  + " and due_date >= ? and due_date <= ?")) {
        bind(
            s,
            c.createArrayOf("uuid", taskLead.keySet().stream().map(UUID::fromString).toArray()),
            from,
            to);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            if (!units.contains(taskLead.get(r.getString(1)))
                || r.getString(4).equals("CANCELLED")) {
              continue;
            }
            LocalDate due = date(r, 2);
            LocalDate done = date(r, 3);
            if (done != null && !done.isAfter(day)) {
              t[done.isAfter(due) ? 1 : 0]++;
            } else {
              t[due.isBefore(day) ? 3 : 2]++;
            }
          }
        }
      }
      out.put("TASKS_DONE_ON_TIME", t[0]);
      out.put("TASKS_DONE_LATE", t[1]);
      out.put("TASKS_IN_PROGRESS_IN_TERM", t[2]);
      out.put("TASKS_OVERDUE", t[3]);
      // documents issued
      try (PreparedStatement s =
          c.prepareStatement(
              "select count(*) from directive where issuing_unit_id = any(?) and status <> 'DRAFT'"
                  + " and issue_date >= ? and issue_date <= ?")) {
        bind(s, ids, from, to);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          out.put("DOCUMENTS_ISSUED", r.getLong(1));
        }
      }
      // plans owed on the day: a row passed on belongs to its successor from that day
      long[] p = new long[4];
      try (PreparedStatement s =
          c.prepareStatement(
              "select due_date, fulfilled_on, passed_on, transferred_on from directive_obligation"
                  + " where unit_id = any(?) and due_date >= ? and due_date <= ?")) {
        bind(s, ids, from, to);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            LocalDate due = date(r, 1);
            LocalDate done = date(r, 2);
            LocalDate passed = date(r, 3);
            LocalDate transferred = date(r, 4);
            if ((passed != null && !passed.isAfter(day))
                || (transferred != null && transferred.isAfter(day))) {
              continue;
            }
            if (done != null && !done.isAfter(day)) {
              p[done.isAfter(due) ? 1 : 0]++;
            } else {
              p[day.isAfter(due) ? 3 : 2]++;
            }
          }
        }
      }
      out.put("PLANS_OWED_ISSUED_ON_TIME", p[0]);
      out.put("PLANS_OWED_ISSUED_LATE", p[1]);
      out.put("PLANS_OWED_PENDING_IN_TERM", p[2]);
      out.put("PLANS_OWED_OVERDUE", p[3]);
    }
    return out;
  }

  private static void bind(PreparedStatement s, Array ids, LocalDate from, LocalDate to)
      throws Exception {
    s.setArray(1, ids);
    s.setDate(2, Date.valueOf(from));
    s.setDate(3, Date.valueOf(to));
  }

  private static LocalDate date(ResultSet r, int i) throws Exception {
    Date x = r.getDate(i);
    return x == null ? null : x.toLocalDate();
  }

  // ------------------------------------------------------------------ indicators

  private Map<String, ComputedFigure> compute(
      String unit, LocalDate treeDay, LocalDate from, LocalDate to, List<TemplateIndicator> all) {
    return figures.compute(
        all, new FigureScope(null, "2031S1", UUID.fromString(unit), treeDay, from, to));
  }

  private static long value(Map<String, ComputedFigure> f, String code) {
    ComputedFigure x = f.get(code);
    assertThat(x).as(code).isNotNull();
    assertThat(x.value().isIntegralNumber()).as(code).isTrue();
    return x.value().longValue();
  }

  private static List<TemplateIndicator> everySource() {
    List<TemplateIndicator> out = new ArrayList<>();
    for (IndicatorSource s : IndicatorSource.values()) {
      if (s == IndicatorSource.CONSOLIDATED) {
        continue;
      }
      if (s == IndicatorSource.VISITS_BY_CONTENT_KIND) {
        for (String kind : List.of("COMPLAINT", "DENUNCIATION", "PETITION", "FEEDBACK")) {
          out.add(indicator(s.name() + "." + kind, s, kind));
        }
      } else {
        out.add(indicator(s.name(), s, null));
      }
    }
    return out;
  }

  private static TemplateIndicator indicator(String code, IndicatorSource s, String param) {
    return new TemplateIndicator(
        code,
        "Chỉ tiêu " + code,
        null,
        "lượt",
        IndicatorType.INTEGER,
        IndicatorAggregation.SUM,
        null,
        false,
        null,
        null,
        null,
        s == null ? null : new IndicatorSourceSpec(s, param));
  }

  // ------------------------------------------------------------------ the world

  /**
   * Province P with districts D (c1, c2) and E (c3, c4); c3 and c4 merge into c34 on 01/04/2031, c2
   * moves to E on 01/05/2031. Records of every kind on the window's edges (28/02, 01/03, 30/06,
   * 01/07) and inside it.
   */
  private void world() {
    TestClock.today(TODAY);
    tag = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    province = unit("PROVINCE", "Tỉnh Số Liệu " + tag, "S" + tag, UnitIds.ROOT.toString());
    d = unit("DISTRICT", "Huyện Đông " + tag, "D" + tag, province);
    e = unit("DISTRICT", "Huyện Tây " + tag, "E" + tag, province);
    c1 = unit("COMMUNE", "Xã Một " + tag, "A" + tag, d);
    c2 = unit("COMMUNE", "Xã Hai " + tag, "B" + tag, d);
    c3 = unit("COMMUNE", "Xã Ba " + tag, "C" + tag, e);
    c4 = unit("COMMUNE", "Xã Bốn " + tag, "F" + tag, e);

    // tasks, assigned at the start of the year
    String t1 = task(c1, "2031-02-28", c1);
    String t2 = task(c1, "2031-03-01", c1);
    String t3 = task(c1, "2031-06-30", c1);
    String t4 = task(c2, "2031-04-30", c2);
    String t5 = task(c2, "2031-05-15", c2);
    String t6 = task(c2, "2031-07-01", c2);
    String t7 = task(c3, "2031-05-31", null); // open when merged: passed to c34
    String t8 = task(c3, "2031-06-30", null); // open when merged, in term on 30/06
    String t9 = task(c4, "2031-06-20", null); // open when merged, done after 30/06
    String t10 = task(d, "2031-06-01", d);
    String cancelled = task(c2, "2031-05-20", c2);

    // directives with obligations before the restructurings
    String planOfD = issued(directive(d, "2031-03-10", "CHILD_UNITS_OF_KIND", "2031-04-15"));
    String planOfE = issued(directive(e, "2031-03-10", "CHILD_UNITS_OF_KIND", "2031-06-15"));
    issued(directive(e, "2031-02-28", null, null));
    issued(directive(d, "2031-07-01", null, null));
    plan(c3, "2031-03-20", planOfE);

    // the restructurings
    c34 =
        restructure(
            "MERGE",
            "2031-04-01",
            List.of(c3, c4),
            Map.of(
                "newUnit",
                "{\"kind\":\"COMMUNE\",\"name\":\"Xã Ba Bốn "
                    + tag
                    + "\",\"code\":\"G"
                    + tag
                    + "\"}"));
    for (String t : List.of(t7, t8, t9)) {
      taskLead.put(t, c34);
    }
    restructure("MOVE", "2031-05-01", List.of(c2), Map.of("newParentId", "\"" + e + "\""));

    // plans: c1 on time, c34 late (c4's obligation passed to it), c2 never
    plan(c1, "2031-04-10", planOfD);
    plan(c34, "2031-06-20", planOfE);

    // task outcomes
    complete(t1, "2031-02-27");
    complete(t2, "2031-03-01");
    complete(t4, "2031-04-20");
    complete(t5, "2031-06-01");
    complete(t9, "2031-07-05");
    complete(t6, "2031-06-30");
    complete(t10, "2031-06-10");
    cancel(cancelled);

    // visits on the edges and inside the window
    visit(c1, "2031-02-28T16:00:00+07:00", "COMPLAINT", 1, false);
    visit(c1, "2031-03-01T08:00:00+07:00", "COMPLAINT", 1, false);
    visit(c1, "2031-06-30T16:30:00+07:00", "PETITION", 6, false);
    visit(c1, "2031-07-01T07:30:00+07:00", "FEEDBACK", 1, false);
    visit(c2, "2031-04-20T09:00:00+07:00", "FEEDBACK", 1, false); // under D then
    visit(c2, "2031-05-20T09:00:00+07:00", "PETITION", 1, false); // under E then
    visit(c3, "2031-03-15T09:00:00+07:00", "COMPLAINT", 1, false);
    visit(c4, "2031-02-28T09:00:00+07:00", "COMPLAINT", 1, false);
    visit(c4, "2031-03-16T09:00:00+07:00", "DENUNCIATION", 1, true);
    visit(c34, "2031-04-02T09:00:00+07:00", "PETITION", 6, false);
    visit(c34, "2031-06-30T09:00:00+07:00", "FEEDBACK", 1, false);
    visit(c34, "2031-07-01T09:00:00+07:00", "FEEDBACK", 1, false);
    visit(d, "2031-03-20T09:00:00+07:00", "PETITION", 1, false);

    // cases: accepted and resolved on time, late, after the window's end, left open
    String k1 = caseOf(c1, "COMPLAINT", "2031-02-28");
    String k2 = caseOf(c1, "COMPLAINT", "2031-03-01");
    String k3 = caseOf(c1, "PETITION", "2031-05-10");
    String k4 = caseOf(c2, "COMPLAINT", "2031-03-10");
    String k5 = caseOf(c3, "COMPLAINT", "2031-03-05");
    String k6 = caseOf(c34, "COMPLAINT", "2031-06-30");
    caseOf(c34, "COMPLAINT", "2031-07-01");
    caseOf(c34, "DENUNCIATION", "2031-04-05");
    caseStep(k1, "ACCEPT", "2031-03-02", null);
    caseStep(k2, "ACCEPT", "2031-03-05", null);
    caseStep(k2, "RESOLVE", "2031-03-20", "QĐ 01/QĐ-UBND");
    caseStep(k4, "ACCEPT", "2031-03-12", null);
    caseStep(k4, "RESOLVE", "2031-07-10", "QĐ 02/QĐ-UBND");
    caseStep(k5, "ACCEPT", "2031-03-10", null);
    caseStep(k5, "RESOLVE", "2031-06-20", "QĐ 03/QĐ-UBND");
    caseStep(k6, "ACCEPT", "2031-07-02", null);
    // k3 stays received: past its acceptance due date on 30/06

    // head-of-unit reception
    session(c1, "2031-02-27", "HEAD");
    session(c1, "2031-03-05", "HEAD");
    session(c1, "2031-03-12", "DEPUTY_DELEGATED");
    session(c1, "2031-03-19", "OFFICER");
    session(c1, "2031-06-30", "HEAD");
    session(c2, "2031-05-07", "HEAD");
    session(c34, "2031-04-09", "HEAD");
    session(province, "2031-04-15", "HEAD");
  }

  private static String unit(String kind, String name, String code, String parent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", kind);
    body.put("name", name);
    body.put("validFrom", "2000-01-01");
    body.put("parentId", parent);
    body.put("code", code);
    return created(json("admin").body(body).post("/api/v1/org-units"));
  }

  private String restructure(
      String kind, String effective, List<String> sources, Map<String, String> extra) {
    StringBuilder sb =
        new StringBuilder(
            "{\"kind\":\""
                + kind
                + "\",\"effectiveDate\":\""
                + effective
                + "\",\"legalBasis\":\"Nghị quyết thử nghiệm "
                + tag
                + "\",\"sources\":[");
    for (int i = 0; i < sources.size(); i++) {
      sb.append(i > 0 ? "," : "").append("{\"unitId\":\"").append(sources.get(i)).append("\"}");
    }
    sb.append(']');
    extra.forEach((k, v) -> sb.append(",\"").append(k).append("\":").append(v));
    Response r =
        json("admin").body(sb.append('}').toString()).post("/api/v1/org-units/restructurings");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return kind.equals("MERGE") ? r.jsonPath().getString("createdUnits[0].id") : null;
  }

  /** A task of {@code lead} assigned on 02/01/2031; {@code leadOn30June} its lead then. */
  private String task(String lead, String due, String leadOn30June) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("title", "Báo cáo công tác dân vận của chính quyền " + tag);
    b.put("description", "Báo cáo tình hình thực hiện công tác dân vận của đơn vị.");
    b.put("leadUnitId", lead);
    b.put("responsiblePerson", "Chủ tịch UBND");
    b.put("dueDate", due);
    b.put("assignedOn", "2031-01-02");
    b.put("expectedResult", "Báo cáo bằng văn bản");
    String id = created(json("admin").body(b).post("/api/v1/tasks"));
    taskLead.put(id, leadOn30June);
    return id;
  }

  private static void complete(String id, String on) {
    taskStep(id, "COMPLETE", Map.of("completedOn", on, "resultNote", "Đã hoàn thành"));
  }

  private static void cancel(String id) {
    taskStep(id, "CANCEL", Map.of("reason", "Không còn phù hợp"));
  }

  private static void taskStep(String id, String action, Map<String, Object> extra) {
    long version = json("admin").get("/api/v1/tasks/" + id).jsonPath().getLong("version");
    Map<String, Object> b = new LinkedHashMap<>(extra);
    b.put("action", action);
    Response r =
        json("admin")
            .header("If-Match", "\"" + version + "\"")
            .body(b)
            .post("/api/v1/tasks/" + id + "/transitions");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
  }

  private Map<String, Object> directive(String unit, String issueDate, String targets, String due) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("type", "KE_HOACH");
    b.put("symbol", "KH-UBND");
    b.put("issuingUnitId", unit);
    b.put("issueDate", issueDate);
    b.put("title", "Triển khai công tác dân vận năm 2031 " + tag + " " + UUID.randomUUID());
    if (targets != null) {
      b.put("obligations", Map.of("targets", targets, "kind", "COMMUNE", "dueDate", due));
    }
    return b;
  }

  private static String issued(Map<String, Object> body) {
    Response created = json("admin").body(body).post("/api/v1/directives");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String id = created.jsonPath().getString("id");
    directiveStep(id, created.jsonPath().getLong("version"), "ISSUE");
    return id;
  }

  private static void directiveStep(String id, long version, String action) {
    Response r =
        json("admin")
            .header("If-Match", "\"" + version + "\"")
            .body(Map.of("action", action))
            .post("/api/v1/directives/" + id + "/transitions");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
  }

  /** An implementing plan of {@code unit}: created, linked, issued (the link fulfils it). */
  private void plan(String unit, String day, String directive) {
    Response created =
        json("admin").body(directive(unit, day, null, null)).post("/api/v1/directives");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String id = created.jsonPath().getString("id");
    Response link =
        json("admin")
            .body(Map.of("targetId", directive, "relation", "IMPLEMENTS"))
            .post("/api/v1/directives/" + id + "/references");
    assertThat(link.statusCode()).as(link.asString()).isIn(200, 201);
    directiveStep(
        id, json("admin").get("/api/v1/directives/" + id).jsonPath().getLong("version"), "ISSUE");
  }

  private static void visit(String unit, String at, String kind, int size, boolean anonymous) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("orgUnitId", unit);
    b.put("receivedAt", at);
    b.put("contentKind", kind);
    b.put("field", "LAND");
    b.put("summary", "Phản ánh về việc thu hồi đất thửa số 125 tờ bản đồ số 7");
    if (anonymous) {
      b.put("anonymous", true);
      b.put("visitors", List.of());
    } else {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("fullName", "Nguyễn Văn Thử");
      v.put("idType", "CCCD");
      v.put("idNumber", "079" + (100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999)));
      v.put("address", "12 Đường Số 7, TP Hồ Chí Minh");
      if (size >= 5) {
        v.put("representative", true);
        b.put("groupSize", size);
      }
      b.put("visitors", List.of(v));
    }
    created(json("admin").body(b).post("/api/v1/reception-visits"));
  }

  private static String caseOf(String unit, String kind, String received) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("orgUnitId", unit);
    b.put("kind", kind);
    b.put("field", "LAND");
    b.put("title", "Vụ việc " + UUID.randomUUID());
    b.put("receivedDate", received);
    return created(json("admin").body(b).post("/api/v1/cases"));
  }

  private static void caseStep(String id, String action, String date, String decision) {
    long version = json("admin").get("/api/v1/cases/" + id).jsonPath().getLong("version");
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("action", action);
    b.put("date", date);
    if (decision != null) {
      b.put("decisionReference", decision);
    }
    Response r =
        json("admin")
            .header("If-Match", "\"" + version + "\"")
            .body(b)
            .post("/api/v1/cases/" + id + "/transitions");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
  }

  private static void session(String unit, String date, String role) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("orgUnitId", unit);
    s.put("kind", role.equals("OFFICER") ? "REGULAR" : "PERIODIC_HEAD");
    s.put("sessionDate", date);
    s.put("hostName", "Người chủ trì");
    s.put("hostRole", role);
    created(json("admin").body(s).post("/api/v1/reception-sessions"));
  }

  private static String created(Response r) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r.jsonPath().getString("id");
  }
}
