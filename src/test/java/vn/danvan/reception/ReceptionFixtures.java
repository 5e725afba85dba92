package vn.danvan.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.json;

import io.restassured.response.Response;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Requests of the reception tests: fictional people with unique names and ID numbers. */
final class ReceptionFixtures {

  static final String AN_HOI_TAY = "00000000-0000-4000-8004-000000026882";
  static final String HCM = "00000000-0000-4000-8001-000000000079";
  static final String HA_NOI = "00000000-0000-4000-8001-000000000001";
  static final String VISITS = "/api/v1/reception-visits";
  static final String SESSIONS = "/api/v1/reception-sessions";
  static final String CASES = "/api/v1/cases";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String LETTERS = "abcdeghiklmnopqrstuvxy";

  private ReceptionFixtures() {}

  /** A fictional, unique full name: Vietnamese-shaped, with a random given name. */
  static String uniqueName(String family) {
    StringBuilder b = new StringBuilder();
    b.append(Character.toUpperCase(LETTERS.charAt(RANDOM.nextInt(LETTERS.length()))));
    for (int i = 0; i < 7; i++) {
      b.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
    }
    return family + " Thị Ẩn " + b;
  }

  /** A unique CCCD number of TP HCM (079) whose century digit 9 no living person has. */
  static String uniqueCccd() {
    StringBuilder b = new StringBuilder("0799");
    for (int i = 0; i < 8; i++) {
      b.append(RANDOM.nextInt(10));
    }
    return b.toString();
  }

  static Map<String, Object> visitor(String name, String cccd, boolean representative) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("fullName", name);
    v.put("idType", "CCCD");
    v.put("idNumber", cccd);
    v.put("address", "12 Đường Số 7, Phường An Hội Tây, TP Hồ Chí Minh");
    v.put("phone", "0901234567");
    if (representative) {
      v.put("representative", true);
    }
    return v;
  }

  static Map<String, Object> visit(String kind, List<Map<String, Object>> visitors) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("orgUnitId", AN_HOI_TAY);
    b.put("receivedAt", "2026-03-05T08:30:00+07:00");
    b.put("visitors", new ArrayList<>(visitors));
    b.put("contentKind", kind);
    b.put("field", "LAND");
    b.put("summary", "Khiếu nại về việc thu hồi đất thửa số 125 tờ bản đồ số 7 khu phố 3");
    b.put("outcome", "ACCEPTED_FOR_RESOLUTION");
    return b;
  }

  static Response create(String user, Map<String, Object> body) {
    return json(user).body(body).post(VISITS).then().extract().response();
  }

  static String createOk(String user, Map<String, Object> body) {
    Response r = create(user, body);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r.jsonPath().getString("id");
  }
}
