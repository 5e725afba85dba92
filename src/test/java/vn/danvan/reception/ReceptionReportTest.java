package vn.danvan.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reception.ReceptionFixtures.*;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.danvan.testing.TestClock;

/** Head-of-unit compliance and statistics, on dates no other test uses. */
@QuarkusTest
class ReceptionReportTest {

  static final String COMPLIANCE = "/api/v1/reception/compliance";
  static final String STATISTICS = "/api/v1/reception/statistics";

  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  static void session(String unit, String date, String role) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("orgUnitId", unit);
    s.put("kind", role.equals("OFFICER") ? "REGULAR" : "PERIODIC_HEAD");
    s.put("sessionDate", date);
    s.put("hostName", "Người chủ trì");
    s.put("hostRole", role);
    Response r = json("admin").body(s).post(SESSIONS);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
  }

  @Test
  void complianceListsMissedWeeksAndDelegatedApart() {
    TestClock.today(LocalDate.of(2031, 3, 1));
    // weeks of 6/1/2031 (W02) to 2/2/2031 (W05)
    session(AN_HOI_TAY, "2031-01-08", "HEAD");
    session(AN_HOI_TAY, "2031-01-16", "HEAD");
    session(AN_HOI_TAY, "2031-01-17", "DEPUTY_DELEGATED");
    session(AN_HOI_TAY, "2031-01-22", "DEPUTY_DELEGATED");
    session(AN_HOI_TAY, "2031-01-29", "OFFICER");
    Response r =
        as("hcm-manager")
            .queryParam("orgUnitId", HCM)
            .queryParam("from", "2031-01-06")
            .queryParam("to", "2031-02-02")
            .queryParam("limit", 500)
            .get(COMPLIANCE);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    JsonPath ward =
        new JsonPath(r.asString())
            .setRootPath("items.find { it.orgUnitId == '" + AN_HOI_TAY + "' }");
    assertThat(ward.getString("period")).isEqualTo("WEEK");
    assertThat(ward.getInt("requiredPeriods")).isEqualTo(4);
    assertThat(ward.getInt("heldByHead")).isEqualTo(2);
    assertThat(ward.getList("deputyOnlyPeriods")).containsExactly("2031-W04");
    assertThat(ward.getList("missedPeriods")).containsExactly("2031-W05");
    JsonPath city =
        new JsonPath(r.asString()).setRootPath("items.find { it.orgUnitId == '" + HCM + "' }");
    assertThat(city.getString("period")).isEqualTo("MONTH");
    // only whole periods inside the range count: no whole month here
    assertThat(city.getInt("requiredPeriods")).isZero();
    Response months =
        as("hcm-manager")
            .queryParam("orgUnitId", HCM)
            .queryParam("from", "2031-01-01")
            .queryParam("to", "2031-02-28")
            .queryParam("limit", 500)
            .get(COMPLIANCE);
    JsonPath hcm =
        new JsonPath(months.asString()).setRootPath("items.find { it.orgUnitId == '" + HCM + "' }");
    assertThat(hcm.getList("missedPeriods")).containsExactly("2031-01", "2031-02");
    // the ward officer sees its own ward only; Hà Nội is out of scope
    Response own =
        as("ward-officer")
            .queryParam("from", "2031-01-06")
            .queryParam("to", "2031-02-02")
            .get(COMPLIANCE);
    assertThat(own.jsonPath().getList("items.orgUnitId")).containsExactly(AN_HOI_TAY);
    assertProblem(as("viewer").queryParam("orgUnitId", HCM).get(COMPLIANCE), 404, "NOT_FOUND");
    assertProblem(
        as("admin").queryParam("from", "2031-02-02").queryParam("to", "2031-01-01").get(COMPLIANCE),
        400,
        "VALIDATION_FAILED");
  }

  @Test
  void complianceIsPaginatedLikeEveryList() {
    TestClock.today(LocalDate.of(2031, 3, 1));
    Response all =
        as("hcm-manager")
            .queryParam("orgUnitId", HCM)
            .queryParam("from", "2031-01-06")
            .queryParam("to", "2031-02-02")
            .queryParam("limit", 500)
            .get(COMPLIANCE);
    assertThat(all.statusCode()).as(all.asString()).isEqualTo(200);
    List<String> expected = all.jsonPath().getList("items.orgUnitId", String.class);
    assertThat(expected).hasSizeGreaterThan(2).doesNotHaveDuplicates();

    List<String> walked = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request =
          as("hcm-manager")
              .queryParam("orgUnitId", HCM)
              .queryParam("from", "2031-01-06")
              .queryParam("to", "2031-02-02")
              .queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.get(COMPLIANCE);
      assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
      assertThat(page.jsonPath().getList("items")).hasSizeLessThanOrEqualTo(2);
      walked.addAll(page.jsonPath().getList("items.orgUnitId", String.class));
      cursor = page.jsonPath().getString("next");
      pages++;
    } while (cursor != null && pages < 1000);
    assertThat(walked).containsExactlyElementsOf(expected);
    assertThat(all.jsonPath().getString("next")).isNull();

    // the default page is 50 units; a cursor of another range is refused
    Response first =
        as("hcm-manager")
            .queryParam("orgUnitId", HCM)
            .queryParam("from", "2031-01-06")
            .queryParam("to", "2031-02-02")
            .queryParam("limit", 1)
            .get(COMPLIANCE);
    assertProblem(
        as("hcm-manager")
            .queryParam("orgUnitId", HCM)
            .queryParam("from", "2031-01-01")
            .queryParam("to", "2031-02-02")
            .queryParam("cursor", first.jsonPath().getString("next"))
            .get(COMPLIANCE),
        400,
        "INVALID_CURSOR");
    assertProblem(
        as("hcm-manager").queryParam("limit", 501).get(COMPLIANCE), 400, "VALIDATION_FAILED");
  }

  @Test
  void statisticsByKindUnitMonthAndOutcome() {
    List<Map<String, Object>> reps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      reps.add(visitor(uniqueName("Hà"), uniqueCccd(), true));
    }
    Map<String, Object> group = visit("COMPLAINT", reps);
    group.put("groupSize", 12);
    group.put("receivedAt", "2032-05-04T09:00:00+07:00");
    createOk("reception", group);
    Map<String, Object> single =
        visit("COMPLAINT", List.of(visitor(uniqueName("Hà"), uniqueCccd(), false)));
    single.put("receivedAt", "2032-05-20T09:00:00+07:00");
    single.put("outcome", "RETURNED_WITH_GUIDANCE");
    createOk("reception", single);
    Map<String, Object> anon = visit("DENUNCIATION", List.of());
    anon.put("anonymous", true);
    anon.put("receivedAt", "2032-06-02T09:00:00+07:00");
    createOk("reception", anon);
    Map<String, Object> c = ReceptionCaseTest.caseBody("COMPLAINT", "2032-05-04");
    String caseId = ReceptionCaseTest.createCase(c).jsonPath().getString("id");
    ReceptionCaseTest.transition(caseId, 0, "ACCEPT", "2032-05-06", null);

    String q =
        "?orgUnitId=" + HCM + "&orgUnitMode=DESCENDANTS&from=2032-05-01&to=2032-06-30&groupBy=";
    JsonPath kind = as("auditor").get(STATISTICS + q + "CONTENT_KIND").jsonPath();
    assertThat(kind.getInt("items.find { it.key == 'COMPLAINT' }.visits")).isEqualTo(2);
    assertThat(kind.getInt("items.find { it.key == 'COMPLAINT' }.people")).isEqualTo(13);
    assertThat(kind.getInt("items.find { it.key == 'COMPLAINT' }.groups")).isEqualTo(1);
    assertThat(kind.getInt("items.find { it.key == 'COMPLAINT' }.casesAccepted")).isEqualTo(1);
    assertThat(kind.getString("items.find { it.key == 'COMPLAINT' }.label")).isEqualTo("Khiếu nại");
    assertThat(kind.getInt("items.find { it.key == 'DENUNCIATION' }.anonymousDenunciations"))
        .isEqualTo(1);
    assertThat(kind.getInt("total.visits")).isEqualTo(3);
    JsonPath unit = as("hcm-manager").get(STATISTICS + q + "UNIT").jsonPath();
    assertThat(unit.getList("items.key")).containsExactly(AN_HOI_TAY);
    JsonPath month = as("hcm-manager").get(STATISTICS + q + "MONTH").jsonPath();
    assertThat(month.getList("items.key")).containsExactly("2032-05", "2032-06");
    JsonPath outcome = as("hcm-manager").get(STATISTICS + q + "OUTCOME").jsonPath();
    assertThat(outcome.getInt("items.find { it.key == 'RETURNED_WITH_GUIDANCE' }.visits"))
        .isEqualTo(1);
    // out of scope: nothing counted
    assertThat(as("viewer").get(STATISTICS + q + "CONTENT_KIND").jsonPath().getInt("total.visits"))
        .isZero();
    assertThat(as("viewer").get(STATISTICS + "?groupBy=SIZE").statusCode()).isEqualTo(400);
  }

  @Test
  void theDemoBookHasVisitsGroupsDenunciationsOverdueCasesAndMissedWeeks() {
    String today = LocalDate.now(vn.danvan.shared.time.BusinessTime.ZONE).toString();
    String from = LocalDate.now(vn.danvan.shared.time.BusinessTime.ZONE).minusWeeks(17).toString();
    JsonPath all =
        as("admin")
            .get(STATISTICS + "?from=" + from + "&to=" + today + "&groupBy=CONTENT_KIND")
            .jsonPath();
    assertThat(all.getInt("total.visits")).isGreaterThanOrEqualTo(200);
    assertThat(all.getInt("total.groups")).isPositive();
    assertThat(all.getInt("items.find { it.key == 'DENUNCIATION' }.visits")).isPositive();
    assertThat(all.getInt("total.casesOverdue")).isPositive();
    Response c =
        as("admin")
            .queryParam("orgUnitId", HCM)
            .queryParam("from", from)
            .queryParam("to", today)
            .get(COMPLIANCE);
    assertThat(c.jsonPath().getList("items.findAll { it.missed > 0 }")).isNotEmpty();
    assertThat(c.jsonPath().getList("items.findAll { it.heldByDeputyOnly > 0 }")).isNotEmpty();
  }
}
