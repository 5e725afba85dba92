package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.directive.DirectiveFixtures.BASE;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.danvan.demo.DemoDirectives;
import vn.danvan.orgunit.UnitIds;

/** The demo documents as officials entered them, and who has implemented Chỉ thị 33/CT-TTg. */
@QuarkusTest
class DemoDirectivesTest {

  @Test
  void theDocumentsOfTheDomainAreThereAsWritten() {
    JsonPath dongDa = get(DemoDirectives.CT_02_DONG_DA);
    assertThat(dongDa.getString("fullNumber")).isEqualTo("02/CT-UBND");
    assertThat(dongDa.getString("issueDate")).isEqualTo("2022-01-24");
    assertThat(dongDa.getString("title"))
        .isEqualTo(
            "Về việc tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước các cấp trên địa bàn quận trong tình hình mới");
    assertThat(dongDa.getString("signingAuthority")).isEqualTo("TM");
    assertThat(dongDa.getString("signerName")).isEqualTo("Lê Tuấn Định");
    assertThat(dongDa.getString("body")).startsWith("Thực hiện Chỉ thị số 02/CT-UBND");
    assertThat(dongDa.getList("references.targetFullNumber"))
        .contains("02/CT-UBND", "23-QĐ/TW", "33/CT-TTg", "07-CT/TU", "274/KH-UBND");

    JsonPath anGiang = get(DemoDirectives.KH_814_AN_GIANG);
    assertThat(anGiang.getString("fullNumber")).isEqualTo("814/KH-UBND");
    assertThat(anGiang.getString("issueDate")).isEqualTo("2021-12-28");

    JsonPath goVap = get(DemoDirectives.KH_847_GO_VAP);
    assertThat(goVap.getString("signingAuthority")).isEqualTo("KT");
    assertThat(goVap.getString("body")).contains("trước ngày 05 tháng 5");

    JsonPath party = get(DemoDirectives.CT_07_TU_HA_NOI);
    assertThat(party.getString("fullNumber")).isEqualTo("07-CT/TU");
    assertThat(party.getString("externalIssuer")).isEqualTo("Ban Thường vụ Thành ủy Hà Nội");

    // Hà Nội's 2022 plan has no number in the copy at hand: a draft of the city
    JsonPath plan = json("viewer").get(BASE + "/" + DemoDirectives.KH_2022_HA_NOI).jsonPath();
    assertThat(plan.getString("status")).isEqualTo("DRAFT");
    assertThat(plan.getString("title")).startsWith("Thực hiện Chương trình phối hợp số 03-CTr");
  }

  @Test
  void coverageOfDirective33AmongTheDemoProvinces() {
    JsonPath early = coverage(DemoDirectives.CT_33_TTG, "2022-01-20");
    assertThat(early.getInt("totals.total")).isEqualTo(6);
    assertThat(early.getInt("totals.issuedOnTime")).isEqualTo(2); // An Giang, Hà Nội
    assertThat(early.getInt("totals.pendingInTerm")).isEqualTo(4);

    JsonPath mid = coverage(DemoDirectives.CT_33_TTG, "2022-06-30");
    assertThat(mid.getInt("totals.issuedOnTime")).isEqualTo(3);
    assertThat(mid.getInt("totals.overdue")).isEqualTo(3);
    List<String> done = mid.getList("items.findAll { it.state == 'ISSUED_ON_TIME' }.unit.name");
    assertThat(done)
        .containsExactlyInAnyOrder("Thành phố Hà Nội", "Thành phố Hồ Chí Minh", "Tỉnh An Giang");
    assertThat(mid.getList("items.document.fullNumber"))
        .contains("02/CT-UBND", "246/KH-UBND", "814/KH-UBND");
    assertThat(mid.getList("items.findAll { it.state == 'OVERDUE' }.unit.name"))
        .containsExactlyInAnyOrder("Tỉnh Kiên Giang", "Tỉnh Bình Dương", "Tỉnh Bà Rịa - Vũng Tàu");

    // the reform of 01/07/2025 (entered before the document): the day before, the six provinces
    JsonPath eve = coverage(DemoDirectives.CT_33_TTG, "2025-06-30");
    assertThat(eve.getInt("totals.total")).isEqualTo(6);
    assertThat(eve.getList("items.findAll { it.state == 'OVERDUE' }.unit.name"))
        .containsExactlyInAnyOrder("Tỉnh Kiên Giang", "Tỉnh Bình Dương", "Tỉnh Bà Rịa - Vũng Tàu");
    // from that day the closed provinces owe nothing under their old ids: Bình Dương's and Bà Rịa -
    // Vũng Tàu's obligations passed to TP HCM (which met it with 246/KH-UBND), Kiên Giang's to the
    // new An Giang, which has no plan in the register; the old An Giang's plan stays its own
    UUID kienGiang = UnitIds.province("91");
    UUID newAnGiang = UnitIds.newProvince("91");
    for (String asOf : java.util.Arrays.asList("2025-07-01", null)) {
      JsonPath after = coverage(DemoDirectives.CT_33_TTG, asOf);
      assertThat(after.getList("items.unit.id"))
          .containsExactlyInAnyOrder(
              UnitIds.province("01").toString(),
              UnitIds.province("79").toString(),
              UnitIds.province("89").toString(),
              newAnGiang.toString());
      assertThat(after.getInt("totals.issuedOnTime")).isEqualTo(3);
      assertThat(after.getInt("totals.overdue")).isEqualTo(1);
      assertThat(after.getString("items.find { it.state == 'OVERDUE' }.unit.id"))
          .isEqualTo(newAnGiang.toString());
      assertThat(after.getString("items.find { it.state == 'OVERDUE' }.transferredFromUnitId"))
          .isEqualTo(kienGiang.toString());
    }
  }

