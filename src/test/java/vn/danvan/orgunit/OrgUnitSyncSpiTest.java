package vn.danvan.orgunit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.testing.Api.ORG_UNITS;
import static vn.danvan.testing.Api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The feature's parts of the sync SPIs, called through CDI: units rendered for the feed as GET
 * renders them (only the caller's scope), and units written by an import as by PUT.
 */
@QuarkusTest
class OrgUnitSyncSpiTest {

  static final UUID HCM = UUID.fromString(Api.HO_CHI_MINH);

  @Inject @Any Instance<FeedRecordSource> feedSources;
  @Inject @Any Instance<ImportTarget<?>> importTargets;
  @Inject ObjectMapper mapper;

  Map<UUID, Object> records(String user, List<UUID> ids) {
    FeedRecordSource feed =
        feedSources.stream()
            .filter(s -> s.entityTypes().contains("ORG_UNIT"))
            .findFirst()
            .orElseThrow();
    return DemoIdentity.call(user, () -> feed.records("ORG_UNIT", ids));
  }

  @SuppressWarnings("unchecked")
  ImportTarget<OrgUnitImportItem> target() {
    return (ImportTarget<OrgUnitImportItem>)
        importTargets.stream().filter(t -> t.type().equals("ORG_UNIT")).findFirst().orElseThrow();
  }

  @Test
  void theFeedRendersAPageOfUnitsAsGetDoesWithinTheCallersScope() throws Exception {
    UUID dept =
        UUID.fromString(
            Api.createDepartment("admin", Api.unique("Phòng nguồn cấp"), Api.HO_CHI_MINH)
                .jsonPath()
                .getString("id"));
    UUID haNoi = UUID.fromString(Api.HA_NOI);
    List<UUID> ids = new ArrayList<>(List.of(HCM, dept, haNoi));
    for (int i = 0; i < 497; i++) {
      ids.add(UUID.randomUUID());
    }

    Map<UUID, Object> asManager = records("hcm-manager", ids);
    assertThat(asManager.keySet()).containsExactly(HCM, dept);
    assertThat(records("viewer", ids).keySet()).containsExactly(haNoi);
    assertThat(records("admin", ids).keySet()).containsExactly(HCM, dept, haNoi);
    for (Map.Entry<UUID, Object> e : asManager.entrySet()) {
      JsonNode fromGet =
          mapper.readTree(json("hcm-manager").get(ORG_UNITS + "/" + e.getKey()).asString());
      assertThat(mapper.readTree(mapper.writeValueAsString(e.getValue())))
          .as(e.getKey().toString())
          .isEqualTo(fromGet);
    }
  }

  @Test
  void csvColumnsHaveVietnameseHeadersForItemProperties() {
    List<String> properties =
        Arrays.stream(OrgUnitImportItem.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList();
    assertThat(target().csvColumns())
        .allSatisfy(c -> assertThat(properties).contains(c.property()))
        .extracting(ImportTarget.CsvColumn::header)
        .contains("Mã đơn vị", "Tên đơn vị", "Cấp", "Đơn vị cấp trên");
    assertThat(target().csvColumns())
        .filteredOn(c -> c.header().equals("Đơn vị cấp trên"))
        .extracting(ImportTarget.CsvColumn::property)
        .containsExactly("parentId");
  }

  @Test
  void anImportWritesUnitsByIdOrSourceKeyAParentFirst() {
    String name = Api.unique("Phòng nhập");
    UUID parent = UUID.randomUUID();
    String childKey = "DV-" + UUID.randomUUID();
    List<OrgUnitImportItem> items =
        List.of(
            new OrgUnitImportItem(
                parent,
                OrgUnitKind.DEPARTMENT,
                name,
                null,
                null,
                HCM,
                null,
                null,
                null,
                null,
                null),
            new OrgUnitImportItem(
                null,
                OrgUnitKind.OTHER,
                name + " con",
                null,
                "T1",
                parent,
                null,
                null,
                childKey,
                1L,
                null),
            new OrgUnitImportItem(
                null,
                OrgUnitKind.DEPARTMENT,
                name + " HN",
                null,
                null,
                UUID.fromString(Api.HA_NOI),
                null,
                null,
                "DV-" + UUID.randomUUID(),
                1L,
                null));

    List<ImportItemResult> results =
        DemoIdentity.call(
            "integration",
            () -> QuarkusTransaction.requiringNew().call(() -> target().apply(items)));

    assertThat(results.get(0).outcome()).isEqualTo(UpsertOutcome.CREATED);
    assertThat(results.get(1).outcome()).isEqualTo(UpsertOutcome.CREATED);
    assertThat(results.get(2).error().code()).isEqualTo("UNKNOWN_UNIT");
    var child = json("integration").get(ORG_UNITS + "/" + results.get(1).id()).jsonPath();
    assertThat(child.getString("parentId")).isEqualTo(parent.toString());
    assertThat(child.getString("sourceSystem")).isEqualTo("HCM-EGOV");
    assertThat(child.getString("sourceId")).isEqualTo(childKey);

    List<ImportItemResult> again =
        DemoIdentity.call(
            "integration",
            () ->
                QuarkusTransaction.requiringNew()
                    .call(
                        () ->
                            target()
                                .apply(
                                    List.of(
                                        items.get(0),
                                        new OrgUnitImportItem(
                                            null,
                                            null,
                                            name + " con 2",
                                            null,
                                            "T1",
                                            null,
                                            null,
                                            "HCM-EGOV",
                                            childKey,
                                            2L,
                                            null)))));
    assertThat(again.get(0).outcome()).isEqualTo(UpsertOutcome.UNCHANGED);
    assertThat(again.get(1).outcome()).isEqualTo(UpsertOutcome.UPDATED);
    assertThat(Api.feedEntries("ORG_UNIT", results.get(1).id().toString())).hasSize(2);
  }
}
