package vn.danvan.dialogue;

import java.time.LocalDate;
import java.util.List;
import vn.danvan.shared.error.ApiException.FieldError;

/**
 * The facts each step of a dialogue needs: present when required, absent when of another action,
 * dates not in the future and in order (announced ≤ held ≤ results published).
 */
final class DialogueTransitions {

  private DialogueTransitions() {}

  static void check(
      DialogueTransitionRequest r, Dialogue d, LocalDate today, List<FieldError> errors) {
    DialogueAction a = r.action();
    only(a == DialogueAction.ANNOUNCE, r.announcementDate(), "/announcementDate", errors);
    only(a == DialogueAction.ANNOUNCE, r.announcementChannel(), "/announcementChannel", errors);
    only(a == DialogueAction.HOLD, r.heldDate(), "/heldDate", errors);
    only(a == DialogueAction.HOLD, r.chairName(), "/chairName", errors);
    only(a == DialogueAction.HOLD, r.chairRole(), "/chairRole", errors);
    only(a == DialogueAction.HOLD, r.participantCount(), "/participantCount", errors);
    only(a == DialogueAction.HOLD, r.householdCount(), "/householdCount", errors);
    only(a == DialogueAction.HOLD, r.questions(), "/questions", errors);
    only(
        a == DialogueAction.PUBLISH_RESULTS,
        r.resultsPublishedDate(),
        "/resultsPublishedDate",
        errors);
    only(a == DialogueAction.PUBLISH_RESULTS, r.resultsDocumentId(), "/resultsDocumentId", errors);
    only(a == DialogueAction.CANCEL, r.reason(), "/reason", errors);
    switch (a) {
      case ANNOUNCE -> {
        fact(r.announcementDate(), "/announcementDate", today, errors);
        required(r.announcementChannel(), "/announcementChannel", errors);
      }
      case HOLD -> {
        if (fact(r.heldDate(), "/heldDate", today, errors)
            && d.announcementDate != null
            && r.heldDate().isBefore(d.announcementDate)) {
          errors.add(
              FieldError.of("/heldDate", "field.HELD_BEFORE_ANNOUNCEMENT", d.announcementDate));
        }
        required(blankToNull(r.chairName()), "/chairName", errors);
        required(r.chairRole(), "/chairRole", errors);
        required(r.participantCount(), "/participantCount", errors);
      }
      case PUBLISH_RESULTS -> {
        if (fact(r.resultsPublishedDate(), "/resultsPublishedDate", today, errors)
            && r.resultsPublishedDate().isBefore(d.heldDate)) {
          errors.add(
              FieldError.of("/resultsPublishedDate", "field.RESULTS_BEFORE_HELD", d.heldDate));
        }
        required(r.resultsDocumentId(), "/resultsDocumentId", errors);
      }
      case CANCEL -> required(blankToNull(r.reason()), "/reason", errors);
    }
  }

  /** A date that records a fact: required, not after today; whether it passed. */
  private static boolean fact(
      LocalDate day, String pointer, LocalDate today, List<FieldError> errors) {
    if (day == null) {
      errors.add(FieldError.of(pointer, "field.REQUIRED"));
      return false;
    }
    if (day.isAfter(today)) {
      errors.add(FieldError.of(pointer, "field.NOT_IN_FUTURE"));
      return false;
    }
    return true;
  }

  private static void required(Object value, String pointer, List<FieldError> errors) {
    if (value == null) {
      errors.add(FieldError.of(pointer, "field.REQUIRED"));
    }
  }

  private static void only(
      boolean ofAction, Object value, String pointer, List<FieldError> errors) {
    if (!ofAction && value != null) {
      errors.add(FieldError.of(pointer, "field.NOT_FOR_ACTION"));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
