package vn.danvan.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reception.ReceptionFixtures.*;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.json;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.Statements;
import vn.danvan.testing.TestClock;

/**
 * Reception statistics read their whole months from the tallies the writing transactions keep and
 * the days around them from the records: every range, grouping and unit filter must count what the
 * records say, and the tallies must equal a recount after inserts, updates and deletes. The years
 * 2044 (a leap year: 29 February is an edge) and 2045 are this class's own, one per test.
 */
@QuarkusTest
class ReceptionTallyTest {

  static final String STATISTICS = "/api/v1/reception/statistics";

  @Inject EntityManager em;
  @Inject @PersistenceUnitExtension Statements statements;

  /** What the test knows of a visit it recorded. */
  record Visit(LocalDate day, String kind, String field, String outcome, int size, boolean anon) {}

  /** What the test knows of a case: received, accepted (or null), resolved (or null). */
  record Case(LocalDate received, String kind, LocalDate accepted, LocalDate resolved) {}

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  @Test
  void wholeAndPartMonthsCountWhatTheRecordsSay() {
    List<Visit> visits = new ArrayList<>();
    visits.add(record(new Visit(day("2044-01-31"), "COMPLAINT", "LAND", null, 1, false)));
    visits.add(record(new Visit(day("2044-02-01"), "PETITION", "SOCIAL_POLICY", null, 1, false)));
    visits.add(
        record(
            new Visit(
                day("2044-02-29"), "COMPLAINT", "LAND", "RETURNED_WITH_GUIDANCE", 12, false)));
    visits.add(record(new Visit(day("2044-03-01"), "DENUNCIATION", "CORRUPTION", null, 1, true)));
    visits.add(
        record(new Visit(day("2044-03-15"), "FEEDBACK", "OTHER", "ANSWERED_DIRECTLY", 1, false)));
    visits.add(
        record(
            new Visit(
                day("2044-03-16"), "COMPLAINT", "COMPENSATION_RESETTLEMENT", null, 1, false)));
    visits.add(record(new Visit(day("2044-04-30"), "PETITION", "LAND", null, 1, false)));
    // an update moves a visit to another month, kind and field: both tallies follow
    Map<String, Object> moved =
        body(new Visit(day("2044-04-10"), "FEEDBACK", "LAND", null, 1, false));
    String id = createOk("reception", moved);
    moved.put("receivedAt", "2044-02-10T09:00:00+07:00");
    moved.put("contentKind", "PETITION");
    moved.put("field", "JUSTICE");
    moved.put("outcome", "ACCEPTED_FOR_RESOLUTION");
    moved.remove("visitors");
    Response put = json("reception").header("If-Match", "\"0\"").body(moved).put(VISITS + "/" + id);
    assertThat(put.statusCode()).as(put.asString()).isEqualTo(200);
    visits.add(
        new Visit(day("2044-02-10"), "PETITION", "JUSTICE", "ACCEPTED_FOR_RESOLUTION", 1, false));

    List<Case> cases = new ArrayList<>();
    cases.add(caseOf("COMPLAINT", "2044-01-31", "2044-02-02", null));
    cases.add(caseOf("DENUNCIATION", "2044-02-01", null, null));
    cases.add(caseOf("COMPLAINT", "2044-02-29", "2044-03-02", "2044-03-20"));
    cases.add(caseOf("COMPLAINT", "2044-03-16", null, null));
    cases.add(caseOf("DENUNCIATION", "2044-04-30", null, null));

    // the cases' deadlines have passed for the ones still open on this day
    TestClock.today(day("2044-12-01"));
    String[][] ranges = {
      {"2044-01-01", "2044-12-31"}, // whole months only
      {"2044-01-31", "2044-03-15"}, // a day before, whole February, half of March
      {"2044-02-01", "2044-02-29"}, // one whole month, ending on a leap day
      {"2044-02-10", "2044-03-16"}, // no whole month
      {"2044-03-16", "2044-04-30"}, // part of March, whole April
      {"2044-01-31", "2044-01-31"} // one day
    };
    for (String[] r : ranges) {
      LocalDate from = day(r[0]);
      LocalDate to = day(r[1]);
      List<Visit> in = visits.stream().filter(v -> within(v.day(), from, to)).toList();
      List<Case> casesIn = cases.stream().filter(c -> within(c.received(), from, to)).toList();
      for (String unitQuery :
          List.of(
              "orgUnitId=" + HCM + "&orgUnitMode=DESCENDANTS",
              "orgUnitId=" + AN_HOI_TAY + "&orgUnitMode=SELECTED",
              "orgUnitId=" + AN_HOI_TAY + "&orgUnitMode=CHILDREN")) {
        String q = "?" + unitQuery + "&from=" + from + "&to=" + to + "&groupBy=";
        String where = unitQuery + " " + from + ".." + to;
        check(
            as("hcm-manager").get(STATISTICS + q + "CONTENT_KIND").jsonPath(),
            where,
            in,
            casesIn,
            Visit::kind,
            Case::kind);
        check(
            as("hcm-manager").get(STATISTICS + q + "FIELD").jsonPath(),
            where,
            in,
            casesIn,
            Visit::field,
            c -> "LAND");
        check(
            as("auditor").get(STATISTICS + q + "MONTH").jsonPath(),
            where,
            in,
            casesIn,
            v -> month(v.day()),
            c -> month(c.received()));
        check(
            as("auditor").get(STATISTICS + q + "UNIT").jsonPath(),
            where,
            in,
            casesIn,
            v -> AN_HOI_TAY,
            c -> AN_HOI_TAY);
        check(
            as("hcm-manager").get(STATISTICS + q + "OUTCOME").jsonPath(),
            where,
            in,
            null,
            v -> v.outcome() == null ? "NONE" : v.outcome(),
            null);
        // out of scope: nothing, whichever way it is read
        assertThat(as("viewer").get(STATISTICS + q + "UNIT").jsonPath().getInt("total.visits"))
            .as(where)
            .isZero();
      }
    }
    // a year of whole months reads the tallies and the open cases, never every visit or case
    String year =
        STATISTICS + "?orgUnitId=" + HCM + "&orgUnitMode=DESCENDANTS&from=2044-01-01&to=2044-12-31";
    List<String> sql =
        statements.of("hcm-manager", () -> as("hcm-manager").get(year + "&groupBy=UNIT"));
    assertThat(sql).anyMatch(q -> q.contains("from reception_visit_tally"));
    assertThat(sql).anyMatch(q -> q.contains("from reception_case_tally"));
    assertThat(sql).noneMatch(q -> q.contains("from reception_visit v"));
    assertThat(sql)
        .filteredOn(q -> q.contains("from reception_case c"))
        .allMatch(q -> q.contains("c.status in ('RECEIVED','ACCEPTED')"));
    // a part month reads the visits of its days only
    List<String> part =
        statements.of(
            "hcm-manager",
            () ->
                as("hcm-manager")
                    .get(
                        STATISTICS
                            + "?orgUnitId="
                            + HCM
                            + "&from=2044-01-31&to=2044-03-15&groupBy=UNIT"));
    assertThat(part).anyMatch(q -> q.contains("from reception_visit v"));
    assertThat(part).anyMatch(q -> q.contains("from reception_visit_tally"));
    assertTalliesMatchARecount();
  }

