package vn.danvan.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reception.ReceptionFixtures.VISITS;
import static vn.danvan.reception.ReceptionFixtures.create;
import static vn.danvan.reception.ReceptionFixtures.uniqueCccd;
import static vn.danvan.reception.ReceptionFixtures.uniqueName;
import static vn.danvan.reception.ReceptionFixtures.visit;
import static vn.danvan.reception.ReceptionFixtures.visitor;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.security.DemoAccounts;

/**
 * The bounds the OpenAPI document declares on a visit are the server's: a visitor's fields, the
 * group size and the source version answer 400 with a pointer beyond them, in a body and in an
 * import item alike, without echoing the personal data.
 */
@QuarkusTest
class VisitLimitsTest {

  private static final String SYSTEM = DemoAccounts.HO_CHI_MINH_SOURCE_SYSTEM;

  @Test
  void aVisitorsFieldsAreBounded() {
    String family = "Nguyễn Thị ";
    String longName = family + "Ẩ".repeat(201 - family.length());
    Response tooLong = create("reception", visit("PETITION", List.of(person(longName))));
    assertProblem(tooLong, 400, "VALIDATION_FAILED");
    assertThat(pointers(tooLong)).containsExactly("/visitors/0/fullName");
    assertThat(tooLong.asString()).doesNotContain("ẨẨẨẨ");
    // 200 characters are accepted
    String name = longName.substring(0, 200);
    assertThat(create("reception", visit("PETITION", List.of(person(name)))).statusCode())
        .isEqualTo(201);

    Map<String, Object> v = visitor(uniqueName("Lý"), uniqueCccd(), false);
    v.put("idNumber", "079 099 001 234 " + "0".repeat(20));
    v.put("phone", "0901 234 567 " + "0".repeat(20));
    v.put("address", "12 Đường Số 7 ".repeat(40));
    Response fields = create("reception", visit("PETITION", List.of(v)));
    assertProblem(fields, 400, "VALIDATION_FAILED");
    assertThat(pointers(fields))
        .containsExactly("/visitors/0/address", "/visitors/0/idNumber", "/visitors/0/phone");
    assertThat(fields.asString()).doesNotContain("079 099").doesNotContain("Đường Số 7");
  }

  @Test
  void groupSizeAndSourceVersionHaveTheirRange() {
    for (int size : new int[] {0, 100_001}) {
      Map<String, Object> b = visit("PETITION", List.of(person(uniqueName("Mai"))));
      b.put("groupSize", size);
      Response r = create("reception", b);
      assertProblem(r, 400, "VALIDATION_FAILED");
      assertThat(pointers(r)).as("groupSize %d", size).containsExactly("/groupSize");
    }

    String path = VISITS + "/by-source/" + SYSTEM + "/TCD-" + UUID.randomUUID();
    for (long version : new long[] {-1, 9_007_199_254_740_992L}) {
      Map<String, Object> b = visit("PETITION", List.of(person(uniqueName("Mai"))));
      b.put("sourceVersion", version);
      Response r = json("integration").body(b).put(path).andReturn();
      assertProblem(r, 400, "VALIDATION_FAILED");
      assertThat(pointers(r)).as("sourceVersion %d", version).containsExactly("/sourceVersion");
    }
    // 2^53 - 1, the largest a JavaScript client holds exactly, is accepted and kept
    Map<String, Object> b = visit("PETITION", List.of(person(uniqueName("Mai"))));
    b.put("sourceVersion", 9_007_199_254_740_991L);
    Response created = json("integration").body(b).put(path).andReturn();
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    assertThat(created.jsonPath().getLong("sourceVersion")).isEqualTo(9_007_199_254_740_991L);
  }

  @Test
  void anImportItemIsBoundedLikeTheBody() {
    Map<String, Object> item = visit("PETITION", List.of(person("Trần Văn " + "B".repeat(200))));
    item.put("sourceId", "TCD-" + UUID.randomUUID());
    item.put("sourceVersion", 1);
    Response r =
        as("integration")
            .contentType("application/json")
            .body(List.of(item))
            .post("/api/v1/imports?type=RECEPTION_VISIT")
            .andReturn();
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    JsonPath job = r.jsonPath();
    assertThat(job.getString("results[0].outcome")).isEqualTo("ERROR");
    assertThat(job.getString("results[0].errors[0].pointer"))
        .isEqualTo("/items/0/visitors/0/fullName");
    assertThat(r.asString()).doesNotContain("BBBB");
  }

  /** A visitor without identity document (ID numbers are unique per visit). */
  private static Map<String, Object> person(String name) {
    Map<String, Object> v = visitor(name, uniqueCccd(), false);
    v.remove("idType");
    v.remove("idNumber");
    return v;
  }

  private static List<String> pointers(Response r) {
    return r.jsonPath().getList("errors.pointer", String.class);
  }
}
