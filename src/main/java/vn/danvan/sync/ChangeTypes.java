package vn.danvan.sync;

import java.util.List;

/**
 * The entity types the features write to the change log (the {@code ENTITY} constants passed to
 * {@code AuditTrail}): the values {@code types} accepts, with those of every {@code
 * FeedRecordSource}. ChangeCensusTest fails when a feature writes a type missing here.
 */
final class ChangeTypes {

  static final List<String> KNOWN =
      List.of(
          "ATTACHMENT",
          "CALENDAR_DAY",
          "DIRECTIVE",
          "DIRECTIVE_OBLIGATION",
          "DIRECTIVE_REFERENCE",
          "IMPORT",
          "ORG_UNIT",
          "RECEPTION_CASE",
          "RECEPTION_SESSION",
          "RECEPTION_VISIT",
          "REPORTING_REGIME",
          "REPORT_CONSOLIDATION",
          "REPORT_SUBMISSION",
          "REPORT_TEMPLATE",
          "RESTRUCTURING",
          "TASK",
          "TASK_EXTENSION",
          "TASK_PROGRESS",
          "WEBHOOK_SUBSCRIPTION");

  private ChangeTypes() {}
}
