package vn.danvan.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dialogue.DialogueFixtures.AN_HOI_TAY;
import static vn.danvan.dialogue.DialogueFixtures.BASE;
import static vn.danvan.dialogue.DialogueFixtures.HCM;
import static vn.danvan.dialogue.DialogueFixtures.KH_246_HCM;
import static vn.danvan.dialogue.DialogueFixtures.body;
import static vn.danvan.dialogue.DialogueFixtures.createdId;
import static vn.danvan.dialogue.DialogueFixtures.held;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.OrgUnitKind;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.shared.agenda.Obligation;
import vn.danvan.shared.agenda.ObligationCount;
import vn.danvan.shared.agenda.ObligationGrouping;
import vn.danvan.shared.agenda.ObligationKey;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationQuery;
import vn.danvan.shared.agenda.ObligationSource;
import vn.danvan.shared.agenda.ObligationState;
import vn.danvan.shared.persistence.OrgUnitMode;

/**
 * The dialogues' ObligationSource, asked directly: pages walked by the cursor in both orders equal
 * the whole list sorted by the agenda's key, the state and due filters, the roots and unit
 * selection, the counts by child unit, kind and month; and on generated data (dialogues of every
 * step, on time and late, in the wards of TP HCM in 2025) its answers equal the compliance view.
 */
@QuarkusTest
class DialogueObligationsTest {

  private static final Set<ObligationKind> ALL =
      EnumSet.of(
          ObligationKind.DIALOGUE_ANNOUNCEMENT,
          ObligationKind.DIALOGUE_RESULTS,
          ObligationKind.DIALOGUE_YEARLY);

  @Inject DialogueObligations source;
  @Inject OrgUnitService units;

  @Test
  void isFoundAsAnObligationSource() {
    assertThat(source).isInstanceOf(ObligationSource.class);
    assertThat(source.kinds()).isEqualTo(ALL);
  }

