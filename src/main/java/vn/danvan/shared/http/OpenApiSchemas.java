package vn.danvan.shared.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The {@code required} lists of the response schemas. Responses omit absent fields (JSON {@code
 * null} is never sent, see {@code quarkus.jackson.serialization-inclusion}), so a property is
 * required exactly when the server always sends it: primitives, identifiers, versions, states,
 * names and the lists of a resource. Only response schemas are listed here (a schema shared with a
 * request gets its {@code required} from its bean-validation constraints); every page requires its
 * {@code items}. The API tests validate every response against these lists ({@code
 * vn.danvan.testing.ContractFilter}); a name that is not a property of its schema fails the build.
 */
final class OpenApiSchemas {

  private static final Map<String, String> REQUIRED = new LinkedHashMap<>();

  static {
    // org units and reference data
    REQUIRED.put("OrgUnit", "id kind name path level validFrom attributesValidFrom active version");
    REQUIRED.put("Lineage", "unitId predecessors successors");
    REQUIRED.put("LineageEdge", "unitId name kind effectiveDate");
    REQUIRED.put("LineageLink", "predecessorId successorId kind");
    REQUIRED.put(
        "RestructuringResult",
        "kind effectiveDate dryRun createdUnits closedUnits changedUnits lineage transfers");
    REQUIRED.put("RestructuringTransfer", "entityType fromUnitId toUnitId count");
    REQUIRED.put("Me", "username roles");
    REQUIRED.put("EnumCatalog", "items");
    REQUIRED.put("EnumType", "name values");
    REQUIRED.put("EnumValue", "code labelVi labelEn");
    REQUIRED.put("CalendarYear", "year workingDays items");
    REQUIRED.put("CalendarDay", "date kind workingDay version");
    // directives
    REQUIRED.put("Directive", "id type title urgency secrecy status createdAt updatedAt version");
    REQUIRED.put("DirectiveReference", "id relation createdAt");
    REQUIRED.put("DirectiveGraph", "directiveId items");
    REQUIRED.put("DirectiveGraphNode", "depth undisclosed");
    REQUIRED.put("DirectiveCoverage", "directiveId asOf totals items");
    REQUIRED.put("DirectiveCoverageTotals", "total issuedOnTime issuedLate pendingInTerm overdue");
    REQUIRED.put("DirectiveCoverageItem", "unit state");
    REQUIRED.put("DirectiveCoverageUnit", "id name");
    REQUIRED.put("DirectiveCoverageDocument", "id");
    REQUIRED.put("DirectiveTasksResult", "directiveId dryRun count items");
    REQUIRED.put("Attachment", "id fileName mediaType sizeBytes sha256 createdAt createdBy");
    // tasks
    REQUIRED.put(
        "Task",
        "id title leadUnitId coordinatingUnitIds assigningUnitId assignedOn priority status"
            + " progress childCount createdAt updatedAt version");
    REQUIRED.put("TaskTree", "rootId nodes");
    REQUIRED.put("TaskTreeNode", "depth task");
    REQUIRED.put("DelegatedTasks", "items");
    REQUIRED.put("TaskDueDates", "items");
    REQUIRED.put("TaskDueDateChange", "dueDate source changedBy changedAt");
    REQUIRED.put(
        "TaskExtension",
        "id taskId requestedDueDate previousDueDate reason status requestedBy requestedAt"
            + " version");
    REQUIRED.put("TaskProgressUpdate", "id taskId percent reportedBy reportedAt");
    REQUIRED.put("TaskStatistics", "groupBy asOf total groups");
    REQUIRED.put("TaskStatisticsGroup", "counts");
    REQUIRED.put("TaskStateCounts", "total doneOnTime doneLate inProgressInTerm overdue");
    // reception
    REQUIRED.put(
        "ReceptionCase",
        "id orgUnitId kind status complex veryComplex remoteArea complexProlonged"
            + " bypassingLevels group receivedDate personalDataErased createdAt updatedAt"
            + " version");
    REQUIRED.put("CaseDeadline", "kind days workingDays");
    REQUIRED.put("CaseDeadlines", "items");
    REQUIRED.put("CaseExtension", "days");
    REQUIRED.put("DuplicateCandidates", "items");
    REQUIRED.put("DuplicateCandidate", "caseId kind orgUnitId status receivedDate reasons");
    REQUIRED.put("ReceptionSession", "id orgUnitId kind sessionDate createdAt updatedAt version");
    REQUIRED.put(
        "ReceptionVisit",
        "id orgUnitId receivedAt receivedDate contentKind groupSize representatives"
            + " group anonymous identityProtected visitorsMasked personalDataErased createdAt"
            + " updatedAt version");
    REQUIRED.put("ProtectedIdentity", "visitId anonymous personalDataErased");
    REQUIRED.put("ReceptionStatistics", "groupBy from to items total");
    REQUIRED.put(
        "ReceptionStatisticsRow",
        "key visits people groups anonymousDenunciations casesAccepted casesResolved"
            + " casesOverdue");
    REQUIRED.put("ReceptionCompliance", "from to items");
    REQUIRED.put(
        "UnitReceptionCompliance",
        "orgUnitId name kind period requiredPeriods heldByHead heldByDeputyOnly missed"
            + " missedPeriods deputyOnlyPeriods");
    // reporting
    REQUIRED.put("ReportTemplate", "id code name status latestNumber createdAt updatedAt version");
    REQUIRED.put("ReportTemplateVersion", "templateId code number status name sections createdAt");
    REQUIRED.put("ReportTemplateVersionSummary", "number status name createdAt");
    REQUIRED.put(
        "ReportingRegime",
        "id code name templateId templateVersion frequency firstPeriod status createdAt"
            + " updatedAt version");
    REQUIRED.put("ReportingPeriods", "items");
    REQUIRED.put("ReportingPeriod", "regimeId code frequency startDate endDate expectedUnitCount");
    REQUIRED.put("ReportingExpectedUnit", "unitId name");
    REQUIRED.put("ReportingLevelDate", "level dueDate");
    REQUIRED.put(
        "ReportSubmission",
        "id regimeId period orgUnitId collectingUnitId level dueDate templateId templateVersion"
            + " status versionCount createdAt updatedAt version");
    REQUIRED.put("ReportSubmissionValue", "differs");
    REQUIRED.put("ReportSubmissionWarning", "pointer code warning");
    REQUIRED.put("ReportSubmissionVersion", "submissionId number templateVersion submittedAt late");
    REQUIRED.put("ReportSubmissionDiff", "submissionId from to values narratives");
    REQUIRED.put("ReportValueChange", "code");
    REQUIRED.put("ReportNarrativeChange", "code");
    REQUIRED.put("ReportCompleteness", "regimeId period collectingUnitId asOf totals units");
    REQUIRED.put(
        "ReportCompletenessCounts",
        "expected submitted onTime late missing returned accepted doneOnTime doneLate"
            + " inProgressInTerm overdue");
    REQUIRED.put("ReportCompletenessUnit", "unitId unitName versionCount submitted");
    REQUIRED.put(
        "ReportConsolidation",
        "id regimeId period collectingUnitId number templateId templateVersion includeSubmitted"
            + " computedAt stale staleReasons expectedUnitCount inputCount missingUnitCount"
            + " lateUnitCount returnedUnitCount indicators");
    REQUIRED.put("ReportConsolidationIndicator", "code type aggregation valueCount");
    REQUIRED.put("ReportConsolidationInput", "unitId submissionId versionNumber values");
    REQUIRED.put("ReportConsolidationStaleReason", "unitId kind");
    REQUIRED.put("ReportConsolidationUnit", "unitId");
    // dialogues
    REQUIRED.put(
        "Dialogue",
        "id orgUnitId topic kind plannedDate status questions questionCount answeredCount taskIds"
            + " deadlines createdAt updatedAt version");
    REQUIRED.put("DialogueDeadline", "kind dueDate state");
    REQUIRED.put("DialogueCompliance", "year asOf totals items");
    REQUIRED.put(
        "DialogueComplianceTotals",
        "units unitsWithDialogue unitsWithout dialoguesHeld lateAnnouncements lateResults");
    REQUIRED.put(
        "UnitDialogueCompliance",
        "orgUnitId dialoguesHeld yearly announcementsDue lateAnnouncements resultsDue lateResults");
    // agenda
    REQUIRED.put("AgendaItem", "kind id orgUnitId dueDate state title href");
    REQUIRED.put("AgendaSummary", "groupBy asOf total groups");
    REQUIRED.put("AgendaSummaryGroup", "counts");
    REQUIRED.put("AgendaKindCounts", "kind counts");
    REQUIRED.put("AgendaStateCounts", "total doneOnTime doneLate inProgressInTerm overdue");
    REQUIRED.put(
        "ObligationNotice",
        "id event kind obligationId dueDate state orgUnitId title href noticedOn createdAt");
    // sync, audit, errors
    // good practice models
    REQUIRED.put(
        "GoodPracticeModel",
        "id leadUnitId coUnitIds units field title startDate registeredOn registrationYear"
            + " resultFigures replications status createdAt updatedAt version");
    REQUIRED.put("GoodPracticeModelUnit", "id name lead");
    REQUIRED.put("GoodPracticeReplicationView", "unitId unitName adoptedOn");
    REQUIRED.put("GoodPracticeRecognition", "level directiveId date");
    REQUIRED.put("GoodPracticeStatistics", "orgUnitId orgUnitMode groupBy total groups");
    REQUIRED.put(
        "GoodPracticeCounts", "total registered implementing recognised discontinued cells");
    REQUIRED.put("GoodPracticeCountCell", "field status count");
    REQUIRED.put("GoodPracticeStatisticsGroup", "key counts");
    REQUIRED.put("ChangeFeedPage", "items");
    REQUIRED.put("Change", "entityType entityId operation changedAt");
    REQUIRED.put("AuditEvent", "id occurredAt actor action entityType entityId");
    REQUIRED.put(
        "Import",
        "id type mode dryRun async status total processed created updated"
            + " unchanged errors cancelRequested createdAt");
    REQUIRED.put("ImportItemResult", "index outcome");
    REQUIRED.put(
        "WebhookDelivery",
        "id eventId entityType entityId operation changedAt status attempts" + " createdAt");
    REQUIRED.put("WebhookSubscription", "id url eventTypes createdAt version");
    REQUIRED.put("Problem", "type title status code");
    REQUIRED.put("Violation", "pointer detail");
  }

  private OpenApiSchemas() {}

  /** Sets the {@code required} list of every response schema named above and of every page. */
  static void markRequired(OpenAPI openAPI) {
    if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
    REQUIRED.forEach(
        (name, properties) -> {
          Schema schema = schemas.get(name);
          if (schema == null) {
            throw new IllegalStateException("OpenApiSchemas names an unknown schema: " + name);
          }
          require(name, schema, List.of(properties.split(" ")));
        });
    schemas.forEach(
        (name, schema) -> {
          if (name.startsWith("Page")
              && schema.getProperties() != null
              && schema.getProperties().containsKey("items")) {
            require(name, schema, List.of("items"));
          }
        });
  }

  private static void require(String name, Schema schema, List<String> properties) {
    List<String> required =
        schema.getRequired() == null ? new ArrayList<>() : new ArrayList<>(schema.getRequired());
    for (String property : properties) {
      if (schema.getProperties() == null || !schema.getProperties().containsKey(property)) {
        throw new IllegalStateException("OpenApiSchemas: " + name + " has no property " + property);
      }
      if (!required.contains(property)) {
        required.add(property);
      }
    }
    schema.setRequired(required);
  }
}
