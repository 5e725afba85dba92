package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import vn.danvan.shared.attachment.AttachmentContent;
import vn.danvan.shared.attachment.AttachmentResponse;
import vn.danvan.shared.attachment.AttachmentStore;
import vn.danvan.shared.attachment.AttachmentUpload;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.security.CurrentUser;

/**
 * Progress reports of a task and their evidence: appended by the lead unit while the task is open,
 * read by whoever sees the task.
 */
@ApplicationScoped
public class TaskProgressService {

  static final String ENTITY = "TASK_PROGRESS";
  private static final String LIST = "task-progress";

  /** The filters of the progress history: one task. */
  record ProgressQuery(UUID taskId) {}

  @Inject TaskService tasks;
  @Inject TaskAccess access;
  @Inject TaskProgressRepository repo;
  @Inject CurrentUser user;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject EntityManager em;
  @Inject AttachmentStore attachments;

  @Transactional
  public ProgressUpdateResponse addProgress(UUID id, ProgressUpdateRequest req) {
    Task t = access.visible(id);
    access.requireLead(t);
    if (!t.status.open()) {
      throw ApiException.conflict("TASK_NOT_OPEN");
    }
    TaskResponse before = tasks.response(t);
    ProgressUpdateResponse p =
        new ProgressUpdateResponse(
            UUID.randomUUID(),
            t.id,
            req.percent(),
            req.note() == null || req.note().isBlank() ? null : req.note().trim(),
            user.username(),
            Instant.now(clock));
    repo.insert(p);
    t.progress = req.percent();
    t.updatedAt = p.reportedAt();
    em.flush();
    audit.action(
        "TASK_PROGRESS",
        TaskService.ENTITY,
        t.id,
        t.leadUnitId,
        t.version,
        before,
        tasks.response(t),
        p.note());
    return p;
  }

  /** Newest first; a cursor is bound to its task. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ProgressUpdateResponse> progress(UUID id, PageRequest page) {
    access.visible(id);
    ProgressQuery query = new ProgressQuery(id);
    String list = Cursor.tag(LIST, query);
    Cursor.Keys keys = page.keys(list, Cursor.KeyType.INSTANT, Cursor.KeyType.UUID);
    OffsetDateTime afterAt = null;
    UUID afterId = null;
    if (keys != null) {
      afterAt = keys.offsetDateTime(0);
      afterId = keys.uuid(1);
    }
    return Page.of(
        repo.page(query, afterAt, afterId, page.fetchSize()),
        page.limit(),
        Function.identity(),
        p -> Cursor.encode(list, p.reportedAt(), p.id()));
  }

  /** Evidence of a progress report (minutes, photos, a signed report), added by the lead unit. */
  @Transactional
  public AttachmentResponse addEvidence(UUID id, UUID progressId, AttachmentUpload upload) {
    Task t = access.visible(id);
    access.requireLead(t);
    requireProgress(id, progressId);
    return attachments.store(ENTITY, progressId, t.leadUnitId, upload);
  }

  @Transactional
  public List<AttachmentResponse> evidence(UUID id, UUID progressId) {
    access.visible(id);
    requireProgress(id, progressId);
    return attachments.list(ENTITY, progressId);
  }

  @Transactional
  public AttachmentContent evidenceContent(UUID id, UUID progressId, UUID attachmentId) {
    access.visible(id);
    requireProgress(id, progressId);
    return attachments.content(ENTITY, progressId, attachmentId);
  }

  private void requireProgress(UUID taskId, UUID progressId) {
    if (!repo.exists(taskId, progressId)) {
      throw ApiException.notFound("entity.TASK_PROGRESS");
    }
  }
}
