package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.directive.DirectiveFixtures.BASE;
import static vn.danvan.directive.DirectiveFixtures.GO_VAP;
import static vn.danvan.directive.DirectiveFixtures.GO_VAP_TITLE;
import static vn.danvan.directive.DirectiveFixtures.HCM;
import static vn.danvan.directive.DirectiveFixtures.KH55_CITATION;
import static vn.danvan.directive.DirectiveFixtures.chain;
import static vn.danvan.directive.DirectiveFixtures.create;
import static vn.danvan.directive.DirectiveFixtures.doc;
import static vn.danvan.directive.DirectiveFixtures.goVapPlan;
import static vn.danvan.directive.DirectiveFixtures.reference;
import static vn.danvan.directive.DirectiveFixtures.transition;
import static vn.danvan.testing.Api.assertProblem;
import static vn.danvan.testing.Api.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.danvan.demo.DemoDirectives;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.testing.Api;

/** The document register, its rules, transitions, the reference graph, search and scope. */
@QuarkusTest
class DirectiveApiTest {

  @Test
  void everyFieldRoundTripsWithVietnameseText() {
    String id = chain().kh847();
    Response got = json("hcm-manager").get(BASE + "/" + id);
    assertThat(got.statusCode()).as(got.asString()).isEqualTo(200);
    JsonPath d = got.jsonPath();
    assertThat(got.header("ETag")).isEqualTo("\"" + d.getLong("version") + "\"");
    assertThat(d.getString("type")).isEqualTo("KE_HOACH");
    assertThat(d.getInt("number")).isEqualTo(847);
    assertThat(d.getString("symbol")).isEqualTo("KH-UBND");
    assertThat(d.getString("fullNumber")).isEqualTo("847/KH-UBND");
    assertThat(d.getString("issuingUnitId")).isEqualTo(GO_VAP.toString());
    assertThat(d.getString("externalIssuer")).isNull();
    assertThat(d.getString("issueDate")).isEqualTo("2023-03-10");
    assertThat(d.getString("place")).isEqualTo("Gò Vấp");
    assertThat(d.getString("title")).isEqualTo(GO_VAP_TITLE);
    assertThat(d.getString("body")).contains("“Dân vận khéo”");
    assertThat(d.getString("signerName")).isEqualTo("Đào Thị My Thư");
    assertThat(d.getString("signerTitle")).isEqualTo("Phó Chủ tịch");
    assertThat(d.getString("signingAuthority")).isEqualTo("KT");
    assertThat(d.getString("urgency")).isEqualTo("NORMAL");
    assertThat(d.getString("secrecy")).isEqualTo("NONE");
    assertThat(d.getString("status")).isEqualTo("ISSUED");
    assertThat(d.getList("recipients.purpose"))
        .startsWith("REPORT_TO", "REPORT_TO", "FOR_INFORMATION")
        .endsWith("EXECUTE", "ARCHIVE")
        .hasSize(14);
    assertThat(d.getString("recipients[0].unitId")).isEqualTo(HCM.toString());
    assertThat(d.getString("recipients[2].name")).isEqualTo("Thường trực Quận ủy");
    assertThat(d.getString("recipients[13].name")).isEqualTo("Lưu: VT, T (02)");
    // as the text says: "Thực hiện" Chỉ thị 33 and Công văn 756, "Căn cứ" Kế hoạch 55, and the
    // documents it continues
    assertThat(d.getList("references.relation"))
        .containsExactly(
            "IMPLEMENTS", "IMPLEMENTS", "BASED_ON", "BASED_ON", "BASED_ON", "BASED_ON");
    assertThat(d.getString("references[0].targetId")).isEqualTo(chain().ct33());
    assertThat(d.getString("references[0].targetFullNumber")).isEqualTo("33/CT-TTg");
    assertThat(d.getString("references[1].citation")).startsWith("Công văn số 756/KH-VX");
    assertThat(d.getString("references[2].citation")).isEqualTo(KH55_CITATION);
    assertThat(d.getString("references[3].targetFullNumber")).isEqualTo("246/KH-UBND");
    assertThat(d.getString("createdAt")).isNotBlank();
  }

