package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.directive.DirectiveFixtures.BASE;
import static vn.danvan.directive.DirectiveFixtures.HCM;
import static vn.danvan.directive.DirectiveFixtures.create;
import static vn.danvan.directive.DirectiveFixtures.doc;
import static vn.danvan.directive.DirectiveFixtures.issued;
import static vn.danvan.directive.DirectiveFixtures.reference;
import static vn.danvan.testing.Api.as;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.shared.security.DemoAccounts;
import vn.danvan.shared.time.BusinessTime;

/**
 * Secret documents are need-to-know (DESIGN §7b): readable in the scope of the issuing unit or of a
 * recipient unit and by admins (audited); to everyone else they do not exist, except as an
 * undisclosed node of a cascade.
 *
 * <p>The world of each test: a public directive of the Prime Minister obliging TP HCM to issue a
 * plan (P); TP HCM's TOP_SECRET plan implementing it (S), sent only to its own Sở Nội vụ; a public
 * plan of TP HCM implementing S (C); and a CONFIDENTIAL notice of TP HCM sent to TP Hà Nội and to
 * phường An Hội Tây (R). The viewer's scope is TP Hà Nội, the ward officer's phường An Hội Tây.
 */
@QuarkusTest
class DirectiveSecrecyTest {

  static final byte[] PDF =
      "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
          .getBytes(StandardCharsets.US_ASCII);

  /** A word of every title and body of the test's documents, to search them by. */
  String word;

  String p;
  String s;
  String c;
  String r;

  @BeforeEach
  void world() {
    word = "mat" + UUID.randomUUID().toString().replace("-", "");
    LocalDate due = BusinessTime.today(java.time.Clock.systemUTC()).plusDays(30);
    Map<String, Object> directive =
        doc(
            "KE_HOACH",
            null,
            "KH-TTg",
            UnitIds.PRIME_MINISTER,
            null,
            "Kế hoạch công khai " + word,
            Map.of(
                "obligations",
                Map.of("targets", "RECIPIENTS", "dueDate", due.toString()),
                "recipients",
                List.of(Map.of("unitId", HCM.toString(), "purpose", "EXECUTE"))));
    p = issued("admin", directive);

    s =
        issued(
            "hcm-manager",
            secret(
                "TOP_SECRET",
                "Kế hoạch mật " + word,
                List.of(
                    Map.of(
                        "unitId",
                        UnitIds.department(HCM, "NOI_VU").toString(),
                        "purpose",
                        "EXECUTE"))));
    reference("hcm-manager", s, p, "IMPLEMENTS");

    c =
        issued(
            "hcm-manager",
            doc(
                "KE_HOACH",
                null,
                "KH-UBND",
                HCM,
                null,
                "Kế hoạch công khai triển khai " + word,
                Map.of()));
    reference("hcm-manager", c, s, "IMPLEMENTS");

    r =
        issued(
            "hcm-manager",
            secret(
                "CONFIDENTIAL",
                "Thông báo mật gửi Hà Nội " + word,
                List.of(
                    Map.of("unitId", DemoAccounts.HA_NOI.toString(), "purpose", "FOR_INFORMATION"),
                    Map.of("unitId", DemoAccounts.AN_HOI_TAY.toString(), "purpose", "EXECUTE"))));
  }

  private Map<String, Object> secret(
      String secrecy, String title, List<Map<String, Object>> recipients) {
    Map<String, Object> more = new LinkedHashMap<>();
    more.put("secrecy", secrecy);
    more.put("body", "Nội dung tuyệt mật " + word + ": danh sách các điểm nóng.");
    more.put("recipients", recipients);
    return doc("KE_HOACH", null, "KH-UBND", HCM, null, title, more);
  }

  private static Response get(String user, String id) {
    return json(user).get(BASE + "/" + id);
  }

  private List<String> search(String user) {
    Response list = json(user).queryParam("q", word).queryParam("limit", 500).get(BASE);
    assertThat(list.statusCode()).as(list.asString()).isEqualTo(200);
    return list.jsonPath().getList("items.id");
  }

  @Test
  void theIssuersScopeReadsItAndEveryoneElseGetsA404LikeAMissingDocument() {
    for (String user : List.of("hcm-manager", "auditor")) {
      Response read = get(user, s);
      assertThat(read.statusCode()).as(user + " " + read.asString()).isEqualTo(200);
      assertThat(read.jsonPath().getString("body")).contains("tuyệt mật");
      assertThat(read.jsonPath().getString("secrecy")).isEqualTo("TOP_SECRET");
    }
    Response missing = get("viewer", UUID.randomUUID().toString());
    assertProblem(missing, 404, "NOT_FOUND");
    // a ward of TP HCM that is not a recipient is outside need-to-know as well
    for (String user : List.of("viewer", "ward-officer")) {
      Response hidden = get(user, s);
      assertProblem(hidden, 404, "NOT_FOUND");
      assertThat(hidden.jsonPath().getString("detail"))
          .isEqualTo(missing.jsonPath().getString("detail"));
      assertThat(hidden.asString()).doesNotContain(word);
      for (String sub : List.of("/cascade", "/basis", "/coverage", "/attachments")) {
        assertProblem(json(user).get(BASE + "/" + s + sub), 404, "NOT_FOUND");
      }
    }
  }

