package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.danvan.directive.DirectiveService;
import vn.danvan.orgunit.OrgUnitService;

/**
 * The answers of reports and their versions: values in template order, the units' names on the
 * period's first day, the report documents' numbers the caller may read.
 */
@ApplicationScoped
class ReportSubmissionViews {

  @Inject ReportTemplateService templates;
  @Inject OrgUnitService units;
  @Inject DirectiveService directives;

  /** The rules of the report's template version. */
  ReportSubmissionRules rules(ReportSubmission s) {
    return new ReportSubmissionRules(templates.sections(s.templateId, s.templateNumber));
  }

  ReportSubmissionResponse full(ReportSubmission s) {
    return full(s, rules(s));
  }

  ReportSubmissionResponse full(ReportSubmission s, ReportSubmissionRules rules) {
    return response(s, names(List.of(s)), numbers(List.of(s)), rules);
  }

  /**
   * Full answers of many reports (the change feed's records): names and numbers read once for all,
   * each template version's rules once.
   */
  Map<UUID, ReportSubmissionResponse> fullAll(List<ReportSubmission> rows) {
    Map<UUID, Map<UUID, String>> names = names(rows);
    Map<UUID, String> numbers = numbers(rows);
    Map<String, ReportSubmissionRules> rules = new HashMap<>();
    Map<UUID, ReportSubmissionResponse> out = new LinkedHashMap<>();
    for (ReportSubmission s : rows) {
      ReportSubmissionRules r =
          rules.computeIfAbsent(s.templateId + ":" + s.templateNumber, k -> rules(s));
      out.put(s.id, response(s, names, numbers, r));
    }
    return out;
  }

  /** List items: without values and texts; names and numbers read once for the page. */
  List<ReportSubmissionResponse> items(List<ReportSubmission> rows) {
    Map<UUID, Map<UUID, String>> names = names(rows);
    Map<UUID, String> numbers = numbers(rows);
    return rows.stream().map(s -> response(s, names, numbers, null)).toList();
  }

  ReportSubmissionVersionResponse version(ReportSubmissionVersion v, ReportSubmissionRules rules) {
    return new ReportSubmissionVersionResponse(
        v.submissionId,
        v.number,
        v.templateNumber,
        v.submittedAt,
        v.submittedBy,
        v.late,
        v.decision,
        v.decidedAt,
        v.decisionComment,
        v.reportDocumentId,
        rules == null ? null : values(v.values, rules),
        rules == null ? null : narratives(v.narratives, rules));
  }

  private ReportSubmissionResponse response(
      ReportSubmission s,
      Map<UUID, Map<UUID, String>> names,
      Map<UUID, String> numbers,
      ReportSubmissionRules rules) {
    Map<UUID, String> namesOfDay = names.getOrDefault(s.id, Map.of());
    return new ReportSubmissionResponse(
        s.id,
        s.regimeId,
        s.period,
        s.orgUnitId,
        namesOfDay.get(s.orgUnitId),
        s.collectingUnitId,
        namesOfDay.get(s.collectingUnitId),
        s.level,
        s.dueDate,
        s.lockDate,
        s.templateId,
        s.templateNumber,
        s.status,
        s.late,
        s.versionCount,
        s.firstSubmittedAt,
        s.submittedAt,
        s.acceptedAt,
        s.returnComment,
        s.reportDocumentId,
        s.reportDocumentId == null ? null : numbers.get(s.reportDocumentId),
        rules == null ? null : values(s.values, rules),
        rules == null ? null : narratives(s.narratives, rules),
        List.of(),
        s.sourceSystem,
        s.sourceId,
        s.sourceVersion,
        s.sourceUpdatedAt,
        s.createdAt,
        s.updatedAt,
        s.version);
  }

  /** Every indicator of the template, in its order. */
  static Map<String, SubmissionValueResponse> values(
      Map<String, SubmissionValue> stored, ReportSubmissionRules rules) {
    Map<String, SubmissionValueResponse> out = new LinkedHashMap<>();
    for (TemplateIndicator i : rules.indicators()) {
      out.put(i.code(), SubmissionValueResponse.of(stored.get(i.code())));
    }
    return out;
  }

  /** The texts written, in the template's order. */
  static Map<String, String> narratives(Map<String, String> stored, ReportSubmissionRules rules) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String code : rules.narrativeSections()) {
      String text = stored.get(code);
      if (text != null) {
        out.put(code, text);
      }
    }
    return out;
  }

  /** Each report's units' names on its period's first day, by report id. */
  private Map<UUID, Map<UUID, String>> names(List<ReportSubmission> rows) {
    Map<LocalDate, List<UUID>> byDay = new HashMap<>();
    for (ReportSubmission s : rows) {
      List<UUID> ids = byDay.computeIfAbsent(start(s), d -> new ArrayList<>());
      ids.add(s.orgUnitId);
      ids.add(s.collectingUnitId);
    }
    Map<LocalDate, Map<UUID, String>> namesByDay = new HashMap<>();
    byDay.forEach((day, ids) -> namesByDay.put(day, units.namesOn(ids, day)));
    Map<UUID, Map<UUID, String>> out = new HashMap<>();
    for (ReportSubmission s : rows) {
      out.put(s.id, namesByDay.get(start(s)));
    }
    return out;
  }

  private Map<UUID, String> numbers(List<ReportSubmission> rows) {
    List<UUID> documents =
        rows.stream().map(s -> s.reportDocumentId).filter(Objects::nonNull).distinct().toList();
    return documents.isEmpty() ? Map.of() : directives.readableNumbers(documents);
  }

  static LocalDate start(ReportSubmission s) {
    return PeriodCode.tryParse(s.period).orElseThrow().start();
  }
}
