package vn.danvan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.danvan.directive.DirectiveAction;
import vn.danvan.orgunit.RestructuringKind;
import vn.danvan.reception.CaseAction;
import vn.danvan.reporting.ReportSubmissionAction;
import vn.danvan.reporting.ReportTemplateAction;
import vn.danvan.reporting.ReportingRegimeAction;
import vn.danvan.shared.audit.AuditAction;
import vn.danvan.task.ExtensionAction;
import vn.danvan.task.TaskAction;

/**
 * The transitions' audit actions are built from the features' action enums ({@code "TASK_" +
 * action}): each one must be an {@link AuditAction}, or the document's enum would lie. The census
 * test checks the actions the database really holds.
 */
class AuditActionsTest {

  @Test
  void everyTransitionsActionIsListed() {
    Map<String, Class<? extends Enum<?>>> prefixes =
        Map.of(
            "TASK_", TaskAction.class,
            "TASK_EXTENSION_", ExtensionAction.class,
            "DIRECTIVE_", DirectiveAction.class,
            "CASE_", CaseAction.class,
            "REPORT_SUBMISSION_", ReportSubmissionAction.class,
            "REPORTING_REGIME_", ReportingRegimeAction.class,
            "REPORT_TEMPLATE_", ReportTemplateAction.class,
            "RESTRUCTURE_", RestructuringKind.class);
    List<String> composed = new ArrayList<>();
    prefixes.forEach(
        (prefix, type) ->
            Arrays.stream(type.getEnumConstants()).forEach(c -> composed.add(prefix + c.name())));
    assertThat(Arrays.stream(AuditAction.values()).map(Enum::name).toList()).containsAll(composed);
  }
}
