package vn.danvan.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.dialogue.DialogueService;
import vn.danvan.directive.CoverageState;
import vn.danvan.directive.DirectiveService;
import vn.danvan.models.GoodPracticeFigures;
import vn.danvan.models.GoodPracticeModelService;
import vn.danvan.models.RecognitionLevel;
import vn.danvan.orgunit.OrgUnitKind;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.reception.ContentKind;
import vn.danvan.reception.ReceptionReportService;
import vn.danvan.shared.time.BusinessTime;
import vn.danvan.task.TaskStatisticsResponse;
import vn.danvan.task.TaskStatisticsService;

/**
 * The figures the system already knows (issue 11 §5): for each indicator with a {@code source}, its
 * value over a {@link FigureScope}, read through the owning features' services.
 *
 * <ul>
 *   <li>The units: the reporting unit's subtree on the tree of {@code treeDay}, with the lineage
 *       predecessors of its units that had closed by then ({@link OrgUnitService#subtreeOn}); each
 *       feature then counts the records of exactly those units (by the unit that recorded a visit,
 *       case or session, issued a document, owes a plan, or led a task on the state day), whatever
 *       path a record stored when it was written. One query.
 *   <li>The window: records dated in [{@code windowFrom}, {@code windowTo}], both days included
 *       (visits and cases by the day received, sessions by their day, documents by issue date,
 *       tasks and plans by due date, dialogues by the day held; models by registration,
 *       implementation and recognition dates).
 *   <li>The states (cases accepted, resolved, overdue; the four states of tasks and plans): as they
 *       stood on the window's last day, or today while the window is not over, so a report keeps
 *       its figures when recomputed later.
 * </ul>
 *
 * One query per group of sources the indicators use (visits, cases, head-of-unit days, tasks,
 * documents, plans, dialogues, models), never one per indicator. {@link
 * IndicatorSource#CONSOLIDATED} is not computed here.
 */
@ApplicationScoped
public class ReportFigureService {

  @Inject OrgUnitService units;
  @Inject ReceptionReportService reception;
  @Inject TaskStatisticsService tasks;
  @Inject DirectiveService directives;
  @Inject DialogueService dialogues;
  @Inject GoodPracticeModelService models;
  @Inject ConsolidatedFigures consolidated;
  @Inject Clock clock;

  /** The groups of sources, each read by one query. */
  private enum Group {
    VISITS,
    CASES,
    HEAD_DAYS,
    TASKS,
    DOCUMENTS,
    PLANS,
    DIALOGUES,
    MODELS
  }

  private static Group group(IndicatorSource s) {
    return switch (s) {
      case VISITS, PEOPLE_RECEIVED, GROUP_VISITS, ANONYMOUS_DENUNCIATIONS, VISITS_BY_CONTENT_KIND ->
          Group.VISITS;
      case CASES_ACCEPTED, CASES_RESOLVED, CASES_RESOLVED_ON_TIME, CASES_OVERDUE -> Group.CASES;
      case HEAD_RECEPTION_DAYS_HELD, HEAD_RECEPTION_DAYS_MISSED -> Group.HEAD_DAYS;
      case TASKS_DONE_ON_TIME, TASKS_DONE_LATE, TASKS_IN_PROGRESS_IN_TERM, TASKS_OVERDUE ->
          Group.TASKS;
      case DOCUMENTS_ISSUED -> Group.DOCUMENTS;
      case PLANS_OWED_ISSUED_ON_TIME,
          PLANS_OWED_ISSUED_LATE,
          PLANS_OWED_PENDING_IN_TERM,
          PLANS_OWED_OVERDUE ->
          Group.PLANS;
      case DIALOGUES_HELD,
          DIALOGUES_HELD_ON_TIME,
          DIALOGUE_QUESTIONS_RAISED,
          DIALOGUE_QUESTIONS_ANSWERED ->
          Group.DIALOGUES;
      // models
      case MODELS_REGISTERED, MODELS_IMPLEMENTING, MODELS_RECOGNISED -> Group.MODELS;
      case CONSOLIDATED -> null;
    };
  }

  /**
   * The computed value of each indicator of {@code indicators} that has a source, by indicator code
   * (indicators without a source, and {@link IndicatorSource#CONSOLIDATED} ones, are absent).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, ComputedFigure> compute(
      List<TemplateIndicator> indicators, FigureScope scope) {
    Set<Group> groups = EnumSet.noneOf(Group.class);
    for (TemplateIndicator i : indicators) {
      if (i.source() != null && i.source().kind() != null && group(i.source().kind()) != null) {
        groups.add(group(i.source().kind()));
      }
    }
    Map<String, ComputedFigure> out = new LinkedHashMap<>(consolidated.compute(indicators, scope));
    if (groups.isEmpty()) {
      return out;
    }
    Figures f = figures(groups, scope);
    Instant at = Instant.now(clock);
    for (TemplateIndicator i : indicators) {
      IndicatorSourceSpec source = i.source();
      if (source == null || source.kind() == null || group(source.kind()) == null) {
        continue;
      }
      out.put(i.code(), new ComputedFigure(source, value(f, source), at));
    }
    return out;
  }

  /** The state day of a scope: the window's last day, or today while the window runs. */
  LocalDate stateDay(FigureScope scope) {
    LocalDate today = BusinessTime.today(clock);
    return scope.windowTo().isAfter(today) ? today : scope.windowTo();
  }