  @Test
  void fullNumbersFollowDecree30() {
    UUID unit = freshUnit();
    Response two =
        create("hcm-manager", doc("CHI_THI", 2, "CT-UBND", unit, null, "Về Dân vận", Map.of()));
    assertThat(two.jsonPath().getString("fullNumber")).isEqualTo("02/CT-UBND");
    Response letter =
        create(
            "hcm-manager",
            doc("CONG_VAN", 756, "UBND-VX", unit, null, "Về công tác dân vận năm 2023", Map.of()));
    assertThat(letter.jsonPath().getString("fullNumber")).isEqualTo("756/UBND-VX");
    Response party =
        create(
            "admin",
            doc(
                "QUYET_DINH",
                23,
                "QĐ/TW",
                null,
                null,
                "Quy định thi hành Điều lệ Đảng",
                Map.of("externalIssuer", "Ban Chấp hành Trung ương")));
    assertThat(party.jsonPath().getString("fullNumber")).isEqualTo("23-QĐ/TW");
    assertThat(party.jsonPath().getString("issuingUnitId")).isNull();
    Response province =
        create(
            "admin",
            doc(
                "CHI_THI",
                7,
                "CT/TU",
                null,
                null,
                "Về tăng cường sự lãnh đạo của Đảng đối với công tác dân vận",
                Map.of("externalIssuer", "Ban Thường vụ Thành ủy Hà Nội")));
    assertThat(province.jsonPath().getString("fullNumber")).isEqualTo("07-CT/TU");
  }

  @Test
  void aNumberIsUniquePerIssuerAndYear() {
    chain();
    Response duplicate = json("hcm-manager").body(goVapPlan()).post(BASE);
    assertProblem(duplicate, 409, "DIRECTIVE_NUMBER_TAKEN");
    Map<String, Object> nextYear = goVapPlan();
    nextYear.put("issueDate", "2024-03-11");
    create("hcm-manager", nextYear);
    Map<String, Object> otherIssuer = goVapPlan();
    otherIssuer.put("issuingUnitId", HCM.toString());
    create("hcm-manager", otherIssuer);
  }

  @Test
  void theIssuerMustExistOnTheIssueDate() {
    Map<String, Object> body = goVapPlan();
    body.put("issueDate", "2026-03-10");
    Response r = json("hcm-manager").body(body).post(BASE);
    assertProblem(r, 422, "UNIT_NOT_VALID");
    assertThat(r.jsonPath().getString("errors[0].pointer")).isEqualTo("/issuingUnitId");
  }

  @Test
  void badInputIsAProblemWithPointers() {
    Map<String, Object> byOrder = goVapPlan();
    byOrder.put("signingAuthority", "TL");
    byOrder.put("number", 9001);
    expectPointer(json("hcm-manager").body(byOrder).post(BASE), "/delegationReference");

    Map<String, Object> badSymbol = goVapPlan();
    badSymbol.put("symbol", "KH UBND!");
    expectPointer(json("hcm-manager").body(badSymbol).post(BASE), "/symbol");

    Map<String, Object> wrongType = goVapPlan();
    wrongType.put("symbol", "CT-UBND");
    expectPointer(json("hcm-manager").body(wrongType).post(BASE), "/symbol");

    Map<String, Object> zero = goVapPlan();
    zero.put("number", 0);
    expectPointer(json("hcm-manager").body(zero).post(BASE), "/number");

    Map<String, Object> word = goVapPlan();
    word.put("number", "tám trăm");
    expectPointer(json("hcm-manager").body(word).post(BASE), "/number");

    Map<String, Object> both = goVapPlan();
    both.put("externalIssuer", "Thành ủy");
    expectPointer(json("admin").body(both).post(BASE), "/issuingUnitId");

    Map<String, Object> recipient = goVapPlan();
    recipient.put("recipients", List.of(Map.of("purpose", "EXECUTE")));
    expectPointer(json("hcm-manager").body(recipient).post(BASE), "/recipients/0/unitId");

    Map<String, Object> unknownType = goVapPlan();
    unknownType.put("type", "NGHI_DINH_THU");
    expectPointer(json("hcm-manager").body(unknownType).post(BASE), "/type");

    assertProblem(json("hcm-manager").body("{\"type\":").post(BASE), 400, "MALFORMED_JSON");
    assertProblem(json("hcm-manager").get(BASE + "/" + UUID.randomUUID()), 404, "NOT_FOUND");
    assertProblem(json("hcm-manager").queryParam("cursor", "rác").get(BASE), 400, "INVALID_CURSOR");
  }