  @Test
  void pagesFollowTheAgendasOrderAndFiltersAndEqualTheComplianceView() {
    int year = 2025;
    LocalDate day = LocalDate.parse("2025-12-31");
    generate(year);
    UUID hcm = UUID.fromString(HCM);
    ObligationQuery all =
        query(hcm, OrgUnitMode.DESCENDANTS, null, null, year, day, null, false, 100_000);
    List<Obligation> everything = source.page(all);
    assertThat(everything)
        .extracting(Obligation::kind)
        .contains(
            ObligationKind.DIALOGUE_YEARLY,
            ObligationKind.DIALOGUE_ANNOUNCEMENT,
            ObligationKind.DIALOGUE_RESULTS);
    assertThat(everything).extracting(Obligation::state).contains(ObligationState.DONE_ON_TIME);
    List<Obligation> sorted = new ArrayList<>(everything);
    sorted.sort(Comparator.comparing(Obligation::key, ObligationKey.ORDER));
    assertThat(everything).containsExactlyElementsOf(sorted);
    assertThat(everything).extracting(Obligation::dueDate).allMatch(d -> d.getYear() == year);
    assertThat(everything)
        .allSatisfy(
            o ->
                assertThat(o.state())
                    .isEqualTo(ObligationState.of(o.dueDate(), o.doneDate(), day)));

    // walked by the cursor, in both orders
    for (boolean descending : List.of(false, true)) {
      List<Obligation> walked = new ArrayList<>();
      ObligationKey after = null;
      for (int i = 0; i < 10_000; i++) {
        List<Obligation> page =
            source.page(
                query(hcm, OrgUnitMode.DESCENDANTS, null, null, year, day, after, descending, 7));
        walked.addAll(page);
        if (page.size() < 7) {
          break;
        }
        after = page.get(page.size() - 1).key();
      }
      List<Obligation> expected = new ArrayList<>(sorted);
      if (descending) {
        java.util.Collections.reverse(expected);
      }
      assertThat(walked).as("descending %s", descending).containsExactlyElementsOf(expected);
    }

    // the state filter
    for (ObligationState s : ObligationState.values()) {
      List<Obligation> only =
          source.page(
              query(hcm, OrgUnitMode.DESCENDANTS, s, null, year, day, null, false, 100_000));
      assertThat(only)
          .containsExactlyElementsOf(everything.stream().filter(o -> o.state() == s).toList());
    }
    // the kind filter and the roots of a ward's scope
    UUID anHoiTay = UUID.fromString(AN_HOI_TAY);
    ObligationQuery ward =
        new ObligationQuery(
            null,
            null,
            new UUID[] {anHoiTay},
            EnumSet.of(ObligationKind.DIALOGUE_YEARLY),
            null,
            LocalDate.of(year, 1, 1),
            LocalDate.of(year, 12, 31),
            day,
            null,
            false,
            100);
    assertThat(source.page(ward))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.orgUnitId()).isEqualTo(anHoiTay);
              assertThat(o.id()).isEqualTo(DialogueService.yearlyId(anHoiTay, year));
            });

    // counts by child unit (the wards: level 3 of root / city / ward) equal the page
    List<ObligationCount> byWard = source.count(all, ObligationGrouping.CHILD_UNIT, 3);
    Map<String, Long> fromCounts = new HashMap<>();
    byWard.forEach(
        c -> fromCounts.merge(c.kind() + " " + c.state() + " " + c.unitId(), c.count(), Long::sum));
    Map<String, Long> fromPage = new HashMap<>();
    everything.forEach(
        o -> fromPage.merge(o.kind() + " " + o.state() + " " + o.orgUnitId(), 1L, Long::sum));
    assertThat(fromCounts).isEqualTo(fromPage);
    // by month and by kind
    long monthTotal =
        source.count(all, ObligationGrouping.MONTH, 0).stream()
            .peek(c -> assertThat(c.month().getYear()).isEqualTo(year))
            .mapToLong(ObligationCount::count)
            .sum();
    long kindTotal =
        source.count(all, ObligationGrouping.KIND, 0).stream()
            .mapToLong(ObligationCount::count)
            .sum();
    assertThat(monthTotal).isEqualTo(everything.size());
    assertThat(kindTotal).isEqualTo(everything.size());

    // the compliance view says the same, unit by unit
    JsonPath c =
        json("admin")
            .queryParam("orgUnitId", HCM)
            .queryParam("year", year)
            .queryParam("asOf", day.toString())
            .get(BASE + "/compliance")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> items = c.getList("items");
    Set<UUID> communes =
        units.subtreeOfKinds(null, EnumSet.of(OrgUnitKind.COMMUNE), day).stream()
            .filter(u -> u.path().contains(hcm))
            .map(OrgUnitService.UnitOnDay::id)
            .collect(java.util.stream.Collectors.toSet());
    assertThat(items).hasSize(communes.size());
    long late = 0;
    for (Map<String, Object> item : items) {
      UUID unit = UUID.fromString((String) item.get("orgUnitId"));
      Map<?, ?> yearly = (Map<?, ?>) item.get("yearly");
      assertThat(yearly.get("state"))
          .as("yearly %s", unit)
          .isEqualTo(state(fromPage, ObligationKind.DIALOGUE_YEARLY, unit));
      long lateAnnouncements = late(fromPage, ObligationKind.DIALOGUE_ANNOUNCEMENT, unit);
      long lateResults = late(fromPage, ObligationKind.DIALOGUE_RESULTS, unit);
      assertThat(((Number) item.get("lateAnnouncements")).longValue())
          .as("late announcements %s", unit)
          .isEqualTo(lateAnnouncements);
      assertThat(((Number) item.get("lateResults")).longValue())
          .as("late results %s", unit)
          .isEqualTo(lateResults);
      assertThat(((Number) item.get("announcementsDue")).longValue())
          .isEqualTo(total(fromPage, ObligationKind.DIALOGUE_ANNOUNCEMENT, unit));
      late += lateAnnouncements;
    }
    assertThat(c.getLong("totals.lateAnnouncements")).isEqualTo(late);
    assertThat(c.getLong("totals.unitsWithout"))
        .isEqualTo(
            everything.stream()
                .filter(o -> o.kind() == ObligationKind.DIALOGUE_YEARLY && o.doneDate() == null)
                .count());
  }

  @Test
  void yearlyObligationsStopAtTheQueryDaysYearAndFollowTheDueBounds() {
    UUID anHoiTay = UUID.fromString(AN_HOI_TAY);
    ObligationQuery q =
        new ObligationQuery(
            anHoiTay,
            OrgUnitMode.SELECTED,
            null,
            EnumSet.of(ObligationKind.DIALOGUE_YEARLY),
            null,
            null,
            LocalDate.parse("2027-12-30"),
            LocalDate.parse("2028-03-01"),
            null,
            false,
            100);
    // An Hội Tây exists from 01/7/2025: its years 2025 and 2026 (2027 ends after dueTo)
    assertThat(source.page(q)).extracting(o -> o.dueDate().getYear()).containsExactly(2025, 2026);
    ObligationQuery tasksOnly =
        new ObligationQuery(
            anHoiTay,
            null,
            null,
            EnumSet.of(ObligationKind.TASK),
            null,
            null,
            null,
            LocalDate.parse("2028-03-01"),
            null,
            false,
            100);
    assertThat(source.page(tasksOnly)).isEmpty();
    assertThat(source.count(tasksOnly, ObligationGrouping.KIND, 0)).isEmpty();
  }

  /**
   * Dialogues in random wards of TP HCM in {@code year}: announced on time or late, held or not,
   * results on time, late or missing, some cancelled.
   */
  private static void generate(int year) {
    List<String> wards = List.of("26876", "26878", "26882", "26884", "26898");
    Random rnd = new Random(year);
    for (int i = 0; i < 12; i++) {
      String ward = UnitIds.newCommune(wards.get(rnd.nextInt(wards.size()))).toString();
      // the wards of 2025 exist from 01/7/2025
      LocalDate planned = LocalDate.of(year, 7 + rnd.nextInt(6), 1 + rnd.nextInt(28));
      String id = createdId("admin", body(ward, planned, "Đối thoại sinh " + i));
      int step = rnd.nextInt(5);
      if (step == 0) {
        continue;
      }
      if (step == 4) {
        DialogueFixtures.expectOk(
            DialogueFixtures.transition("admin", id, 0, DialogueFixtures.cancel("x")));
        continue;
      }
      // facts in the future cannot be recorded: only what lies in the past is announced or held
      LocalDate announced = planned.minusDays(3 + rnd.nextInt(8));
      if (announced.isAfter(DialogueFixtures.today())) {
        continue;
      }
      if (step == 1 || planned.isAfter(DialogueFixtures.today())) {
        DialogueFixtures.expectOk(
            DialogueFixtures.transition("admin", id, 0, DialogueFixtures.announce(announced)));
        continue;
      }
      LocalDate published = step == 3 ? planned.plusDays(5 + rnd.nextInt(10)) : null;
      if (published != null && published.isAfter(DialogueFixtures.today())) {
        published = null;
      }
      held("admin", id, announced, planned, published, KH_246_HCM);
    }
  }

  private static ObligationQuery query(
      UUID unit,
      OrgUnitMode mode,
      ObligationState state,
      Set<ObligationKind> kinds,
      int year,
      LocalDate day,
      ObligationKey after,
      boolean descending,
      int limit) {
    return new ObligationQuery(
        unit,
        mode,
        null,
        kinds == null ? ALL : kinds,
        state,
        LocalDate.of(year, 1, 1),
        LocalDate.of(year, 12, 31),
        day,
        after,
        descending,
        limit);
  }

  private static String state(Map<String, Long> fromPage, ObligationKind kind, UUID unit) {
    Set<String> found = new HashSet<>();
    for (ObligationState s : ObligationState.values()) {
      if (fromPage.containsKey(kind + " " + s + " " + unit)) {
        found.add(s.name());
      }
    }
    assertThat(found).as("%s %s", kind, unit).hasSize(1);
    return found.iterator().next();
  }

  private static long late(Map<String, Long> fromPage, ObligationKind kind, UUID unit) {
    return fromPage.getOrDefault(kind + " " + ObligationState.DONE_LATE + " " + unit, 0L)
        + fromPage.getOrDefault(kind + " " + ObligationState.OVERDUE + " " + unit, 0L);
  }

  private static long total(Map<String, Long> fromPage, ObligationKind kind, UUID unit) {
    long n = 0;
    for (ObligationState s : ObligationState.values()) {
      n += fromPage.getOrDefault(kind + " " + s + " " + unit, 0L);
    }
    return n;
  }
}
