package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.http.ETags;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.security.UnitScope;
import vn.danvan.shared.source.SourceWrites;

/**
 * Extension requests: the lead unit asks for a later due date (one pending at a time), a manager of
 * the assigning unit approves (the due date moves, its history kept) or rejects.
 */
@ApplicationScoped
public class TaskExtensionService {

  static final String ENTITY = "TASK_EXTENSION";

  @Inject TaskService tasks;
  @Inject TaskAccess access;
  @Inject TaskExtensionRepository repo;
  @Inject TaskRepository taskRepo;
  @Inject UnitScope scope;
  @Inject CurrentUser user;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject EntityManager em;
  @Inject SourceWrites sources;

  @Transactional
  public ExtensionResponse requestExtension(UUID id, ExtensionRequestInput req) {
    Task t = access.visible(id);
    access.requireLead(t);
    if (!t.status.open()) {
      throw ApiException.conflict("TASK_NOT_OPEN");
    }
    if (t.dueDate == null) {
      throw ApiException.conflict("TASK_RECURRING");
    }
    if (!req.requestedDueDate().isAfter(t.dueDate)) {
      throw ApiException.invalid("/requestedDueDate", "field.EXTENSION_NOT_LATER");
    }
    requireWithinParent(t, req.requestedDueDate(), "/requestedDueDate");
    if (repo.hasPending(t.id)) {
      throw ApiException.conflict("EXTENSION_PENDING");
    }
    ExtensionResponse e =
        new ExtensionResponse(
            UUID.randomUUID(),
            t.id,
            req.requestedDueDate(),
            t.dueDate,
            req.reason().trim(),
            ExtensionStatus.PENDING,
            user.username(),
            Instant.now(clock),
            null,
            null,
            null,
            0);
    repo.insert(e);
    audit.created(ENTITY, e.id(), t.leadUnitId, e.version(), e);
    return e;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ExtensionResponse> extensions(UUID id) {
    access.visible(id);
    return new Page<>(repo.list(id, null), null);
  }

  @Transactional
  public ExtensionResponse extension(UUID id, UUID extensionId) {
    access.visible(id);
    return repo.list(id, extensionId).stream()
        .findFirst()
        .orElseThrow(() -> ApiException.notFound("entity.TASK_EXTENSION"));
  }

  /** The assigning unit's manager approves (the due date moves, history kept) or rejects. */
  @Transactional
  public ExtensionResponse decideExtension(
      UUID id, UUID extensionId, long expectedVersion, ExtensionDecisionRequest req) {
    Task t = access.visible(id);
    ExtensionResponse e =
        repo.list(id, extensionId).stream()
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("entity.TASK_EXTENSION"));
    if (!user.isAdmin() && (t.assigningUnitId == null || !scope.contains(t.assigningUnitId))) {
      throw ApiException.forbidden();
    }
    // the decision is the assigner's: for a task a source system pushed, that system's
    sources.requireOwner(t.provenance(), t.version);
    ETags.check(expectedVersion, e.version());
    if (e.status() != ExtensionStatus.PENDING) {
      throw ApiException.conflict("EXTENSION_DECIDED");
    }
    Instant at = Instant.now(clock);
    if (req.action() == ExtensionAction.APPROVE) {
      requireWithinParent(t, e.requestedDueDate(), "/requestedDueDate");
      TaskResponse before = tasks.response(t);
      t.dueDate = e.requestedDueDate();
      t.updatedAt = at;
      em.flush();
      taskRepo.recordDueDate(t.id, t.dueDate, DueDateSource.EXTENSION, e.id(), user.username(), at);
      audit.action(
          "TASK_EXTENDED",
          TaskService.ENTITY,
          t.id,
          t.leadUnitId,
          t.version,
          before,
          tasks.response(t),
          e.reason());
    }
    repo.decide(
        e.id(),
        req.action() == ExtensionAction.APPROVE
            ? ExtensionStatus.APPROVED
            : ExtensionStatus.REJECTED,
        user.username(),
        at,
        req.note() == null || req.note().isBlank() ? null : req.note().trim());
    ExtensionResponse after = repo.list(id, extensionId).getFirst();
    audit.action(
        "TASK_EXTENSION_" + req.action().name(),
        ENTITY,
        e.id(),
        t.leadUnitId,
        after.version(),
        e,
        after,
        after.decisionNote());
    return after;
  }

  /** A task below another is due no later than its parent (occurrences follow their series). */
  private static void requireWithinParent(Task t, LocalDate due, String pointer) {
    if (t.parentId == null || t.seriesId != null) {
      return;
    }
    Task parent = Task.findById(t.parentId);
    if (parent != null && parent.dueDate != null && due.isAfter(parent.dueDate)) {
      throw ApiException.invalid(pointer, "field.DUE_AFTER_PARENT", parent.dueDate);
    }
  }
}
