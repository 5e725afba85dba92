package vn.danvan.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's reports, read over HTTP as Phòng Nội vụ quận Gò Vấp would: of the 6-month report of
 * 2023, two late, one returned and sent again, one awaiting a decision, one left a draft, one never
 * made; the annual report of 2023 all accepted; a few communes of TP HCM for 2026S1.
 */
@QuarkusTest
class DemoReportSubmissionsTest {

  private static final String BASE = "/api/v1/report-submissions";
  private static final String GO_VAP_6T = DemoReportingRegimes.GO_VAP_847_SEMI_ANNUAL.toString();
  private static final String GO_VAP_YEAR = DemoReportingRegimes.GO_VAP_847_ANNUAL.toString();
  private static final String HCM = DemoReportingRegimes.HCM_SEMI_ANNUAL.toString();

  /** The reports of the demo's units (tests may add others: the district's, a department's). */
  private static List<Map<String, Object>> reports(String regime, String period) {
    int expected =
        json("admin")
            .get("/api/v1/reporting-regimes/" + regime + "/periods/" + period)
            .jsonPath()
            .getList("expectedUnits.unitId")
            .size();
    assertThat(expected).isPositive();
    JsonPath page =
        json("admin")
            .queryParam("regimeId", regime)
            .queryParam("period", period)
            .queryParam("limit", 200)
            .get(BASE)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    return page.getList("items");
  }

  private static long count(List<Map<String, Object>> items, String key, Object value) {
    return items.stream().filter(i -> value.equals(i.get(key))).count();
  }

  @Test
  void goVapsSixMonthReportOf2023HasEveryFate() {
    List<Map<String, Object>> items = reports(GO_VAP_6T, "2023S1");
    assertThat(count(items, "status", "ACCEPTED")).isGreaterThanOrEqualTo(17);
    assertThat(count(items, "status", "SUBMITTED")).isGreaterThanOrEqualTo(1);
    assertThat(count(items, "status", "DRAFT")).isGreaterThanOrEqualTo(1);
    assertThat(count(items, "late", true)).isEqualTo(2);
    Map<String, Object> resent =
        items.stream()
            .filter(i -> ((Number) i.get("versionCount")).intValue() == 2)
            .findFirst()
            .orElseThrow();
    JsonPath versions = json("admin").get(BASE + "/" + resent.get("id") + "/versions").jsonPath();
    assertThat(versions.getList("items.decision"))
        .containsExactlyInAnyOrder("ACCEPTED", "RETURNED");
    // the 2023 figures entered by hand beside the computed ones (the demo book starts in 2025)
    JsonPath one = json("admin").get(BASE + "/" + resent.get("id")).jsonPath();
    assertThat(one.getInt("values.TCD_LUOT.value")).isPositive();
    assertThat(one.getInt("values.TCD_LUOT.computed")).isZero();
    assertThat(one.getBoolean("values.TCD_LUOT.differs")).isTrue();
    // submitted in 2023, not on the day the demo was loaded
    assertThat(items)
        .filteredOn(i -> i.get("submittedAt") != null)
        .allSatisfy(i -> assertThat((String) i.get("submittedAt")).startsWith("2023-0"));
  }

  @Test
  void theAnnualReportIsAllAcceptedAndTpHcmHasAFewCommunes() {
    List<Map<String, Object>> year = reports(GO_VAP_YEAR, "2023");
    assertThat(count(year, "status", "ACCEPTED")).isGreaterThanOrEqualTo(20);
    assertThat(count(year, "late", true)).isPositive();
    List<Map<String, Object>> hcm = reports(HCM, "2026S1");
    assertThat(hcm).hasSizeBetween(3, 6);
    assertThat(count(hcm, "status", "DRAFT")).isEqualTo(1);
    assertThat(count(hcm, "late", true)).isEqualTo(1);
  }

  @Test
  void phongNoiVuConsolidatedAndTheDistrictsOwnReportStartsFromIt() {
    JsonPath latest =
        json("admin")
            .queryParam("regimeId", GO_VAP_6T)
            .queryParam("period", "2023S1")
            .queryParam("limit", 1)
            .get("/api/v1/report-consolidations")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String id = latest.getString("items[0].id");
    JsonPath c = json("admin").get("/api/v1/report-consolidations/" + id).jsonPath();
    // the accepted reports only: the one awaiting a decision, the draft and the missing are listed
    assertThat(c.getList("inputs")).hasSizeGreaterThanOrEqualTo(17);
    assertThat(c.getList("missingUnits")).isNotEmpty();
    long visits = c.getLong("indicators.find { it.code == 'HN_SO_HOI_NGHI' }.value");
    assertThat(visits).isPositive();

    Map<String, Object> district =
        reports(GO_VAP_6T, "2023S1").stream()
            .filter(i -> "DISTRICT".equals(i.get("level")))
            .findFirst()
            .orElseThrow();
    JsonPath own = json("admin").get(BASE + "/" + district.get("id")).jsonPath();
    assertThat(own.getString("values.HN_SO_HOI_NGHI.source.kind")).isEqualTo("CONSOLIDATED");
    assertThat(own.getLong("values.HN_SO_HOI_NGHI.computed")).isEqualTo(visits);
  }
}