  @Test
  void downToTheDistrictsAndTheWards() {
    JsonPath hcm = coverage(DemoDirectives.KH_246_HCM, "2022-03-31");
    assertThat(hcm.getList("items.unit.name")).contains("Quận Gò Vấp");
    assertThat(hcm.getString("items.find { it.unit.name == 'Quận Gò Vấp' }.state"))
        .isEqualTo("ISSUED_ON_TIME");
    assertThat(hcm.getString("items.find { it.unit.name == 'Quận Gò Vấp' }.document.id"))
        .isEqualTo(DemoDirectives.CT_03_GO_VAP.toString());

    JsonPath haNoi = coverage(DemoDirectives.CT_02_HA_NOI, "2022-03-31");
    assertThat(haNoi.getString("items.find { it.unit.name == 'Quận Đống Đa' }.document.id"))
        .isEqualTo(DemoDirectives.CT_02_DONG_DA.toString());

    // the 16 wards of Gò Vấp owe their own 2023 plan; none is in the register
    JsonPath wards = coverage(DemoDirectives.KH_847_GO_VAP, "2023-06-30");
    assertThat(wards.getInt("totals.total")).isEqualTo(16);
    assertThat(wards.getInt("totals.overdue")).isEqualTo(16);
    JsonPath inTerm = coverage(DemoDirectives.KH_847_GO_VAP, "2023-03-20");
    assertThat(inTerm.getInt("totals.pendingInTerm")).isEqualTo(16);
    // on 01/07/2025 the 16 wards became 6: each new ward owes what its predecessors owed
    assertThat(coverage(DemoDirectives.KH_847_GO_VAP, "2025-06-30").getInt("totals.overdue"))
        .isEqualTo(16);
    JsonPath merged = coverage(DemoDirectives.KH_847_GO_VAP, "2025-07-01");
    assertThat(merged.getInt("totals.total")).isEqualTo(6);
    assertThat(merged.getInt("totals.overdue")).isEqualTo(6);
    assertThat(merged.getList("items.unit.id"))
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.Stream.of("26876", "26878", "26882", "26884", "26890", "26898")
                .map(c -> UnitIds.newCommune(c).toString())
                .toList());
    assertThat(merged.getList("items.transferredFromUnitId")).doesNotContainNull();
  }

  private static JsonPath get(UUID id) {
    Response r = json("hcm-manager").get(BASE + "/" + id);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath();
  }

  private static JsonPath coverage(UUID id, String asOf) {
    var req = json("viewer").queryParam("limit", 100);
    if (asOf != null) {
      req.queryParam("asOf", asOf);
    }
    Response r = req.get(BASE + "/" + id + "/coverage");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath();
  }
}