  @Test
  void talliesFollowDeletesAndErasures() {
    Visit v = new Visit(day("2045-06-15"), "COMPLAINT", "LAND", null, 1, false);
    record(v);
    String id = lastId;
    String q =
        "?orgUnitId="
            + AN_HOI_TAY
            + "&orgUnitMode=SELECTED&from=2045-06-01&to=2045-06-30&groupBy=UNIT";
    assertThat(as("auditor").get(STATISTICS + q).jsonPath().getInt("total.visits")).isEqualTo(1);
    // a visit deleted by SQL (no API deletes one; its identity rows cascade): the delete
    // trigger takes it out
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.createNativeQuery("delete from reception_visit where id = cast(:id as uuid)")
                  .setParameter("id", id)
                  .executeUpdate();
            });
    JsonPath after = as("auditor").get(STATISTICS + q).jsonPath();
    assertThat(after.getInt("total.visits")).isZero();
    assertThat(after.getList("items")).as("a tally row at zero makes no group").isEmpty();
    // an update that changes nothing counted (the personal data erased) touches no tally row
    record(new Visit(day("2045-06-20"), "PETITION", "LAND", null, 1, false));
    long before = tallyRows();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update reception_visit set visitor_data = null, personal_data_erased_at = now()"
                            + " where received_date = '2045-06-20'")
                    .executeUpdate());
    assertThat(tallyRows()).isEqualTo(before);
    assertThat(as("auditor").get(STATISTICS + q).jsonPath().getInt("total.visits")).isEqualTo(1);
    assertTalliesMatchARecount();
  }

  // ------------------------------------------------------------------ helpers

  private String lastId;

  private Visit record(Visit v) {
    lastId = createOk("reception", body(v));
    return v;
  }

  private static Map<String, Object> body(Visit v) {
    List<Map<String, Object>> people = new ArrayList<>();
    if (!v.anon()) {
      int representatives = v.size() >= 5 ? 3 : 1;
      for (int i = 0; i < representatives; i++) {
        people.add(visitor(uniqueName("Lý"), uniqueCccd(), v.size() >= 5));
      }
    }
    Map<String, Object> b = visit(v.kind(), people);
    b.put("receivedAt", v.day() + "T09:00:00+07:00");
    b.put("field", v.field());
    if (v.outcome() == null) {
      b.remove("outcome");
    } else {
      b.put("outcome", v.outcome());
    }
    if (v.size() > 1) {
      b.put("groupSize", v.size());
    }
    if (v.anon()) {
      b.put("anonymous", true);
    }
    return b;
  }

  private static Case caseOf(String kind, String received, String accepted, String resolved) {
    Map<String, Object> body = ReceptionCaseTest.caseBody(kind, received);
    String id = ReceptionCaseTest.createCase(body).jsonPath().getString("id");
    long version = 0;
    if (accepted != null) {
      Response r = ReceptionCaseTest.transition(id, version++, "ACCEPT", accepted, null);
      assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    }
    if (resolved != null) {
      Response r = ReceptionCaseTest.transition(id, version, "RESOLVE", resolved, "12/QĐ-UBND");
      assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    }
    return new Case(
        day(received),
        kind,
        accepted == null ? null : day(accepted),
        resolved == null ? null : day(resolved));
  }

  /**
   * The answer's groups equal the records' own counts by {@code visitKey} (and, when given, the
   * cases' by {@code caseKey}): visits, people, groups of 5 or more, anonymous denunciations, cases
   * accepted and resolved, and overdue (every open case is overdue on the clock's day).
   */
  private static void check(
      JsonPath answer,
      String where,
      List<Visit> visits,
      List<Case> cases,
      Function<Visit, String> visitKey,
      Function<Case, String> caseKey) {
    Map<String, List<Long>> expected = new TreeMap<>();
    for (Visit v : visits) {
      List<Long> row = expected.computeIfAbsent(visitKey.apply(v), k -> zeros());
      add(row, 0, 1);
      add(row, 1, v.size());
      add(row, 2, v.size() >= 5 ? 1 : 0);
      add(row, 3, v.anon() ? 1 : 0);
    }
    if (cases != null) {
      for (Case c : cases) {
        List<Long> row = expected.computeIfAbsent(caseKey.apply(c), k -> zeros());
        add(row, 4, c.accepted() == null ? 0 : 1);
        add(row, 5, c.resolved() == null ? 0 : 1);
        add(row, 6, c.resolved() == null ? 1 : 0);
      }
    }
    Map<String, List<Long>> actual = new TreeMap<>();
    List<Map<String, Object>> items = answer.getList("items");
    for (Map<String, Object> item : items) {
      actual.put(
          String.valueOf(item.get("key")),
          List.of(
              number(item, "visits"),
              number(item, "people"),
              number(item, "groups"),
              number(item, "anonymousDenunciations"),
              number(item, "casesAccepted"),
              number(item, "casesResolved"),
              number(item, "casesOverdue")));
    }
    assertThat(actual).as(where).isEqualTo(expected);
  }

  private static List<Long> zeros() {
    return new ArrayList<>(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L));
  }

  private static void add(List<Long> row, int i, long n) {
    row.set(i, row.get(i) + n);
  }

  private static long number(Map<String, Object> item, String field) {
    return ((Number) item.get(field)).longValue();
  }

  private static boolean within(LocalDate d, LocalDate from, LocalDate to) {
    return !d.isBefore(from) && !d.isAfter(to);
  }

  private static String month(LocalDate d) {
    return d.toString().substring(0, 7);
  }

  private static LocalDate day(String s) {
    return LocalDate.parse(s);
  }

  private long tallyRows() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select count(*) from reception_visit_tally where month = '2045-06-01'")
                            .getSingleResult())
                    .longValue());
  }

  /** Both tallies, rows with a count only, equal the same counts recounted from the records. */
  private void assertTalliesMatchARecount() {
    String visitTally =
        "select unit_id, unit_path, month, dimension, key, visits, people, groups,"
            + " anonymous_denunciations from reception_visit_tally"
            + " where visits <> 0 or people <> 0 or groups <> 0 or anonymous_denunciations <> 0";
    String visitRecount =
        "select v.unit_id, v.unit_path, date_trunc('month', v.received_date)::date, d.dimension,"
            + " d.key, count(*), sum(v.group_size), count(*) filter (where v.group_size >= 5),"
            + " count(*) filter (where v.content_kind = 'DENUNCIATION' and v.anonymous)"
            + " from reception_visit v cross join lateral (values ('TOTAL', ''),"
            + " ('CONTENT_KIND', v.content_kind)) d (dimension, key) group by 1, 2, 3, 4, 5";
    String caseTally =
        "select unit_id, unit_path, month, dimension, key, cases, accepted, resolved,"
            + " resolved_on_time from reception_case_tally"
            + " where cases <> 0 or accepted <> 0 or resolved <> 0 or resolved_on_time <> 0";
    String caseRecount =
        "select c.unit_id, c.unit_path, date_trunc('month', c.received_date)::date, d.dimension,"
            + " d.key, count(*), count(*) filter (where c.accepted_date is not null),"
            + " count(*) filter (where c.resolved_date is not null),"
            + " count(*) filter (where c.resolved_date <= coalesce(c.resolution_due_date, c.resolved_date))"
            + " from reception_case c cross join lateral (values ('TOTAL', ''),"
            + " ('CONTENT_KIND', c.kind)) d (dimension, key) group by 1, 2, 3, 4, 5";
    for (String[] pair : new String[][] {{visitTally, visitRecount}, {caseTally, caseRecount}}) {
      long differences =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      ((Number)
                              em.createNativeQuery(
                                      "select count(*) from ((("
                                          + pair[0]
                                          + ") except ("
                                          + pair[1]
                                          + ")) union all (("
                                          + pair[1]
                                          + ") except ("
                                          + pair[0]
                                          + "))) x")
                                  .getSingleResult())
                          .longValue());
      assertThat(differences).as(pair[0]).isZero();
    }
  }
}
