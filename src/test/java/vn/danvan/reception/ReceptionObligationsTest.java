package vn.danvan.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reception.ReceptionFixtures.*;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.json;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.agenda.Obligation;
import vn.danvan.shared.agenda.ObligationCount;
import vn.danvan.shared.agenda.ObligationGrouping;
import vn.danvan.shared.agenda.ObligationKey;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationQuery;
import vn.danvan.shared.agenda.ObligationSource;
import vn.danvan.shared.agenda.ObligationState;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.testing.TestClock;

/**
 * The reception feature's agenda obligations equal its own answers: case deadlines as the case API
 * computes them, head-of-unit reception days as the compliance endpoint counts them. Each test
 * works in communes of its own (created under TP HCM and Hà Nội), so other tests' data never mixes
 * in.
 */
@QuarkusTest
class ReceptionObligationsTest {

  private static final Set<ObligationKind> CASE_KINDS =
      EnumSet.of(ObligationKind.CASE_ACCEPTANCE, ObligationKind.CASE_RESOLUTION);
  private static final Set<ObligationKind> HEAD = EnumSet.of(ObligationKind.HEAD_RECEPTION_DAY);
  private static final LocalDate TODAY = LocalDate.of(2041, 6, 14);

  @Inject CaseObligations caseSource;
  @Inject HeadReceptionObligations headSource;

  private String ward;
  private String hanoiWard;