  /** What the groups read, each group one query (null when not read). */
  private record Figures(
      ReceptionReportService.VisitFigures visits,
      ReceptionReportService.CaseFigures cases,
      ReceptionReportService.HeadReceptionFigures heads,
      TaskStatisticsResponse.Counts tasks,
      Long documents,
      Map<CoverageState, Long> plans,
      DialogueService.Figures dialogues,
      GoodPracticeFigures models) {}

  private Figures figures(Set<Group> groups, FigureScope scope) {
    List<OrgUnitService.SubtreeMember> members = units.subtreeOn(scope.unitId(), scope.treeDay());
    List<UUID> ids = members.stream().map(OrgUnitService.SubtreeMember::id).toList();
    LocalDate from = scope.windowFrom();
    LocalDate to = scope.windowTo();
    LocalDate day = stateDay(scope);
    Map<UUID, OrgUnitKind> valid = new LinkedHashMap<>();
    members.stream()
        .filter(OrgUnitService.SubtreeMember::valid)
        .forEach(m -> valid.put(m.id(), m.kind()));
    return new Figures(
        groups.contains(Group.VISITS) ? reception.visitFigures(ids, from, to) : null,
        groups.contains(Group.CASES) ? reception.caseFigures(ids, from, to, day) : null,
        groups.contains(Group.HEAD_DAYS) ? reception.headReceptionFigures(valid, from, to) : null,
        groups.contains(Group.TASKS) ? tasks.dueInWindow(ids, from, to, day) : null,
        groups.contains(Group.DOCUMENTS) ? directives.issuedCount(ids, from, to) : null,
        groups.contains(Group.PLANS) ? directives.owedPlanStates(ids, from, to, day) : null,
        groups.contains(Group.DIALOGUES) ? dialogues.figures(ids, from, to, day) : null,
        groups.contains(Group.MODELS) ? models.figures(ids, from, to, day) : null);
  }

  private static JsonNode value(Figures f, IndicatorSourceSpec source) {
    Long n =
        switch (source.kind()) {
          case VISITS -> f.visits().visits();
          case PEOPLE_RECEIVED -> f.visits().people();
          case GROUP_VISITS -> f.visits().groups();
          case ANONYMOUS_DENUNCIATIONS -> f.visits().anonymousDenunciations();
          case VISITS_BY_CONTENT_KIND -> byKind(f.visits(), source.param());
          case CASES_ACCEPTED -> f.cases().accepted();
          case CASES_RESOLVED -> f.cases().resolved();
          case CASES_RESOLVED_ON_TIME -> f.cases().resolvedOnTime();
          case CASES_OVERDUE -> f.cases().overdue();
          case HEAD_RECEPTION_DAYS_HELD -> f.heads().daysHeld();
          case HEAD_RECEPTION_DAYS_MISSED -> f.heads().daysMissed();
          case TASKS_DONE_ON_TIME -> f.tasks().doneOnTime();
          case TASKS_DONE_LATE -> f.tasks().doneLate();
          case TASKS_IN_PROGRESS_IN_TERM -> f.tasks().inProgressInTerm();
          case TASKS_OVERDUE -> f.tasks().overdue();
          case DOCUMENTS_ISSUED -> f.documents();
          case PLANS_OWED_ISSUED_ON_TIME -> f.plans().get(CoverageState.ISSUED_ON_TIME);
          case PLANS_OWED_ISSUED_LATE -> f.plans().get(CoverageState.ISSUED_LATE);
          case PLANS_OWED_PENDING_IN_TERM -> f.plans().get(CoverageState.PENDING_IN_TERM);
          case PLANS_OWED_OVERDUE -> f.plans().get(CoverageState.OVERDUE);
          case DIALOGUES_HELD -> f.dialogues().held();
          case DIALOGUES_HELD_ON_TIME -> f.dialogues().heldOnTime();
          case DIALOGUE_QUESTIONS_RAISED -> f.dialogues().questionsRaised();
          case DIALOGUE_QUESTIONS_ANSWERED -> f.dialogues().questionsAnswered();
          case MODELS_REGISTERED -> f.models().registered();
          case MODELS_IMPLEMENTING -> f.models().implementing();
          case MODELS_RECOGNISED -> recognised(f.models(), source.param());
          case CONSOLIDATED -> null;
        };
    return n == null ? null : LongNode.valueOf(n);
  }

  /** The models recognised at the level named (every level without one); null for no level. */
  private static Long recognised(GoodPracticeFigures m, String param) {
    if (param == null || param.isBlank()) {
      return m.recognised(null);
    }
    try {
      return m.recognised(RecognitionLevel.valueOf(param.trim()));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The visits of one content kind; null (nothing to say) for a parameter that names none. */
  private static Long byKind(ReceptionReportService.VisitFigures v, String param) {
    if (param == null) {
      return null;
    }
    try {
      return v.visitsByKind().get(ContentKind.valueOf(param.trim()));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
