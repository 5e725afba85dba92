package vn.danvan.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.directive.DirectiveFixtures.BASE;
import static vn.danvan.directive.DirectiveFixtures.HCM;
import static vn.danvan.directive.DirectiveFixtures.create;
import static vn.danvan.directive.DirectiveFixtures.doc;
import static vn.danvan.directive.DirectiveFixtures.issued;
import static vn.danvan.testing.Api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.source.UpsertOutcome;
import vn.danvan.shared.sync.FeedRecordSource;
import vn.danvan.shared.sync.ImportItemResult;
import vn.danvan.shared.sync.ImportTarget;
import vn.danvan.testing.Api;
import vn.danvan.testing.DemoIdentity;

/**
 * The feature's parts of the sync SPIs, called through CDI as the feed and the import framework
 * find them: documents rendered for the feed as GET renders them for the caller (secret ones only
 * to who may read them), and documents written by an import as by PUT.
 */
@QuarkusTest
class DirectiveSyncSpiTest {

  @Inject @Any Instance<FeedRecordSource> feedSources;
  @Inject @Any Instance<ImportTarget<?>> importTargets;
  @Inject ObjectMapper mapper;

  FeedRecordSource feed() {
    return feedSources.stream()
        .filter(s -> s.entityTypes().contains("DIRECTIVE"))
        .findFirst()
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  ImportTarget<DirectiveImportItem> target() {
    return (ImportTarget<DirectiveImportItem>)
        importTargets.stream().filter(t -> t.type().equals("DIRECTIVE")).findFirst().orElseThrow();
  }

  Map<UUID, Object> records(String user, List<UUID> ids) {
    return DemoIdentity.call(user, () -> feed().records("DIRECTIVE", ids));
  }

  @Test
  void theFeedRendersAPageOfDocumentsAsGetDoesAndMasksSecretOnes() throws Exception {
    String word = Api.unique("Nguồn cấp");
    UUID issuedPublic =
        UUID.fromString(
            issued("hcm-manager", doc("KE_HOACH", null, "KH-UBND", HCM, null, word, Map.of())));
    UUID secret =
        UUID.fromString(
            issued(
                "hcm-manager",
                doc(
                    "KE_HOACH",
                    null,
                    "KH-UBND",
                    HCM,
                    null,
                    word + " mật",
                    Map.of("secrecy", "SECRET"))));
    UUID draft =
        UUID.fromString(
            create(
                    "hcm-manager",
                    doc("KE_HOACH", null, "KH-UBND", HCM, null, word + " dự thảo", Map.of()))
                .jsonPath()
                .getString("id"));
    json("hcm-manager")
        .body(Map.of("targetId", secret.toString(), "relation", "BASED_ON"))
        .post(BASE + "/" + issuedPublic + "/references")
        .then()
        .statusCode(201);
    // a full page: three documents among 497 ids of nothing
    List<UUID> ids = new ArrayList<>(List.of(issuedPublic, secret, draft));
    for (int i = 0; i < 497; i++) {
      ids.add(UUID.randomUUID());
    }

    Map<UUID, Object> asViewer = records("viewer", ids);
    assertThat(asViewer.keySet()).containsExactly(issuedPublic);
    Map<UUID, Object> asManager = records("hcm-manager", ids);
    assertThat(asManager.keySet()).containsExactlyInAnyOrder(issuedPublic, secret, draft);
    assertThat(records("admin", ids).keySet())
        .containsExactlyInAnyOrder(issuedPublic, secret, draft);
    assertThat(records("integration-hn", List.of(secret, draft))).isEmpty();

    // exactly what GET answers the same caller: the viewer sees the reference to the secret
    // document without its number and title
    for (String user : List.of("viewer", "hcm-manager")) {
      Map<UUID, Object> rendered = user.equals("viewer") ? asViewer : asManager;
      for (Map.Entry<UUID, Object> e : rendered.entrySet()) {
        JsonNode fromGet = mapper.readTree(json(user).get(BASE + "/" + e.getKey()).asString());
        assertThat(mapper.readTree(mapper.writeValueAsString(e.getValue())))
            .as(user + " " + e.getKey())
            .isEqualTo(fromGet);
      }
    }
    JsonNode reference = mapper.valueToTree(asViewer.get(issuedPublic)).path("references").get(0);
    assertThat(reference.path("targetId").asText()).isEqualTo(secret.toString());
    assertThat(
            reference.path("targetFullNumber").isMissingNode()
                || reference.path("targetFullNumber").isNull())
        .isTrue();
  }

  static DirectiveImportItem item(
      UUID id, String sourceSystem, String sourceId, Long version, String title, UUID unit) {
    return new DirectiveImportItem(
        id,
        DirectiveType.KE_HOACH,
        null,
        "KH-UBND",
        unit,
        null,
        null,
        null,
        title,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        sourceSystem,
        sourceId,
        version,
        null);
  }

  @Test
  void anImportWritesItemsByIdOrSourceKeyAsPutDoes() {
    String word = Api.unique("Nhập văn bản");
    String keyA = "IMP-" + UUID.randomUUID();
    UUID byId = UUID.randomUUID();
    List<DirectiveImportItem> first =
        List.of(
            item(null, null, keyA, 1L, word + " A", HCM),
            item(byId, null, null, null, word + " B", HCM),
            item(null, null, null, null, word + " không khóa", HCM),
            item(
                null,
                null,
                "IMP-" + UUID.randomUUID(),
                1L,
                word + " Hà Nội",
                UUID.fromString(Api.HA_NOI)));

    List<ImportItemResult> results =
        DemoIdentity.call(
            "integration",
            () -> QuarkusTransaction.requiringNew().call(() -> target().apply(first)));

    assertThat(results).hasSize(4);
    assertThat(results.get(0).outcome()).isEqualTo(UpsertOutcome.CREATED);
    assertThat(results.get(1).outcome()).isEqualTo(UpsertOutcome.CREATED);
    assertThat(results.get(1).id()).isEqualTo(byId);
    assertThat(results.get(2).ok()).isFalse();
    assertThat(results.get(2).error().status()).isEqualTo(400);
    assertThat(results.get(2).error().errors().get(0).pointer()).isEqualTo("/id");
    assertThat(results.get(3).error().code()).isEqualTo("UNKNOWN_UNIT");
    UUID a = results.get(0).id();
    var stored = json("integration").get(BASE + "/" + a).jsonPath();
    // only sourceId given: the caller's own system
    assertThat(stored.getString("sourceSystem")).isEqualTo("HCM-EGOV");
    assertThat(stored.getString("sourceId")).isEqualTo(keyA);
    assertThat(Api.feedEntries("DIRECTIVE", a.toString())).hasSize(1);

    List<DirectiveImportItem> second =
        List.of(
            item(null, "HCM-EGOV", keyA, 1L, word + " A", HCM),
            item(null, null, keyA, 2L, word + " A2", HCM),
            item(null, null, keyA, 1L, word + " A cũ", HCM),
            item(byId, null, null, null, word + " B2", HCM));
    List<ImportItemResult> again =
        DemoIdentity.call(
            "integration",
            () -> QuarkusTransaction.requiringNew().call(() -> target().apply(second)));

    assertThat(again.get(0).outcome()).isEqualTo(UpsertOutcome.UNCHANGED);
    assertThat(again.get(1).outcome()).isEqualTo(UpsertOutcome.UPDATED);
    assertThat(again.get(2).error().code()).isEqualTo("SOURCE_VERSION_CONFLICT");
    // an import replaces without If-Match
    assertThat(again.get(3).outcome()).isEqualTo(UpsertOutcome.UPDATED);
    assertThat(json("integration").get(BASE + "/" + byId).jsonPath().getString("title"))
        .isEqualTo(word + " B2");
    assertThat(Api.feedEntries("DIRECTIVE", a.toString())).hasSize(2);

    // a dry run is the same call in a transaction rolled back
    UUID dry = UUID.randomUUID();
    DemoIdentity.call(
        "integration",
        () -> {
          QuarkusTransaction.begin();
          try {
            return target().apply(List.of(item(dry, null, null, null, word + " thử", HCM)));
          } finally {
            QuarkusTransaction.rollback();
          }
        });
    assertThat(json("integration").get(BASE + "/" + dry).statusCode()).isEqualTo(404);
  }
}