  @Test
  void listsAndSearchLeaveItOutForOutsiders() {
    assertThat(search("hcm-manager")).contains(p, s, c, r);
    assertThat(search("viewer")).contains(p, c, r).doesNotContain(s);
    assertThat(search("ward-officer")).contains(p, c, r).doesNotContain(s);
    // nor does a filter on its issuer reveal it
    Response byIssuer =
        json("viewer")
            .queryParam("issuingUnitId", HCM.toString())
            .queryParam("q", word)
            .queryParam("limit", 500)
            .get(BASE);
    assertThat(byIssuer.jsonPath().getList("items.id", String.class)).doesNotContain(s);
    Response implementing = json("viewer").queryParam("implements", p).get(BASE);
    assertThat(implementing.jsonPath().getList("items.id", String.class)).doesNotContain(s);
  }

  @Test
  void aCascadeShowsItAsAnUndisclosedNodeWithWhatImplementsItBelow() {
    JsonPath outsider = json("viewer").get(BASE + "/" + p + "/cascade").jsonPath();
    Map<String, Object> node = nodeOf(outsider, s);
    assertThat(node)
        .containsEntry("depth", 1)
        .containsEntry("parentId", p)
        .containsEntry("undisclosed", true);
    for (String field :
        List.of(
            "type",
            "fullNumber",
            "title",
            "status",
            "issueDate",
            "issuingUnitId",
            "issuingUnitName")) {
      assertThat(node.get(field)).as(field).isNull();
    }
    Map<String, Object> child = nodeOf(outsider, c);
    assertThat(child)
        .containsEntry("depth", 2)
        .containsEntry("parentId", s)
        .containsEntry("undisclosed", false);
    assertThat((String) child.get("title")).contains(word);
    assertThat(json("viewer").get(BASE + "/" + p + "/cascade").asString())
        .doesNotContain("Kế hoạch mật");

    Map<String, Object> insider =
        nodeOf(json("hcm-manager").get(BASE + "/" + p + "/cascade").jsonPath(), s);
    assertThat(insider).containsEntry("undisclosed", false);
    assertThat((String) insider.get("title")).isEqualTo("Kế hoạch mật " + word);
  }

  @Test
  void basisCoverageAndReferencesDoNotDiscloseIt() {
    // basis of the public plan: the secret plan, and what is reached only through it, is absent
    List<String> outsiderBasis =
        json("viewer").get(BASE + "/" + c + "/basis").jsonPath().getList("items.directiveId");
    assertThat(outsiderBasis).doesNotContain(s, p);
    List<String> insiderBasis =
        json("hcm-manager").get(BASE + "/" + c + "/basis").jsonPath().getList("items.directiveId");
    assertThat(insiderBasis).contains(s, p);

    // the reference keeps its target id, not its number and title
    JsonPath ref = get("viewer", c).jsonPath();
    assertThat(ref.getString("references[0].targetId")).isEqualTo(s);
    assertThat(ref.getString("references[0].targetFullNumber")).isNull();
    assertThat(ref.getString("references[0].targetTitle")).isNull();
    assertThat(get("hcm-manager", c).jsonPath().getString("references[0].targetTitle"))
        .isEqualTo("Kế hoạch mật " + word);

    // coverage of the directive it implements: TP HCM has issued, the document is not shown
    JsonPath outsider = json("viewer").get(BASE + "/" + p + "/coverage").jsonPath();
    assertThat(outsider.getString("items[0].unit.id")).isEqualTo(HCM.toString());
    assertThat(outsider.getString("items[0].state")).isEqualTo("ISSUED_ON_TIME");
    assertThat(outsider.getString("items[0].document")).isNull();
    JsonPath insider = json("hcm-manager").get(BASE + "/" + p + "/coverage").jsonPath();
    assertThat(insider.getString("items[0].document.id")).isEqualTo(s);
  }

