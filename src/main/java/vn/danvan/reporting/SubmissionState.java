package vn.danvan.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Where one unit's submission of a period stands, as consolidation and completeness read it: its
 * status, lateness and due date, the number of its latest accepted version and of its latest
 * version not returned (with that version's decision, null while undecided).
 */
record SubmissionState(
    UUID unitId,
    UUID submissionId,
    String status,
    Boolean late,
    int versionCount,
    LocalDate dueDate,
    Instant firstSubmittedAt,
    Integer acceptedNumber,
    Integer openNumber,
    String openDecision) {

  /** The version a consolidation reads: the latest accepted, or also the latest submitted. */
  Integer inputNumber(boolean includeSubmitted) {
    return includeSubmitted ? openNumber : acceptedNumber;
  }

  /** The decision on that version. */
  String inputDecision(boolean includeSubmitted) {
    return includeSubmitted ? openDecision : (acceptedNumber == null ? null : "ACCEPTED");
  }

  /** Sent and not sent back: SUBMITTED or ACCEPTED. */
  boolean sent() {
    return "SUBMITTED".equals(status) || "ACCEPTED".equals(status);
  }
}
