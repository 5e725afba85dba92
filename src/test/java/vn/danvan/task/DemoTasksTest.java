package vn.danvan.task;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.task.TaskFixtures.BASE;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.danvan.demo.DemoDirectives;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.testing.TestClock;

/** The demo tasks of Kế hoạch 847/KH-UBND and Chỉ thị 02/CT-UBND, as of today. */
@QuarkusTest
class DemoTasksTest {

  static final String KH_847 = DemoDirectives.KH_847_GO_VAP.toString();
  static final String CT_02 = DemoDirectives.CT_02_DONG_DA.toString();

  @BeforeEach
  void realTime() {
    TestClock.reset();
  }

  @Test
  void everyOneOfTheFourStatesAppearsToday() {
    for (String state : List.of("DONE_ON_TIME", "DONE_LATE", "IN_PROGRESS_IN_TERM", "OVERDUE")) {
      assertThat(list(Map.of("directiveId", KH_847, "state", state)).getList("items"))
          .as(state)
          .isNotEmpty();
    }
    JsonPath stats =
        json("admin")
            .queryParam("orgUnitId", UnitIds.province("79").toString())
            .queryParam("groupBy", "DIRECTIVE")
            .get(BASE + "/statistics")
            .jsonPath();
    String group = "groups.find { it.key == '" + KH_847 + "' }.counts.";
    for (String state : List.of("doneOnTime", "doneLate", "inProgressInTerm", "overdue")) {
      assertThat(stats.getLong(group + state)).as(state).isPositive();
    }
  }

  @Test
  void theWardsGotTheirShareAndTheOpenWorkPassedToTheCity() {
    JsonPath programme = list(Map.of("directiveId", KH_847, "q", "chuong trinh, ke hoach"));
    String id = programme.getString("items.find { it.parentId == null }.id");
    JsonPath wards = json("admin").get(BASE + "/" + id + "/children").jsonPath();
    assertThat(wards.getList("items")).hasSize(16);
    assertThat(wards.getList("items.assigningUnitId"))
        .containsOnly(UnitIds.district("764").toString());
    assertThat(json("admin").get(BASE + "/" + id).jsonPath().getDouble("derivedProgress"))
        .isEqualTo(100.0);

    String soNoiVu = UnitIds.department(UnitIds.province("79"), "NOI_VU").toString();
    String phongNoiVu = UnitIds.department(UnitIds.district("764"), "NOI_VU").toString();
    JsonPath moved = list(Map.of("directiveId", KH_847, "orgUnitId", soNoiVu, "limit", 100));
    assertThat(moved.getList("items")).isNotEmpty();
    // tasks of the plan passed on; occurrences a later recurrence run creates are the successor's
    // own
    assertThat(moved.getList("items.findAll { it.seriesId == null }.transferredFromUnitId"))
        .isNotEmpty()
        .containsOnly(phongNoiVu);
    assertThat(moved.getList("items.transferredFromUnitId")).containsAnyOf(phongNoiVu);
    assertThat(moved.getList("items.status")).doesNotContain("DONE", "CANCELLED");
    // what the district's Phòng Nội vụ finished stays with it
    assertThat(
            list(Map.of("directiveId", KH_847, "orgUnitId", phongNoiVu, "limit", 100))
                .getList("items.status"))
        .isNotEmpty()
        .containsOnly("DONE");

    // one approved extension, met
    JsonPath report = list(Map.of("directiveId", KH_847, "q", "246/KH-UBND"));
    assertThat(report.getString("items[0].originalDueDate")).isEqualTo("2023-10-31");
    assertThat(report.getString("items[0].dueDate")).isEqualTo("2023-11-15");
    assertThat(report.getString("items[0].state")).isEqualTo("DONE_ON_TIME");
    String rid = report.getString("items[0].id");
    assertThat(
            json("admin").get(BASE + "/" + rid + "/due-dates").jsonPath().getList("items.source"))
        .containsExactly("INITIAL", "EXTENSION");

    // Đống Đa: the 21 wards
    JsonPath briefing = list(Map.of("directiveId", CT_02, "q", "quan triet"));
    String b = briefing.getString("items.find { it.parentId == null }.id");
    assertThat(json("admin").get(BASE + "/" + b + "/children").jsonPath().getList("items"))
        .hasSize(21);
    assertThat(json("admin").get(BASE + "/" + b).jsonPath().getString("state"))
        .isEqualTo("DONE_LATE");
  }

  /**
   * The figures of 2024 count the work where it was in 2024: the open tasks Gò Vấp's Phòng Nội vụ
   * passed to the city's Sở Nội vụ on 01/07/2025 are still the district's in 2024, and the city's
   * 2024 figures do not show them under its Sở Nội vụ.
   */
  @Test
  void pastFiguresKeepTheWorkWhereItWas() {
    String hcm = UnitIds.province("79").toString();
    String goVap = UnitIds.district("764").toString();
    String soNoiVu = UnitIds.department(UnitIds.province("79"), "NOI_VU").toString();
    String phongNoiVu = UnitIds.department(UnitIds.district("764"), "NOI_VU").toString();
    JsonPath district = statistics(goVap, "2024-12-31");
    String group = "groups.find { it.key == '" + phongNoiVu + "' }.counts.";
    assertThat(district.getLong(group + "inProgressInTerm") + district.getLong(group + "overdue"))
        .as("open work of Phòng Nội vụ at the end of 2024")
        .isPositive();
    JsonPath city = statistics(hcm, "2024-12-31");
    assertThat(city.getList("groups.key")).doesNotContain(soNoiVu);
    assertThat(city.getLong("groups.find { it.key == '" + goVap + "' }.counts.total"))
        .isEqualTo(district.getLong("total.total"));
    // from the reform on, the open work is the city's Sở Nội vụ's
    assertThat(statistics(hcm, "2025-07-01").getList("groups.key")).contains(soNoiVu);
  }

  private static JsonPath statistics(String unit, String asOf) {
    var r =
        json("admin")
            .queryParam("orgUnitId", unit)
            .queryParam("groupBy", "CHILD_UNIT")
            .queryParam("asOf", asOf)
            .get(BASE + "/statistics");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath();
  }

  private static JsonPath list(Map<String, ?> query) {
    var r = json("admin").queryParams(query).get(BASE);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath();
  }
}
