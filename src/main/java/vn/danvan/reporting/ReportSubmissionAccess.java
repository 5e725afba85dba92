package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.security.Roles;
import vn.danvan.shared.security.UnitScope;

/**
 * Who sees and who acts on a report. It is seen by the scope of its reporting unit and of its
 * collecting unit (others: 404, like a missing one). The reporting unit's officers and unit
 * managers, and integration clients in whose scope it lies (a provincial system files its units'
 * reports), edit and submit; the collecting unit's unit managers return and accept; admins do
 * everything. Reopening: until the lock date the unit managers of either unit (and the integration
 * client of the system that owns the report); after it only the collecting unit's. Seen but not
 * allowed: 403. A report pushed by a source system is edited, submitted and reopened only by that
 * system or an admin (409 {@code OWNED_BY_SOURCE}, {@link vn.danvan.shared.source.SourceWrites}).
 */
@ApplicationScoped
class ReportSubmissionAccess {

  static final String LABEL = "entity.REPORT_SUBMISSION";

  @Inject ReportSubmissionRepository repo;
  @Inject UnitScope scope;
  @Inject CurrentUser user;

  /** The report, or 404 when missing or outside the caller's scope. */
  ReportSubmission visible(UUID id) {
    ReportSubmission s = repo.find(id);
    if (s == null || !canSee(s)) {
      throw ApiException.notFound(LABEL);
    }
    return s;
  }

  /** {@link #visible}, locked for a change. */
  ReportSubmission visibleForUpdate(UUID id) {
    visible(id);
    return repo.findForUpdate(id);
  }

  boolean canSee(ReportSubmission s) {
    return scope.contains(s.orgUnitId) || scope.contains(s.collectingUnitId);
  }

  /**
   * Whether the caller's role writes reports at all (admin, officer, unit manager, integration).
   */
  boolean hasReporterRole() {
    return user.isAdmin()
        || user.hasRole(Roles.OFFICER)
        || user.hasRole(Roles.UNIT_MANAGER)
        || user.hasRole(Roles.INTEGRATION);
  }

  /** Whether the caller may write the reports of {@code unitId} (create, edit, submit). */
  boolean canReport(UUID unitId) {
    return user.isAdmin() || (hasReporterRole() && scope.contains(unitId));
  }

  void requireReporter(ReportSubmission s) {
    if (!canReport(s.orgUnitId)) {
      throw ApiException.forbidden();
    }
  }

  /** Whether the caller manages the collecting unit (or is an admin). */
  boolean isCollector(ReportSubmission s) {
    return user.isAdmin()
        || (user.hasRole(Roles.UNIT_MANAGER) && scope.contains(s.collectingUnitId));
  }

  void requireCollector(ReportSubmission s) {
    if (!isCollector(s)) {
      throw ApiException.forbidden();
    }
  }

  /**
   * Reopening: the collecting unit's managers always; the reporting unit's managers until the lock
   * date (then 403 {@code REPORT_SUBMISSION_LOCKED}).
   */
  void requireReopener(ReportSubmission s, LocalDate today) {
    if (isCollector(s)) {
      return;
    }
    boolean owningSystem =
        user.hasRole(Roles.INTEGRATION)
            && s.sourceSystem != null
            && user.sourceSystem().map(s.sourceSystem::equals).orElse(false);
    boolean reportingManager =
        (user.hasRole(Roles.UNIT_MANAGER) || owningSystem) && scope.contains(s.orgUnitId);
    if (!reportingManager) {
      throw ApiException.forbidden();
    }
    if (today.isAfter(s.lockDate)) {
      throw new ApiException(403, "REPORT_SUBMISSION_LOCKED", s.lockDate.toString());
    }
  }
}
