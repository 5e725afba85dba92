package vn.danvan.orgunit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo world answers as of any day: the tree before and after the reform of 01/07/2025. */
@QuarkusTest
class OrgUnitTreeTest {

  static final UUID HCM = UnitIds.province("79");
  static final UUID GO_VAP = UnitIds.district("764");
  static final UUID AN_HOI_TAY = UnitIds.newCommune("26882");
  static final String BASE = "/api/v1/org-units/";

  @Inject OrgUnitService units;

  @Test
  void goVapDistrictStandsIn2024AndIsGoneToday() {
    JsonPath then =
        json("admin")
            .queryParam("asOf", "2024-01-01")
            .get(BASE + GO_VAP)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(then.getString("name")).isEqualTo("Quận Gò Vấp");
    assertThat(then.getBoolean("active")).isTrue();
    JsonPath now = json("admin").get(BASE + GO_VAP).then().statusCode(200).extract().jsonPath();
    assertThat(now.getBoolean("active")).isFalse();
    assertThat(now.getString("validTo")).isEqualTo("2025-06-30");
  }

  @Test
  void goVapHadSixteenWardsAndHcmNowHasTheSixSuccessors() {
    List<String> wards2024 =
        json("admin")
            .queryParam("asOf", "2024-01-01")
            .queryParam("kind", "COMMUNE")
            .queryParam("limit", 100)
            .get(BASE + HCM + "/descendants")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.name");
    assertThat(wards2024).hasSize(16).contains("Phường 12", "Phường 14");
    assertThat(
            json("admin")
                .get(BASE + GO_VAP + "/children")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items"))
        .isEmpty();
    // the demo world's wards (fixed ids): other tests add wards of their own below the city
    List<String> wardsToday =
        json("admin")
            .queryParam("kind", "COMMUNE")
            .queryParam("limit", 500)
            .get(BASE + HCM + "/descendants")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .<String>getList("items.findAll { it.id.startsWith('00000000-0000-4000-800') }.name");
    assertThat(wardsToday)
        .containsExactlyInAnyOrder(
            "Phường An Hội Tây",
            "Phường An Hội Đông",
            "Phường An Nhơn",
            "Phường Gò Vấp",
            "Phường Hạnh Thông",
            "Phường Thông Tây Hội");
  }

  @Test
  void ancestorsFollowTheDay() {
    UUID ward12 = OrgUnitScopeTest.oldWardOfGoVap("Phường 12");
    assertThat(
            json("admin")
                .queryParam("asOf", "2024-01-01")
                .get(BASE + ward12 + "/ancestors")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.name"))
        .containsExactly("Chính phủ", "Thành phố Hồ Chí Minh", "Quận Gò Vấp");
    assertThat(
            json("admin")
                .get(BASE + AN_HOI_TAY + "/ancestors")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.name"))
        .containsExactly("Chính phủ", "Thành phố Hồ Chí Minh");
  }

  @Test
  void lineageShowsWholeAndPartialPredecessors() {
    JsonPath lineage =
        json("admin")
            .get(BASE + AN_HOI_TAY + "/lineage")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(lineage.getList("predecessors.name"))
        .containsExactlyInAnyOrder("Phường 12", "Phường 13", "Phường 14");
    assertThat(lineage.getString("predecessors.find { it.name == 'Phường 13' }.kind"))
        .isEqualTo("PART");
    assertThat(lineage.getString("predecessors.find { it.name == 'Phường 12' }.kind"))
        .isEqualTo("FULL");
    assertThat(lineage.getString("predecessors[0].legalBasis")).contains("1685/NQ-UBTVQH15");
    String ward13 = lineage.getString("predecessors.find { it.name == 'Phường 13' }.unitId");
    assertThat(
            json("admin")
                .get(BASE + ward13 + "/lineage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("successors.name"))
        .containsExactlyInAnyOrder("Phường An Hội Tây", "Phường An Hội Đông");
  }

  @Test
  void searchIgnoresAccentsAndCase() {
    assertThat(names("go vap", "2024-01-01")).contains("Quận Gò Vấp");
    assertThat(names("GÒ VẤP", null)).contains("Phường Gò Vấp").doesNotContain("Quận Gò Vấp");
    assertThat(names("an hoi tay", null)).containsExactly("Phường An Hội Tây");
    assertThat(names("thanh pho ho chi minh", null)).contains("Thành phố Hồ Chí Minh");
    assertThat(names("dong da", "2024-01-01")).contains("Quận Đống Đa");
    assertThat(names("%", null)).isEmpty();
  }

  @Test
  void anOfficialCodeIsReusedAcrossPeriods() {
    assertThat(
            json("admin")
                .queryParam("code", "91")
                .queryParam("kind", "PROVINCE")
                .queryParam("asOf", "2024-01-01")
                .get(BASE)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.name"))
        .containsExactly("Tỉnh Kiên Giang");
    JsonPath today =
        json("admin")
            .queryParam("code", "91")
            .queryParam("kind", "PROVINCE")
            .get(BASE)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(today.getList("items.name")).containsExactly("Tỉnh An Giang");
    assertThat(today.getString("items[0].id")).isEqualTo(UnitIds.newProvince("91").toString());
    assertThat(
            json("admin")
                .get(BASE + UnitIds.newProvince("91") + "/lineage")
                .then()
                .extract()
                .jsonPath()
                .getList("predecessors.name"))
        .containsExactlyInAnyOrder("Tỉnh An Giang", "Tỉnh Kiên Giang");
  }

  @Test
  void pagesWalkTheWholeListWithoutGapsOrDuplicates() {
    List<String> all =
        json("admin")
            .queryParam("asOf", "2024-01-01")
            .queryParam("limit", 500)
            .get(BASE + UnitIds.ROOT + "/descendants")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.id");
    List<String> walked = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = json("admin").queryParam("asOf", "2024-01-01").queryParam("limit", 7);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page =
          request
              .get(BASE + UnitIds.ROOT + "/descendants")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      walked.addAll(page.getList("items.id"));
      cursor = page.getString("next");
      pages++;
    } while (cursor != null && pages < 1000);
    assertThat(walked).containsExactlyElementsOf(all);
    Set<String> unique = new HashSet<>(walked);
    assertThat(unique).hasSameSizeAs(walked);
    assertThat(all.size()).isGreaterThan(40);
  }

  @Test
  void aCursorIsBoundToTheFiltersOfItsList() {
    String next =
        json("admin")
            .queryParam("q", "phuong")
            .queryParam("asOf", "2024-01-01")
            .queryParam("limit", 2)
            .get(BASE)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getString("next");
    assertThat(next).isNotNull();
    // the same filters take it
    json("admin")
        .queryParam("q", "phuong")
        .queryParam("asOf", "2024-01-01")
        .queryParam("cursor", next)
        .get(BASE)
        .then()
        .statusCode(200);
    // another search word, another day, another list: refused, never a silent skip
    for (Response other :
        List.of(
            json("admin")
                .queryParam("q", "xa")
                .queryParam("asOf", "2024-01-01")
                .queryParam("cursor", next)
                .get(BASE),
            json("admin").queryParam("q", "phuong").queryParam("cursor", next).get(BASE),
            json("admin")
                .queryParam("asOf", "2024-01-01")
                .queryParam("cursor", next)
                .get(BASE + HCM + "/descendants"))) {
      assertProblem(other, 400, "INVALID_CURSOR");
    }
  }

  @Test
  void namesOnADayFollowTheVersions() {
    UUID missing = UUID.randomUUID();
    assertThat(units.namesOn(List.of(GO_VAP, AN_HOI_TAY, missing), LocalDate.of(2024, 1, 1)))
        .isEqualTo(
            Map.of(
                GO_VAP, "Quận Gò Vấp",
                // not yet in existence: its first name
                AN_HOI_TAY, "Phường An Hội Tây"));
    // closed: its last name
    assertThat(units.namesOn(List.of(GO_VAP), LocalDate.of(2026, 1, 1)))
        .containsEntry(GO_VAP, "Quận Gò Vấp");
    assertThat(units.namesOn(List.of(), LocalDate.of(2026, 1, 1))).isEmpty();
  }

  private static List<String> names(String q, String asOf) {
    var request = json("admin").queryParam("q", q).queryParam("limit", 100);
    if (asOf != null) {
      request.queryParam("asOf", asOf);
    }
    return request.get(BASE).then().statusCode(200).extract().jsonPath().getList("items.name");
  }
}