  @BeforeEach
  void units() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    ward = commune("Phường Nghĩa Vụ " + tag, HCM);
    hanoiWard = commune("Phường Hạn Định " + tag, HA_NOI);
  }

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  // ------------------------------------------------------------------ case deadlines

  @Test
  void caseDeadlinesEqualTheCaseApiAndPageOnce() {
    TestClock.today(TODAY);
    Random random = new Random(14);
    List<String> ids = new ArrayList<>();
    // six cases received the same day: equal due dates, ordered by id
    for (int i = 0; i < 6; i++) {
      ids.add(createCase(ward, i % 2 == 0 ? "COMPLAINT" : "DENUNCIATION", "2041-03-05", Map.of()));
    }
    for (int i = 0; i < 24; i++) {
      String kind = random.nextBoolean() ? "COMPLAINT" : "DENUNCIATION";
      LocalDate received = LocalDate.of(2041, 2, 1).plusDays(random.nextInt(90));
      Map<String, Object> flags = new HashMap<>();
      if (random.nextInt(3) == 0) {
        flags.put(kind.equals("COMPLAINT") ? "complex" : "veryComplex", true);
      }
      if (kind.equals("COMPLAINT") && random.nextInt(4) == 0) {
        flags.put("instance", "SECOND");
        flags.put("remoteArea", true);
      }
      String id = createCase(ward, kind, received.toString(), flags);
      ids.add(id);
      LocalDate day = received.plusDays(3 + random.nextInt(12));
      long v = 0;
      switch (random.nextInt(7)) {
        case 0 -> {} // still received
        case 1 -> transition(id, v, "CLOSE", day, null, null); // refused
        case 2 -> transition(id, v, "TRANSFER", day, null, "Thanh tra Thành phố");
        default -> {
          transition(id, v++, "ACCEPT", day, null, null);
          if (flags.containsKey("veryComplex")) {
            transition(id, v++, "EXTEND", day.plusDays(20), "07/QĐ-TTr", null);
          }
          // every transition on or before today: the case API counts a future one as met
          LocalDate resolved = day.plusDays(20 + random.nextInt(40));
          if (random.nextBoolean() && !resolved.isAfter(TODAY)) {
            transition(id, v++, "RESOLVE", resolved, "25/QĐ", null);
            if (random.nextBoolean() && !resolved.plusDays(5).isAfter(TODAY)) {
              transition(id, v, "REOPEN", resolved.plusDays(5), null, null);
            }
          }
        }
      }
    }
    // a petition has no legal deadline; a case elsewhere is not the ward's
    createCase(ward, "PETITION", "2041-03-05", Map.of());
    createCase(hanoiWard, "COMPLAINT", "2041-03-05", Map.of());

    List<Obligation> all = all(caseSource, query(ward, OrgUnitMode.SELECTED, CASE_KINDS, TODAY));
    Map<String, Obligation> byKey = new HashMap<>();
    for (Obligation o : all) {
      assertThat(byKey.put(o.kind() + "/" + o.id(), o)).as("listed once: %s", o).isNull();
      assertThat(o.orgUnitId()).hasToString(ward);
      assertThat(o.href()).isEqualTo("/api/v1/cases/" + o.id());
      assertThat(ids).contains(o.id().toString());
    }
    int expected = 0;
    for (String id : ids) {
      JsonPath c = as("admin").get(CASES + "/" + id).jsonPath();
      String status = c.getString("status");
      List<Map<String, Object>> deadlines = c.getList("deadlines");
      for (Map<String, Object> d : deadlines) {
        ObligationKind kind =
            "ACCEPTANCE".equals(d.get("kind"))
                ? ObligationKind.CASE_ACCEPTANCE
                : ObligationKind.CASE_RESOLUTION;
        Obligation o = byKey.get(kind + "/" + id);
        if (status.equals("TRANSFERRED")) {
          assertThat(o).as("a transferred case binds no more").isNull();
          continue;
        }
        expected++;
        assertThat(o).as("%s of %s", kind, id).isNotNull();
        assertThat(o.dueDate()).hasToString((String) d.get("dueDate"));
        boolean refused = status.equals("CLOSED") && c.getString("acceptedDate") == null;
        if (refused) {
          // refusing to accept settles the acceptance deadline on the closing day
          LocalDate closed = LocalDate.parse(c.getString("closedDate"));
          assertThat(o.doneDate()).isEqualTo(closed);
          assertThat(o.state()).isEqualTo(ObligationState.of(o.dueDate(), closed, TODAY));
          continue;
        }
        assertThat(o.doneDate() == null ? null : o.doneDate().toString())
            .isEqualTo(d.get("metDate"));
        assertThat(o.state()).isEqualTo(state((String) d.get("state")));
      }
    }
    assertThat(all).hasSize(expected);

    // every state and a window of due dates, as the whole list filtered
    for (ObligationState s : ObligationState.values()) {
      ObligationQuery q = query(ward, OrgUnitMode.SELECTED, CASE_KINDS, TODAY);
      assertThat(all(caseSource, with(q, s, null, null, false)))
          .containsExactlyElementsOf(all.stream().filter(o -> o.state() == s).toList());
    }
    LocalDate from = LocalDate.of(2041, 3, 15);
    LocalDate to = LocalDate.of(2041, 4, 30);
    assertThat(
            all(
                caseSource,
                with(query(ward, OrgUnitMode.SELECTED, CASE_KINDS, TODAY), null, from, to, true)))
        .containsExactlyElementsOf(
            all.reversed().stream()
                .filter(o -> !o.dueDate().isBefore(from) && !o.dueDate().isAfter(to))
                .toList());
    // one kind only
    assertThat(
            all(
                caseSource,
                query(
                    ward, OrgUnitMode.SELECTED, EnumSet.of(ObligationKind.CASE_RESOLUTION), TODAY)))
        .containsExactlyElementsOf(
            all.stream().filter(o -> o.kind() == ObligationKind.CASE_RESOLUTION).toList());

    // as of a past day: cases received later are not there yet, nor resolutions not yet started
    LocalDate past = LocalDate.of(2041, 4, 1);
    for (Obligation o : all(caseSource, query(ward, OrgUnitMode.SELECTED, CASE_KINDS, past))) {
      Obligation now = byKey.get(o.kind() + "/" + o.id());
      assertThat(o.dueDate()).isEqualTo(now.dueDate());
      LocalDate done =
          now.doneDate() != null && !now.doneDate().isAfter(past) ? now.doneDate() : null;
      assertThat(o.doneDate()).isEqualTo(done);
      assertThat(o.state()).isEqualTo(ObligationState.of(o.dueDate(), done, past));
    }
    // as of a future day: nothing is in term any more unless due later
    for (Obligation o :
        all(caseSource, query(ward, OrgUnitMode.SELECTED, CASE_KINDS, LocalDate.of(2043, 1, 1)))) {
      assertThat(o.state())
          .isIn(ObligationState.DONE_ON_TIME, ObligationState.DONE_LATE, ObligationState.OVERDUE);
    }
  }

  @Test
  void scopeRootsAndCountsOfCases() {
    TestClock.today(TODAY);
    String hcmCase = createCase(ward, "COMPLAINT", "2041-03-05", Map.of());
    String hnCase = createCase(hanoiWard, "DENUNCIATION", "2041-03-05", Map.of());
    transition(hnCase, 0, "ACCEPT", LocalDate.of(2041, 3, 8), null, null);
    LocalDate from = LocalDate.of(2041, 1, 1);
    LocalDate to = LocalDate.of(2041, 12, 31);
    ObligationQuery hcm =
        new ObligationQuery(
            null,
            null,
            new UUID[] {UUID.fromString(HCM)},
            CASE_KINDS,
            null,
            from,
            to,
            TODAY,
            null,
            false,
            100);
    List<String> seen = all(caseSource, hcm).stream().map(o -> o.id().toString()).toList();
    assertThat(seen).contains(hcmCase).doesNotContain(hnCase);
    ObligationQuery hn =
        new ObligationQuery(
            null,
            null,
            new UUID[] {UUID.fromString(HA_NOI)},
            CASE_KINDS,
            null,
            from,
            to,
            TODAY,
            null,
            false,
            100);
    assertThat(all(caseSource, hn).stream().map(o -> o.id().toString()))
        .contains(hnCase)
        .doesNotContain(hcmCase);
    // a province's subtree (the per-province indexes) and a restriction that excludes it
    ObligationQuery province =
        with(query(HCM, OrgUnitMode.DESCENDANTS, CASE_KINDS, TODAY), null, from, to, false);
    assertThat(all(caseSource, province).stream().map(o -> o.id().toString()))
        .contains(hcmCase)
        .doesNotContain(hnCase);
    ObligationQuery crossed =
        new ObligationQuery(
            UUID.fromString(HCM),
            OrgUnitMode.DESCENDANTS,
            new UUID[] {UUID.fromString(HA_NOI)},
            CASE_KINDS,
            null,
            from,
            to,
            TODAY,
            null,
            false,
            100);
    assertThat(all(caseSource, crossed)).isEmpty();

    // counts equal counting the pages, for each grouping
    assertCountsMatchPages(caseSource, province, 3);
    assertCountsMatchPages(caseSource, hcm, 2);
    assertCountsMatchPages(caseSource, query(ward, OrgUnitMode.SELECTED, CASE_KINDS, TODAY), 1);
  }

  @Test
  void deadlinesAcrossAWeekendAndTet() {
    LocalDate day = LocalDate.of(2027, 3, 31);
    TestClock.today(day);
    // a denunciation received Tuesday 2/2/2027: 7 working days over Tết (4–10/2 off) → 18/2
    String tet = createCase(ward, "DENUNCIATION", "2027-02-02", Map.of());
    // a complaint received Friday 29/1/2027: 10 days end Monday 8/2, in Tết → Thursday 11/2
    String complaint = createCase(ward, "COMPLAINT", "2027-01-29", Map.of());
    // a denunciation received Thursday 4/3/2027: 7 working days over a weekend → 15/3
    String weekend = createCase(ward, "DENUNCIATION", "2027-03-04", Map.of());
    Map<String, Obligation> byId = new HashMap<>();
    all(caseSource, query(ward, OrgUnitMode.SELECTED, CASE_KINDS, day))
        .forEach(o -> byId.put(o.id().toString(), o));
    assertThat(byId.get(tet).dueDate()).isEqualTo(LocalDate.of(2027, 2, 18));
    assertThat(byId.get(complaint).dueDate()).isEqualTo(LocalDate.of(2027, 2, 11));
    assertThat(byId.get(weekend).dueDate()).isEqualTo(LocalDate.of(2027, 3, 15));
    for (String id : List.of(tet, complaint, weekend)) {
      JsonPath d = as("admin").get(CASES + "/" + id + "/deadlines").jsonPath();
      assertThat(byId.get(id).dueDate()).hasToString(d.getString("items[0].dueDate"));
      assertThat(byId.get(id).state()).isEqualTo(ObligationState.OVERDUE);
      assertThat(state(d.getString("items[0].state"))).isEqualTo(ObligationState.OVERDUE);
    }
    // the last day of term is in term, the next working day overdue
    LocalDate due = LocalDate.of(2027, 2, 18);
    assertThat(stateOn(tet, due)).isEqualTo(ObligationState.IN_PROGRESS_IN_TERM);
    assertThat(stateOn(tet, due.plusDays(1))).isEqualTo(ObligationState.OVERDUE);
    transition(tet, 0, "ACCEPT", LocalDate.of(2027, 2, 18), null, null);
    assertThat(stateOn(tet, day)).isEqualTo(ObligationState.DONE_ON_TIME);
    assertThat(stateOn(tet, LocalDate.of(2027, 2, 17)))
        .isEqualTo(ObligationState.IN_PROGRESS_IN_TERM);
  }

  @Test
  void noPersonalDataInAnyEntry() {
    TestClock.today(TODAY);
    String name = uniqueName("Trịnh");
    String cccd = uniqueCccd();
    Map<String, Object> flags = new HashMap<>();
    flags.put("title", "Khiếu nại của " + name + " về thửa đất số 125, CCCD " + cccd);
    String id = createCase(ward, "COMPLAINT", "2041-03-05", flags);
    Map<String, Object> v = visit("COMPLAINT", List.of(visitor(name, cccd, false)));
    v.put("orgUnitId", ward);
    v.put("receivedAt", "2041-03-05T08:30:00+07:00");
    v.put("caseId", id);
    createOk("admin", v);
    transition(id, 0, "ACCEPT", LocalDate.of(2041, 3, 9), null, null);
    List<Obligation> entries =
        all(caseSource, query(ward, OrgUnitMode.SELECTED, CASE_KINDS, TODAY));
    assertThat(entries).hasSize(2);
    for (Obligation o : entries) {
      String text = o.toString();
      assertThat(text)
          .doesNotContain(name)
          .doesNotContain(cccd)
          .doesNotContain("0901234567")
          .doesNotContain("thửa đất")
          .doesNotContain("12 Đường Số 7");
      assertThat(o.title())
          .isEqualTo(
              "Vụ việc khiếu nại số "
                  + id.substring(0, 8).toUpperCase()
                  + (o.kind() == ObligationKind.CASE_ACCEPTANCE
                      ? ": hạn thụ lý"
                      : ": hạn giải quyết"));
    }
  }

  // ------------------------------------------------------------------ head-of-unit reception

  @Test
  void headReceptionDaysEqualTheComplianceEndpoint() {
    TestClock.today(TODAY);
    // ISO weeks of 2041 from Monday 6/5 (W19) to Sunday 9/6 (W23), and the week of 10/6 (W24)
    ReceptionReportTest.session(ward, "2041-05-08", "HEAD");
    ReceptionReportTest.session(ward, "2041-05-15", "DEPUTY_DELEGATED");
    ReceptionReportTest.session(ward, "2041-05-22", "OFFICER");
    ReceptionReportTest.session(ward, "2041-06-06", "HEAD");
    ReceptionReportTest.session(ward, "2041-06-04", "HEAD");
    ReceptionReportTest.session(ward, "2041-06-11", "HEAD");
    ReceptionReportTest.session(ward, "2041-06-14", "HEAD");
    LocalDate from = LocalDate.of(2041, 5, 6);
    LocalDate to = LocalDate.of(2041, 6, 9);
    JsonPath c =
        as("admin")
            .queryParam("orgUnitId", ward)
            .queryParam("from", from.toString())
            .queryParam("to", to.toString())
            .get("/api/v1/reception/compliance")
            .jsonPath()
            .setRootPath("items[0]");
    assertThat(c.getList("missedPeriods")).containsExactly("2041-W21", "2041-W22");

    ObligationQuery q =
        with(
            query(ward, OrgUnitMode.SELECTED, HEAD, TODAY),
            null,
            from,
            LocalDate.of(2041, 6, 30),
            false);
    List<Obligation> entries = all(headSource, q);
    assertThat(entries)
        .extracting(Obligation::dueDate)
        .allMatch(d -> d.getDayOfWeek() == DayOfWeek.SUNDAY);
    List<Obligation> ended = entries.stream().filter(o -> o.dueDate().isBefore(TODAY)).toList();
    assertThat(ended).hasSize(c.getInt("requiredPeriods"));
    assertThat(
            ended.stream()
                .filter(o -> o.state() == ObligationState.OVERDUE)
                .map(o -> week(o.dueDate())))
        .containsExactlyElementsOf(c.getList("missedPeriods", String.class));
    assertThat(ended.stream().filter(o -> o.state() == ObligationState.DONE_ON_TIME))
        .extracting(Obligation::doneDate)
        .containsExactly(
            LocalDate.of(2041, 5, 8), LocalDate.of(2041, 5, 15), LocalDate.of(2041, 6, 4));
    // the current week: done on its first day held; as of Monday not yet
    Obligation current = entries.getLast();
    assertThat(current.dueDate()).isEqualTo(LocalDate.of(2041, 6, 16));
    assertThat(current.state()).isEqualTo(ObligationState.DONE_ON_TIME);
    assertThat(current.doneDate()).isEqualTo(LocalDate.of(2041, 6, 11));
    assertThat(current.title())
        .isEqualTo("Tiếp công dân định kỳ của người đứng đầu tuần 24/2041 (10/06–16/06/2041)");
    assertThat(current.href())
        .isEqualTo(
            "/api/v1/reception/compliance?orgUnitId=" + ward + "&from=2041-06-10&to=2041-06-16");
    LocalDate monday = LocalDate.of(2041, 6, 10);
    List<Obligation> then =
        all(
            headSource,
            with(query(ward, OrgUnitMode.SELECTED, HEAD, monday), null, from, null, false));
    assertThat(then.getLast().dueDate()).isEqualTo(LocalDate.of(2041, 6, 16));
    assertThat(then.getLast().state()).isEqualTo(ObligationState.IN_PROGRESS_IN_TERM);
    assertThat(then.getLast().doneDate()).isNull();
    assertThat(then.getLast().id()).isEqualTo(current.id());
    // as of a later day the week without a day is overdue; no period is listed before it begins
    LocalDate later = LocalDate.of(2041, 6, 30);
    List<Obligation> future =
        all(
            headSource,
            with(query(ward, OrgUnitMode.SELECTED, HEAD, later), null, from, null, false));
    assertThat(future.getLast().dueDate()).isEqualTo(later);
    assertThat(
            future.stream()
                .filter(o -> o.dueDate().equals(LocalDate.of(2041, 6, 23)))
                .findFirst()
                .orElseThrow()
                .state())
        .isEqualTo(ObligationState.OVERDUE);

    // the province: a month each; the whole subtree as the compliance endpoint lists it
    LocalDate mFrom = LocalDate.of(2041, 4, 1);
    LocalDate mTo = LocalDate.of(2041, 5, 31);
    ObligationQuery city =
        with(query(HCM, OrgUnitMode.DESCENDANTS, HEAD, TODAY), null, mFrom, mTo, false);
    List<Obligation> cityEntries = all(headSource, city);
    Map<String, List<String>> missed = new HashMap<>();
    Map<String, Integer> required = new HashMap<>();
    String cursor = null;
    do {
      var request =
          as("admin")
              .queryParam("orgUnitId", HCM)
              .queryParam("from", mFrom.toString())
              .queryParam("to", mTo.toString())
              .queryParam("limit", 500);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.get("/api/v1/reception/compliance");
      assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
      List<Map<String, Object>> items = page.jsonPath().getList("items");
      for (Map<String, Object> item : items) {
        @SuppressWarnings("unchecked")
        List<String> m = (List<String>) item.get("missedPeriods");
        missed.put((String) item.get("orgUnitId"), m);
        required.put((String) item.get("orgUnitId"), (Integer) item.get("requiredPeriods"));
      }
      cursor = page.jsonPath().getString("next");
    } while (cursor != null);
    Map<String, List<String>> overdue = new HashMap<>();
    Map<String, Integer> listed = new HashMap<>();
    for (Obligation o : cityEntries) {
      String unit = o.orgUnitId().toString();
      listed.merge(unit, 1, Integer::sum);
      overdue.computeIfAbsent(unit, k -> new ArrayList<>());
      if (o.state() == ObligationState.OVERDUE) {
        overdue
            .get(unit)
            .add(unit.equals(HCM) ? YearMonth.from(o.dueDate()).toString() : week(o.dueDate()));
      }
    }
    required.values().removeIf(n -> n == 0);
    assertThat(listed).isEqualTo(required);
    missed.keySet().retainAll(required.keySet());
    assertThat(overdue).isEqualTo(missed);
    assertThat(listed.get(HCM)).isEqualTo(2);
    assertThat(listed).containsKey(ward).doesNotContainKey(hanoiWard);

    // counts equal counting the pages; paging walks each entry once
    assertCountsMatchPages(headSource, city, 3);
    ObligationQuery ours =
        with(query(ward, OrgUnitMode.SELECTED, HEAD, TODAY), null, from, null, false);
    assertCountsMatchPages(headSource, ours, 3);
    ObligationQuery restricted =
        new ObligationQuery(
            null,
            null,
            new UUID[] {UUID.fromString(HA_NOI)},
            HEAD,
            null,
            mFrom,
            mTo,
            TODAY,
            null,
            false,
            100);
    assertThat(all(headSource, restricted).stream().map(o -> o.orgUnitId().toString()))
        .contains(hanoiWard, HA_NOI)
        .doesNotContain(ward, HCM);
  }

  // ------------------------------------------------------------------ helpers

  /** Every entry, walked in pages of 7 (asc) and checked against one big page. */
  private List<Obligation> all(ObligationSource source, ObligationQuery q) {
    List<Obligation> big = call(() -> source.page(with(q, 100_000)));
    List<Obligation> walked = new ArrayList<>();
    ObligationKey after = null;
    for (int i = 0; i < 10_000; i++) {
      ObligationQuery page = withAfter(with(q, 7), after);
      List<Obligation> items = call(() -> source.page(page));
      assertThat(items.size()).isLessThanOrEqualTo(7);
      walked.addAll(items);
      if (items.size() < 7) {
        break;
      }
      after = items.getLast().key();
    }
    assertThat(walked).containsExactlyElementsOf(big);
    Comparator<ObligationKey> order =
        q.descending() ? ObligationKey.ORDER.reversed() : ObligationKey.ORDER;
    for (int i = 1; i < big.size(); i++) {
      assertThat(order.compare(big.get(i - 1).key(), big.get(i).key())).isNegative();
    }
    for (Obligation o : big) {
      assertThat(q.kinds()).contains(o.kind());
      if (q.state() != null) {
        assertThat(o.state()).isEqualTo(q.state());
      }
    }
    return big;
  }

  private void assertCountsMatchPages(ObligationSource source, ObligationQuery q, int level) {
    List<Obligation> entries = all(source, q);
    Map<UUID, List<UUID>> paths = new HashMap<>();
    for (ObligationGrouping g : ObligationGrouping.values()) {
      Map<String, Long> counted = new HashMap<>();
      for (ObligationCount c : call(() -> source.count(q, g, level))) {
        assertThat(c.count()).isPositive();
        assertThat(
                counted.put(
                    c.kind() + "/" + c.state() + "/" + c.unitId() + "/" + c.month(), c.count()))
            .isNull();
      }
      Map<String, Long> expected = new HashMap<>();
      for (Obligation o : entries) {
        UUID unit = null;
        if (g == ObligationGrouping.CHILD_UNIT) {
          List<UUID> path =
              paths.computeIfAbsent(
                  o.orgUnitId(),
                  u ->
                      as("admin")
                          .queryParam("asOf", q.day().toString())
                          .get("/api/v1/org-units/" + u)
                          .jsonPath()
                          .getList("path", String.class)
                          .stream()
                          .map(UUID::fromString)
                          .toList());
          unit = path.size() >= level ? path.get(level - 1) : o.orgUnitId();
        }
        YearMonth month = g == ObligationGrouping.MONTH ? YearMonth.from(o.dueDate()) : null;
        expected.merge(o.kind() + "/" + o.state() + "/" + unit + "/" + month, 1L, Long::sum);
      }
      assertThat(counted).as("grouped by %s", g).isEqualTo(expected);
    }
  }

  private ObligationState stateOn(String caseId, LocalDate day) {
    return all(
            caseSource,
            query(ward, OrgUnitMode.SELECTED, EnumSet.of(ObligationKind.CASE_ACCEPTANCE), day))
        .stream()
        .filter(o -> o.id().toString().equals(caseId))
        .findFirst()
        .orElseThrow()
        .state();
  }

  private static <T> T call(Supplier<T> s) {
    return QuarkusTransaction.requiringNew().call(s::get);
  }

  private static ObligationQuery query(
      String unit, OrgUnitMode mode, Set<ObligationKind> kinds, LocalDate day) {
    return new ObligationQuery(
        UUID.fromString(unit), mode, null, kinds, null, null, null, day, null, false, 100);
  }

  private static ObligationQuery with(
      ObligationQuery q, ObligationState state, LocalDate from, LocalDate to, boolean descending) {
    return new ObligationQuery(
        q.unitId(),
        q.mode(),
        q.roots(),
        q.kinds(),
        state,
        from,
        to,
        q.day(),
        null,
        descending,
        q.limit());
  }

  private static ObligationQuery with(ObligationQuery q, int limit) {
    return new ObligationQuery(
        q.unitId(),
        q.mode(),
        q.roots(),
        q.kinds(),
        q.state(),
        q.dueFrom(),
        q.dueTo(),
        q.day(),
        q.after(),
        q.descending(),
        limit);
  }

  private static ObligationQuery withAfter(ObligationQuery q, ObligationKey after) {
    return new ObligationQuery(
        q.unitId(),
        q.mode(),
        q.roots(),
        q.kinds(),
        q.state(),
        q.dueFrom(),
        q.dueTo(),
        q.day(),
        after,
        q.descending(),
        q.limit());
  }

  private static ObligationState state(String deadlineState) {
    return switch (DeadlineState.valueOf(deadlineState)) {
      case MET -> ObligationState.DONE_ON_TIME;
      case MET_LATE -> ObligationState.DONE_LATE;
      case IN_TERM, DUE_SOON -> ObligationState.IN_PROGRESS_IN_TERM;
      case OVERDUE -> ObligationState.OVERDUE;
    };
  }

  private static String week(LocalDate d) {
    return String.format(
        "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private static String commune(String name, String parent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "COMMUNE");
    body.put("name", name);
    body.put("validFrom", "2000-01-01");
    body.put("parentId", parent);
    return json("admin")
        .body(body)
        .post("/api/v1/org-units")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static String createCase(
      String unit, String kind, String received, Map<String, Object> extra) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("orgUnitId", unit);
    b.put("kind", kind);
    b.put("field", "LAND");
    b.put("title", "Vụ việc " + UUID.randomUUID());
    b.put("receivedDate", received);
    b.putAll(extra);
    Response r = json("admin").body(b).post(CASES);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r.jsonPath().getString("id");
  }

  private static void transition(
      String id, long version, String action, LocalDate date, String decision, String target) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("action", action);
    b.put("date", date.toString());
    if (decision != null) {
      b.put("decisionReference", decision);
    }
    if (target != null) {
      b.put("transferredTo", target);
    }
    Response r =
        json("admin")
            .header("If-Match", "\"" + version + "\"")
            .body(b)
            .post(CASES + "/" + id + "/transitions");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
  }
}