  @Test
  void concurrentIssuingNumbersWithoutDuplicatesOrGaps() throws Exception {
    UUID unit = freshUnit();
    List<String> drafts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      drafts.add(
          create(
                  "hcm-manager",
                  doc("KE_HOACH", null, "KH-UBND", unit, null, "Kế hoạch số " + i, Map.of()))
              .jsonPath()
              .getString("id"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Future<Response>> results = new ArrayList<>();
      for (String id : drafts) {
        results.add(pool.submit(() -> transition("hcm-manager", id, 0, "ISSUE")));
      }
      List<Integer> numbers = new ArrayList<>();
      for (Future<Response> f : results) {
        Response r = f.get();
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        numbers.add(r.jsonPath().getInt("number"));
      }
      assertThat(numbers)
          .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 10).boxed().toList());
    } finally {
      pool.shutdownNow();
    }
    Response first =
        json("hcm-manager")
            .queryParam("issuingUnitId", unit.toString())
            .queryParam("q", "01/kh-ubnd")
            .get(BASE);
    assertThat(first.jsonPath().getList("items.fullNumber")).containsExactly("01/KH-UBND");
    // secret documents have their own register
    Response secret =
        create(
            "hcm-manager",
            doc(
                "KE_HOACH",
                null,
                "KH-UBND",
                unit,
                null,
                "Kế hoạch mật",
                Map.of("secrecy", "SECRET")));
    Response issued = transition("hcm-manager", secret.jsonPath().getString("id"), 0, "ISSUE");
    assertThat(issued.jsonPath().getInt("number")).isEqualTo(1);
  }

  @Test
  void numbersGivenByHandAdvanceTheRegister() {
    chain(); // Gò Vấp issued 847/KH-UBND on 10/03/2023
    Response draft =
        create(
            "hcm-manager",
            doc("KE_HOACH", null, "KH-UBND", GO_VAP, "2023-03-13", "Kế hoạch tiếp theo", Map.of()));
    Response issued = transition("hcm-manager", draft.jsonPath().getString("id"), 0, "ISSUE");
    assertThat(issued.statusCode()).as(issued.asString()).isEqualTo(200);
    assertThat(issued.jsonPath().getString("fullNumber")).isEqualTo("848/KH-UBND");
    assertThat(issued.jsonPath().getString("issueDate")).isEqualTo("2023-03-13");
  }

  @Test
  void transitionsNeedIfMatchAndFollowTheLifecycle() {
    UUID unit = freshUnit();
    String id =
        create("hcm-manager", doc("THONG_BAO", null, "TB-UBND", unit, null, "Thông báo", Map.of()))
            .jsonPath()
            .getString("id");
    assertProblem(
        json("hcm-manager").body(Map.of("action", "ISSUE")).post(BASE + "/" + id + "/transitions"),
        428,
        "PRECONDITION_REQUIRED");
    assertProblem(transition("hcm-manager", id, 7, "ISSUE"), 412, "PRECONDITION_FAILED");
    assertProblem(transition("hcm-manager", id, 0, "REVOKE"), 409, "ILLEGAL_TRANSITION");
    Response issued = transition("hcm-manager", id, 0, "ISSUE");
    assertThat(issued.statusCode()).as(issued.asString()).isEqualTo(200);
    assertThat(issued.jsonPath().getString("status")).isEqualTo("ISSUED");
    assertThat(issued.jsonPath().getString("fullNumber")).isEqualTo("01/TB-UBND");
    assertThat(issued.jsonPath().getString("issueDate")).isNotBlank();
    long v = issued.jsonPath().getLong("version");
    assertProblem(transition("hcm-manager", id, v, "ISSUE"), 409, "ILLEGAL_TRANSITION");
    assertProblem(
        json("hcm-manager").header("If-Match", "\"" + v + "\"").delete(BASE + "/" + id),
        409,
        "DIRECTIVE_NOT_DRAFT");
    Response revoked = transition("hcm-manager", id, v, "REVOKE");
    assertThat(revoked.jsonPath().getString("status")).isEqualTo("REVOKED");
    assertProblem(
        transition("hcm-manager", id, revoked.jsonPath().getLong("version"), "EXPIRE"),
        409,
        "ILLEGAL_TRANSITION");

    String draft =
        create("hcm-manager", doc("THONG_BAO", null, "TB-UBND", unit, null, "Dự thảo", Map.of()))
            .jsonPath()
            .getString("id");
    assertProblem(json("hcm-manager").delete(BASE + "/" + draft), 428, "PRECONDITION_REQUIRED");
    json("hcm-manager")
        .header("If-Match", "\"0\"")
        .delete(BASE + "/" + draft)
        .then()
        .statusCode(204);
    json("hcm-manager").get(BASE + "/" + draft).then().statusCode(404);
  }

  @Test
  void issuedRegistrationIsFixedButDraftsAreEditable() {
    UUID unit = freshUnit();
    Map<String, Object> body = doc("KE_HOACH", null, "KH-UBND", unit, null, "Dự thảo", Map.of());
    Response created = create("hcm-manager", body);
    String id = created.jsonPath().getString("id");
    body.put("title", "Kế hoạch thực hiện “Dân vận khéo” năm 2026");
    Response edited =
        json("hcm-manager").header("If-Match", "\"0\"").body(body).put(BASE + "/" + id);
    assertThat(edited.statusCode()).as(edited.asString()).isEqualTo(200);
    assertThat(edited.jsonPath().getString("title")).contains("“Dân vận khéo”");
    // a stale If-Match: 412 for a change, 200 with the stored version for a retry of the same body
    Map<String, Object> other = new LinkedHashMap<>(body);
    other.put("title", "Kế hoạch khác");
    assertProblem(
        json("hcm-manager").header("If-Match", "\"0\"").body(other).put(BASE + "/" + id),
        412,
        "PRECONDITION_FAILED");
    Response retry =
        json("hcm-manager").header("If-Match", "\"0\"").body(body).put(BASE + "/" + id);
    assertThat(retry.statusCode()).as(retry.asString()).isEqualTo(200);
    assertThat(retry.header("ETag")).isEqualTo("\"1\"");
    Response issued = transition("hcm-manager", id, edited.jsonPath().getLong("version"), "ISSUE");
    body.put("number", 99);
    assertProblem(
        json("hcm-manager")
            .header("If-Match", "\"" + issued.jsonPath().getLong("version") + "\"")
            .body(body)
            .put(BASE + "/" + id),
        409,
        "REGISTRATION_FIXED");
  }

  @Test
  void cascadeAndBasisFollowTheDemoDocuments() {
    String ct33 = DemoDirectives.CT_33_TTG.toString();
    JsonPath cascade = json("hcm-manager").get(BASE + "/" + ct33 + "/cascade").jsonPath();
    assertThat(nodes(cascade))
        .containsExactly(
            "1 814/KH-UBND Tỉnh An Giang ← " + ct33,
            "1 02/CT-UBND Thành phố Hà Nội ← " + ct33,
            "1 246/KH-UBND Thành phố Hồ Chí Minh ← " + ct33,
            "1 04/CT-UBND Thành phố Hồ Chí Minh ← " + ct33,
            "1 847/KH-UBND Quận Gò Vấp ← " + ct33,
            "2 02/CT-UBND Quận Đống Đa ← " + DemoDirectives.CT_02_HA_NOI,
            // Gò Vấp's directive implements both the city's plan and its directive: one row each
            "2 03/CT-UBND Quận Gò Vấp ← " + DemoDirectives.CT_04_HCM,
            "2 03/CT-UBND Quận Gò Vấp ← " + DemoDirectives.KH_246_HCM);
    JsonPath shallow =
        json("hcm-manager").queryParam("depth", 1).get(BASE + "/" + ct33 + "/cascade").jsonPath();
    assertThat(shallow.getList("items.depth")).containsOnly(1).hasSize(5);
    // the Hà Nội draft plan is visible in Hà Nội only
    assertThat(
            json("viewer")
                .get(BASE + "/" + ct33 + "/cascade")
                .jsonPath()
                .getList("items.directiveId"))
        .contains(DemoDirectives.KH_2022_HA_NOI.toString());
    assertThat(cascade.getList("items.directiveId"))
        .doesNotContain(DemoDirectives.KH_2022_HA_NOI.toString());
    assertProblem(
        json("viewer").queryParam("depth", 0).get(BASE + "/" + ct33 + "/cascade"),
        400,
        "VALIDATION_FAILED");

    String kh847 = DemoDirectives.KH_847_GO_VAP.toString();
    JsonPath basis = json("viewer").get(BASE + "/" + kh847 + "/basis").jsonPath();
    assertThat(basis.getList("items.depth")).containsExactly(1, 1, 1, 1, 1, 1, 2, 2, 2, 2);
    assertThat(basis.getList("items.citation", String.class).subList(0, 6))
        .contains(KH55_CITATION)
        .anySatisfy(c -> assertThat(c).startsWith("Công văn số 756/KH-VX"));
    assertThat(nodes(basis).subList(6, 10))
        .containsExactlyInAnyOrder(
            "2 33/CT-TTg Thủ tướng Chính phủ ← " + DemoDirectives.KH_246_HCM,
            "2 33/CT-TTg Thủ tướng Chính phủ ← " + DemoDirectives.CT_04_HCM,
            "2 246/KH-UBND Thành phố Hồ Chí Minh ← " + DemoDirectives.CT_03_GO_VAP,
            "2 04/CT-UBND Thành phố Hồ Chí Minh ← " + DemoDirectives.CT_03_GO_VAP);

    List<String> implementers =
        json("viewer").queryParam("implements", ct33).get(BASE).jsonPath().getList("items.id");
    assertThat(implementers)
        .containsExactlyInAnyOrder(
            Stream.of(
                    DemoDirectives.KH_814_AN_GIANG,
                    DemoDirectives.CT_02_HA_NOI,
                    DemoDirectives.KH_246_HCM,
                    DemoDirectives.CT_04_HCM,
                    DemoDirectives.KH_847_GO_VAP,
                    DemoDirectives.KH_2022_HA_NOI)
                .map(UUID::toString)
                .toArray(String[]::new));
  }

  /** "depth fullNumber issuer ← parent" for each node of a graph answer. */
  private static List<String> nodes(JsonPath graph) {
    List<Map<String, Object>> items = graph.getList("items");
    return items.stream()
        .map(
            n ->
                n.get("depth")
                    + " "
                    + n.get("fullNumber")
                    + " "
                    + n.get("issuingUnitName")
                    + " ← "
                    + n.get("parentId"))
        .toList();
  }

  @Test
  void implementsNeverFormsACycle() {
    DirectiveFixtures.Chain c = chain();
    Response cycle =
        json("admin")
            .body(Map.of("targetId", c.kh847(), "relation", "IMPLEMENTS"))
            .post(BASE + "/" + c.ct33() + "/references");
    assertProblem(cycle, 422, "REFERENCE_CYCLE");
    Response self =
        json("admin")
            .body(Map.of("targetId", c.ct33(), "relation", "IMPLEMENTS"))
            .post(BASE + "/" + c.ct33() + "/references");
    assertProblem(self, 400, "VALIDATION_FAILED");
    // other relations may point back: a later document may be cited as the basis
    Response back = reference("admin", c.ct33(), c.kh847(), "BASED_ON");
    String refId = back.jsonPath().getString("id");
    assertProblem(
        json("admin")
            .body(Map.of("targetId", c.kh847(), "relation", "BASED_ON"))
            .post(BASE + "/" + c.ct33() + "/references"),
        409,
        "DUPLICATE");
    // a reference is part of its directive: removing it needs the directive's version
    String path = BASE + "/" + c.ct33() + "/references/" + refId;
    String etag = json("admin").get(BASE + "/" + c.ct33()).header("ETag");
    long version = Long.parseLong(etag.replace("\"", ""));
    assertProblem(json("admin").delete(path), 428, "PRECONDITION_REQUIRED");
    assertProblem(
        json("admin").header("If-Match", "\"" + (version - 1) + "\"").delete(path),
        412,
        "PRECONDITION_FAILED");
    json("admin").header("If-Match", etag).delete(path).then().statusCode(204);
    String after = json("admin").get(BASE + "/" + c.ct33()).header("ETag");
    assertThat(after).isNotEqualTo(etag);
    json("admin").header("If-Match", after).delete(path).then().statusCode(404);
  }

  @Test
  void searchIgnoresAccentsAndCase() {
    String id = chain().kh847();
    for (String q : List.of("dan van kheo", "DÂN VẬN KHÉO", "847/kh-ubnd", "quan go vap")) {
      List<String> ids =
          json("viewer")
              .queryParam("q", q)
              .queryParam("limit", 500)
              .get(BASE)
              .jsonPath()
              .getList("items.id");
      assertThat(ids).as(q).contains(id);
    }
    assertThat(
            json("viewer")
                .queryParam("q", "dan van kheo")
                .queryParam("year", 2022)
                .get(BASE)
                .jsonPath()
                .getList("items.id"))
        .doesNotContain(id);
  }

  @Test
  void filtersByIssuerSubtreeTypeAndDates() {
    DirectiveFixtures.Chain c = chain();
    List<String> selected = ids(Map.of("issuingUnitId", HCM, "year", 2022));
    assertThat(selected).contains(c.kh246()).doesNotContain(c.kh847());
    List<String> children = ids(Map.of("issuingUnitId", HCM, "orgUnitMode", "CHILDREN"));
    assertThat(children).contains(c.kh246(), c.kh847());
    List<String> subtree =
        ids(
            Map.of(
                "issuingUnitId", UnitIds.ROOT, "orgUnitMode", "DESCENDANTS", "type", "KE_HOACH"));
    assertThat(subtree).contains(c.kh246(), c.kh847()).doesNotContain(c.ct33());
    List<String> dated = ids(Map.of("issuedFrom", "2021-11-26", "issuedTo", "2022-01-21"));
    assertThat(dated).contains(c.ct33(), c.kh246()).doesNotContain(c.kh847());
  }

  @Test
  void pagesWalkByIssueDate() {
    DirectiveFixtures.Chain c = chain();
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      var req =
          json("viewer")
              .queryParam("limit", 1)
              .queryParam("issuedFrom", "2021-11-26")
              .queryParam("issuedTo", "2023-03-10");
      if (cursor != null) {
        req = req.queryParam("cursor", cursor);
      }
      JsonPath page = req.get(BASE).jsonPath();
      seen.addAll(page.getList("items.id"));
      cursor = page.getString("next");
    } while (cursor != null);
    assertThat(seen).containsSubsequence(c.kh847(), c.kh246(), c.ct33());
  }

  @Test
  void rolesAndScope() {
    Response draft =
        create(
            "hcm-manager",
            doc(
                "KE_HOACH",
                null,
                "KH-UBND",
                HCM,
                null,
                Api.unique("Dự thảo của TP HCM"),
                Map.of()));
    String id = draft.jsonPath().getString("id");
    assertProblem(json("viewer").get(BASE + "/" + id), 404, "NOT_FOUND");
    assertProblem(json("viewer").get(BASE + "/" + id + "/cascade"), 404, "NOT_FOUND");
    assertThat(json("viewer").queryParam("limit", 500).get(BASE).jsonPath().getList("items.id"))
        .doesNotContain(id);
    json("auditor").get(BASE + "/" + id).then().statusCode(200);
    json("admin").get(BASE + "/" + id).then().statusCode(200);

    // issued documents are official documents of the administration: readable by every role
    DirectiveFixtures.Chain c = chain();
    json("viewer").get(BASE + "/" + c.kh246()).then().statusCode(200);
    json("reception").get(BASE + "/" + c.ct33()).then().statusCode(200);

    assertProblem(json("viewer").body(goVapPlan()).post(BASE), 403, "FORBIDDEN");
    assertProblem(json("auditor").body(goVapPlan()).post(BASE), 403, "FORBIDDEN");
    // an officer of a ward cannot act for the city
    assertProblem(transition("ward-officer", c.kh246(), 1, "REVOKE"), 403, "FORBIDDEN");
    assertProblem(json("ward-officer").body(goVapPlan()).post(BASE), 422, "UNKNOWN_UNIT");
    // outside bodies are recorded by admins only
    Map<String, Object> party =
        doc("CHI_THI", 7, "CT/TU", null, null, "Chỉ thị của Thành ủy", Map.of());
    party.put("externalIssuer", "Ban Thường vụ Thành ủy Hà Nội");
    assertProblem(json("hcm-manager").body(party).post(BASE), 403, "FORBIDDEN");
    json("viewer").get(BASE + "/" + c.ct33() + "/basis").then().statusCode(200);
  }

  private static void expectPointer(Response r, String pointer) {
    assertProblem(r, 400, "VALIDATION_FAILED");
    assertThat(r.jsonPath().getList("errors.pointer")).as(r.asString()).contains(pointer);
  }

  private static List<String> ids(Map<String, Object> query) {
    Response r = json("viewer").queryParams(query).queryParam("limit", 500).get(BASE);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath().getList("items.id");
  }

  /** A department of TP HCM no other test uses: its own register of numbers. */
  private static UUID freshUnit() {
    return UUID.fromString(
        Api.createDepartment("hcm-manager", Api.unique("Phòng thử nghiệm"), HCM.toString())
            .jsonPath()
            .getString("id"));
  }
}