  @Test
  void recipientUnitsReadItButNotItsDraft() {
    for (String user : List.of("viewer", "ward-officer", "hcm-manager")) {
      Response read = get(user, r);
      assertThat(read.statusCode()).as(user + " " + read.asString()).isEqualTo(200);
      assertThat(read.jsonPath().getString("secrecy")).isEqualTo("CONFIDENTIAL");
      assertThat(read.jsonPath().getString("body")).contains(word);
    }
    // a draft has not been sent yet: its recipients do not read it
    String draft =
        create(
                "hcm-manager",
                secret(
                    "SECRET",
                    "Dự thảo mật " + word,
                    List.of(
                        Map.of("unitId", DemoAccounts.HA_NOI.toString(), "purpose", "EXECUTE"))))
            .jsonPath()
            .getString("id");
    assertProblem(get("viewer", draft), 404, "NOT_FOUND");
    assertThat(search("viewer")).doesNotContain(draft);
    assertThat(search("hcm-manager")).contains(draft);
  }

  @Test
  void adminsReadItAndEachReadIsAudited() {
    Response read = get("admin", s);
    assertThat(read.statusCode()).as(read.asString()).isEqualTo(200);
    assertThat(read.jsonPath().getString("body")).contains(word);
    // a read by need-to-know is not an event; the admin's read is, visible to the issuer's auditor
    get("hcm-manager", s);
    JsonPath events =
        as("auditor").queryParam("entityId", s).get("/api/v1/audit-events").jsonPath();
    List<Map<String, Object>> reads =
        events.<Map<String, Object>>getList("items").stream()
            .filter(e -> "SECRET_DIRECTIVE_READ".equals(e.get("action")))
            .toList();
    assertThat(reads).hasSize(1);
    assertThat(reads.get(0)).containsEntry("actor", "admin");
    assertThat(reads.get(0).get("after")).isNull();
  }

  @Test
  void attachmentsFollowTheDocument() {
    Response uploaded =
        as("hcm-manager")
            .multiPart("file", "ke-hoach-mat.pdf", PDF, "application/pdf")
            .post(BASE + "/" + s + "/attachments");
    assertThat(uploaded.statusCode()).as(uploaded.asString()).isEqualTo(201);
    String content =
        BASE + "/" + s + "/attachments/" + uploaded.jsonPath().getString("id") + "/content";

    assertThat(as("hcm-manager").get(BASE + "/" + s + "/attachments").statusCode()).isEqualTo(200);
    assertThat(as("hcm-manager").get(content).asByteArray()).isEqualTo(PDF);
    for (String user : List.of("viewer", "ward-officer")) {
      assertProblem(json(user).get(BASE + "/" + s + "/attachments"), 404, "NOT_FOUND");
      Response download = as(user).get(content);
      assertThat(download.statusCode()).as(download.asString()).isEqualTo(404);
      assertThat(download.asByteArray()).isNotEqualTo(PDF);
    }

    assertThat(as("admin").get(content).asByteArray()).isEqualTo(PDF);
    List<String> actions =
        as("auditor")
            .queryParam("entityId", s)
            .get("/api/v1/audit-events")
            .jsonPath()
            .getList("items.action");
    assertThat(actions).contains("SECRET_DIRECTIVE_ATTACHMENT_READ");
  }

  @Test
  void tasksCannotLinkASecretDocumentTheCallerCannotRead() {
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("title", "Triển khai kế hoạch " + word);
    task.put("description", "Tổ chức thực hiện kế hoạch trên địa bàn phường.");
    task.put("leadUnitId", DemoAccounts.AN_HOI_TAY.toString());
    task.put("responsiblePerson", "Chủ tịch UBND phường");
    task.put("dueDate", BusinessTime.today(java.time.Clock.systemUTC()).plusDays(20).toString());
    task.put("expectedResult", "Báo cáo kết quả");
    task.put("directiveId", s);
    Response refused = json("ward-officer").body(task).post("/api/v1/tasks");
    assertProblem(refused, 422, "UNKNOWN_DIRECTIVE");
    assertThat(refused.asString()).doesNotContain(word);

    // the ward is a recipient of the confidential notice: it may work on it
    task.put("directiveId", r);
    Response linked = json("ward-officer").body(task).post("/api/v1/tasks");
    assertThat(linked.statusCode()).as(linked.asString()).isEqualTo(201);
    assertThat(linked.asString()).doesNotContain("Thông báo mật");

    // bulk assignment on a document the caller cannot read: as if it did not exist
    assertProblem(
        json("ward-officer").body(Map.of("tasks", List.of(task))).post(BASE + "/" + s + "/tasks"),
        404,
        "NOT_FOUND");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> nodeOf(JsonPath graph, String id) {
    List<Map<String, Object>> nodes = graph.getList("items");
    return nodes.stream()
        .filter(n -> id.equals(n.get("directiveId")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no node " + id + " in " + graph.prettify()));
  }
}
