package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.http.ETags;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.source.SourceWrites;
import vn.danvan.shared.time.BusinessTime;

/**
 * The transitions of a report:
 *
 * <ul>
 *   <li>{@code SUBMIT} (DRAFT or RETURNED → SUBMITTED), by the reporting unit: checks required
 *       values, types and bounds (422 with a pointer per indicator), answers the targets not met as
 *       warnings, and freezes version n+1; the first SUBMIT decides {@code late} (its day in
 *       Asia/Ho_Chi_Minh after the due date), never refused;
 *   <li>{@code RETURN} (SUBMITTED → RETURNED, a comment required) and {@code ACCEPT} (SUBMITTED →
 *       ACCEPTED), by the collecting unit: the decision on the latest version;
 *   <li>{@code REOPEN} (SUBMITTED or ACCEPTED → DRAFT): see {@link
 *       ReportSubmissionAccess#requireReopener}.
 * </ul>
 *
 * On a report pushed by a source system, SUBMIT and REOPEN are that system's (or an admin's): 409
 * {@code OWNED_BY_SOURCE} for others; RETURN and ACCEPT stay the collecting unit's.
 */
@ApplicationScoped
public class ReportSubmissionWorkflow {

  private static final Logger LOG = Logger.getLogger(ReportSubmissionWorkflow.class);

  @Inject ReportSubmissionRepository repo;
  @Inject ReportSubmissionAccess access;
  @Inject ReportSubmissionViews views;
  @Inject CurrentUser user;
  @Inject AuditTrail audit;
  @Inject SourceWrites sources;
  @Inject Clock clock;
  @Inject EntityManager em;

  @Transactional
  public ReportSubmissionResponse transition(
      UUID id, long expectedVersion, ReportSubmissionTransitionRequest req) {
    return transition(id, expectedVersion, req, Instant.now(clock));
  }

  /**
   * As {@link #transition(UUID, long, ReportSubmissionTransitionRequest)}, done at {@code at}: a
   * decision recorded after the fact (the demo's reports of 2023), its lateness judged on that day.
   */
  @Transactional
  public ReportSubmissionResponse transition(
      UUID id, long expectedVersion, ReportSubmissionTransitionRequest req, Instant at) {
    ReportSubmission s = access.visibleForUpdate(id);
    LocalDate today = at.atZone(BusinessTime.ZONE).toLocalDate();
    switch (req.action()) {
      case SUBMIT -> access.requireReporter(s);
      case RETURN, ACCEPT -> access.requireCollector(s);
      case REOPEN -> access.requireReopener(s, today);
    }
    if (req.action() == ReportSubmissionAction.SUBMIT
        || req.action() == ReportSubmissionAction.REOPEN) {
      // the collecting unit's decisions (RETURN, ACCEPT) stay its own on a pushed report
      sources.requireOwner(s.provenance(), s.version);
    }
    ETags.check(expectedVersion, s.version);
    ReportSubmissionStatus next = s.status.after(req.action());
    if (next == null) {
      throw ApiException.illegalTransition(ReportSubmissionAccess.LABEL, s.status, req.action());
    }
    String comment = blankToNull(req.comment());
    if (req.action() == ReportSubmissionAction.RETURN && comment == null) {
      throw ApiException.invalid("/comment", "field.REQUIRED");
    }
    ReportSubmissionRules rules = views.rules(s);
    ReportSubmissionResponse before = views.full(s, rules);
    Instant now = at;
    List<SubmissionWarning> warnings = List.of();
    switch (req.action()) {
      case SUBMIT -> {
        List<ApiException.FieldError> errors = rules.submitErrors(s.values);
        if (!errors.isEmpty()) {
          throw new ApiException(422, "REPORT_SUBMISSION_INVALID", errors);
        }
        warnings = rules.warnings(s.values);
        freeze(s, now, today.isAfter(s.dueDate));
      }
      case RETURN -> {
        latest(s).decide(ReportSubmissionDecision.RETURNED, now, comment);
        s.returnComment = comment;
      }
      case ACCEPT -> {
        latest(s).decide(ReportSubmissionDecision.ACCEPTED, now, comment);
        s.acceptedAt = now;
        s.returnComment = null;
      }
      case REOPEN -> {
        s.acceptedAt = null;
        s.returnComment = null;
      }
    }
    s.status = next;
    s.updatedAt = now;
    em.flush();
    ReportSubmissionResponse after = views.full(s, rules);
    audit.action(
        "REPORT_SUBMISSION_" + req.action().name(),
        ReportSubmissionService.ENTITY,
        s.id,
        s.orgUnitId,
        s.version,
        before,
        after,
        comment);
    LOG.infof("Report %s: %s (version %d)", s.id, next, s.versionCount);
    return after.withWarnings(warnings);
  }

  /** Freezes the working copy as version n+1; the first one decides the report's lateness. */
  private void freeze(ReportSubmission s, Instant now, boolean late) {
    ReportSubmissionVersion v = new ReportSubmissionVersion();
    v.id = UUID.randomUUID();
    v.submissionId = s.id;
    v.number = s.versionCount + 1;
    v.templateNumber = s.templateNumber;
    v.values = new HashMap<>(s.values);
    v.narratives = new HashMap<>(s.narratives);
    v.reportDocumentId = s.reportDocumentId;
    v.submittedAt = now;
    v.submittedBy = user.username();
    v.late = late;
    v.persist();
    if (s.versionCount == 0) {
      s.firstSubmittedAt = now;
      s.late = late;
    }
    s.versionCount = v.number;
    s.submittedAt = now;
    s.returnComment = null;
  }

  private ReportSubmissionVersion latest(ReportSubmission s) {
    return repo.version(s.id, s.versionCount);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
