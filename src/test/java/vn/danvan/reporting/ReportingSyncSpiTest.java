package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.reporting.ReportSubmissionFixtures.AN_HOI_TAY;
import static vn.danvan.reporting.ReportSubmissionFixtures.activeRegime;
import static vn.danvan.reporting.ReportSubmissionFixtures.created;
import static vn.danvan.reporting.ReportSubmissionFixtures.get;
import static vn.danvan.testing.Api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.source.UpsertOutcome;
import vn.danvan.shared.sync.FeedRecordSource;
import vn.danvan.shared.sync.ImportItemResult;
import vn.danvan.shared.sync.ImportTarget;
import vn.danvan.testing.Api;

/**
 * The reporting side of the sync SPIs, found through CDI as the feed and the import framework find
 * them: feed records equal to what GET answers the caller (absent when it may not read them), and
 * the REPORT_VALUES import (created, updated, unchanged, failed with item-relative pointers).
 */
@QuarkusTest
class ReportingSyncSpiTest {

  @Inject @Any Instance<FeedRecordSource> feedSources;
  @Inject @Any Instance<ImportTarget<?>> importTargets;
  @Inject ObjectMapper mapper;

  private FeedRecordSource source(String type) {
    return feedSources.stream()
        .filter(s -> s.entityTypes().contains(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no feed record source for " + type));
  }

  @SuppressWarnings("unchecked")
  private ImportTarget<ReportValuesImportItem> reportValues() {
    return (ImportTarget<ReportValuesImportItem>)
        importTargets.stream()
            .filter(t -> t.type().equals("REPORT_VALUES"))
            .findFirst()
            .orElseThrow();
  }

  private Map<UUID, Object> records(String user, String type, List<UUID> ids) {
    return AsDemoUser.call(user, () -> source(type).records(type, ids));
  }

  private JsonNode tree(Object record) throws Exception {
    return mapper.readTree(mapper.writeValueAsString(record));
  }

  private JsonNode tree(Response r) throws Exception {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return mapper.readTree(r.asString());
  }

  @Test
  void feedRecordsAreWhatGetAnswersTheCaller() throws Exception {
    String regime = activeRegime();
    UUID report =
        UUID.fromString(
            created("ward-officer", regime, "2026Q3", AN_HOI_TAY).jsonPath().getString("id"));
    UUID missing = UUID.randomUUID();

    Map<UUID, Object> seen =
        records("hcm-manager", ReportSubmissionService.ENTITY, List.of(report, missing));
    assertThat(seen.keySet()).containsExactly(report);
    assertThat(tree(seen.get(report))).isEqualTo(tree(get("hcm-manager", report.toString())));
    assertThat(records("integration-hn", ReportSubmissionService.ENTITY, List.of(report)))
        .isEmpty();

    UUID regimeId = UUID.fromString(regime);
    Map<UUID, Object> regimes =
        records("hcm-manager", ReportingRegimeService.ENTITY, List.of(regimeId, missing));
    assertThat(tree(regimes.get(regimeId)))
        .isEqualTo(tree(json("hcm-manager").get(ReportingRegimeFixtures.BASE + "/" + regime)));
    assertThat(records("integration-hn", ReportingRegimeService.ENTITY, List.of(regimeId)))
        .isEmpty();

    // templates: every role reads them
    String templateId = get("hcm-manager", report.toString()).jsonPath().getString("templateId");
    Map<UUID, Object> templates =
        records(
            "integration-hn",
            ReportTemplateService.ENTITY,
            List.of(UUID.fromString(templateId), missing));
    assertThat(templates).hasSize(1);
    assertThat(tree(templates.get(UUID.fromString(templateId))))
        .isEqualTo(tree(json("integration-hn").get("/api/v1/report-templates/" + templateId)));

    // a consolidation: its collecting unit's scope only
    Response consolidation =
        ReportConsolidationApiTest.consolidate("hcm-manager", regime, "2026Q3", true);
    assertThat(consolidation.statusCode()).as(consolidation.asString()).isEqualTo(201);
    UUID consolidationId = UUID.fromString(consolidation.jsonPath().getString("id"));
    Map<UUID, Object> consolidations =
        records("hcm-manager", ReportConsolidationService.ENTITY, List.of(consolidationId));
    assertThat(tree(consolidations.get(consolidationId)))
        .isEqualTo(
            tree(json("hcm-manager").get(ReportConsolidationApiTest.BASE + "/" + consolidationId)));
    assertThat(
            records("integration-hn", ReportConsolidationService.ENTITY, List.of(consolidationId)))
        .isEmpty();

    // a listed calendar day, by its derived id
    JsonNode year = tree(json("viewer").queryParam("year", 2026).get("/api/v1/calendar"));
    JsonNode day = year.path("items").get(0);
    UUID dayId = UUID.fromString(day.path("id").asText());
    Map<UUID, Object> days = records("viewer", "CALENDAR_DAY", List.of(dayId, missing));
    assertThat(days.keySet()).containsExactly(dayId);
    assertThat(tree(days.get(dayId)))
        .isEqualTo(tree(json("viewer").get("/api/v1/calendar/days/" + day.path("date").asText())));
  }

  @Test
  void manyReportsAreRenderedInOneCall() {
    String regime = activeRegime();
    List<String> units =
        ReportingRegimeFixtures.period("hcm-manager", regime, "2026Q3")
            .jsonPath()
            .<String>getList("expectedUnits.unitId")
            .stream()
            .filter(Api::demoUnit)
            .toList();
    List<UUID> ids =
        units.subList(0, 5).stream()
            .map(
                u ->
                    UUID.fromString(
                        created("hcm-manager", regime, "2026Q3", u).jsonPath().getString("id")))
            .toList();
    Map<UUID, Object> seen = records("integration", ReportSubmissionService.ENTITY, ids);
    assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void reportValuesImportCreatesUpdatesAndRefusesItemByItem() {
    String regime = activeRegime();
    UUID regimeId = UUID.fromString(regime);
    UUID unit = UUID.fromString(AN_HOI_TAY);
    String key = "BC-" + UUID.randomUUID();
    ReportValuesImportItem first =
        item(null, key, regimeId, unit, Map.of("TCD_LUOT", IntNode.valueOf(10)), 1L);
    ReportValuesImportItem badValue =
        item(null, null, regimeId, unit, Map.of("TCD_LUOT", mapper.valueToTree("nhiều")), null);
    ReportValuesImportItem foreignUnit =
        item(
            null,
            null,
            regimeId,
            UUID.fromString("00000000-0000-4000-8001-000000000001"),
            Map.of(),
            null);
    List<ImportItemResult> results =
        AsDemoUser.call(
            "integration", () -> reportValues().apply(List.of(first, badValue, foreignUnit)));
    assertThat(results).hasSize(3);
    assertThat(results.get(0).outcome()).isEqualTo(UpsertOutcome.CREATED);
    UUID id = results.get(0).id();
    // the second names the same report (its unit and period): a value of the wrong type
    assertThat(results.get(1).ok()).isFalse();
    assertThat(results.get(1).error().code()).isEqualTo("VALIDATION_FAILED");
    assertThat(results.get(1).error().errors().get(0).pointer()).isEqualTo("/values/TCD_LUOT");
    assertThat(results.get(2).error().code()).isEqualTo("UNKNOWN_UNIT");
    assertThat(results.get(2).error().errors().get(0).pointer()).isEqualTo("/orgUnitId");

    Response stored = get("integration", id.toString());
    assertThat(stored.jsonPath().getInt("values.TCD_LUOT.value")).isEqualTo(10);
    assertThat(stored.jsonPath().getString("sourceId")).isEqualTo(key);

    // again: unchanged; a newer version: updated; an older one: refused with the stored version
    ReportValuesImportItem newer =
        item(null, key, regimeId, unit, Map.of("TCD_LUOT", IntNode.valueOf(11)), 2L);
    ReportValuesImportItem older =
        item(null, key, regimeId, unit, Map.of("TCD_LUOT", IntNode.valueOf(9)), 1L);
    results = AsDemoUser.call("integration", () -> reportValues().apply(List.of(first)));
    assertThat(results.get(0).outcome()).isEqualTo(UpsertOutcome.UNCHANGED);
    results = AsDemoUser.call("integration", () -> reportValues().apply(List.of(newer, older)));
    assertThat(results.get(0).outcome()).isEqualTo(UpsertOutcome.UPDATED);
    assertThat(results.get(0).id()).isEqualTo(id);
    assertThat(results.get(1).error().code()).isEqualTo("SOURCE_VERSION_CONFLICT");
    assertThat(results.get(1).error().current().sourceVersion()).isEqualTo(2L);
    assertThat(get("integration", id.toString()).jsonPath().getInt("values.TCD_LUOT.value"))
        .isEqualTo(11);
    assertThat(vn.danvan.testing.Api.feedEntries(ReportSubmissionService.ENTITY, id.toString()))
        .hasSize(2);

    // others may not change the pushed report; by id the item is the report's or none
    results =
        AsDemoUser.call(
            "hcm-manager",
            () ->
                reportValues()
                    .apply(
                        List.of(
                            item(
                                null,
                                null,
                                regimeId,
                                unit,
                                Map.of("TCD_LUOT", IntNode.valueOf(1)),
                                null),
                            item(
                                id,
                                null,
                                regimeId,
                                UUID.fromString(ReportSubmissionFixtures.VAN_PHONG_GO_VAP),
                                Map.of(),
                                null))));
    assertThat(results.get(0).error().code()).isEqualTo("OWNED_BY_SOURCE");
    assertThat(results.get(1).error().code()).isEqualTo("VALIDATION_FAILED");
    assertThat(results.get(1).error().errors().get(0).pointer()).isEqualTo("/orgUnitId");
    // the other province's system sees no such report and no such unit
    results =
        AsDemoUser.call(
            "integration-hn",
            () -> reportValues().apply(List.of(item(id, null, regimeId, unit, Map.of(), null))));
    assertThat(results.get(0).error().code()).isEqualTo("NOT_FOUND");
  }

  private static ReportValuesImportItem item(
      UUID id, String key, UUID regime, UUID unit, Map<String, JsonNode> values, Long version) {
    return new ReportValuesImportItem(
        id,
        key == null ? null : "HCM-EGOV",
        key,
        regime,
        "2026Q3",
        unit,
        values,
        null,
        version,
        null);
  }
}
