package vn.danvan.dialogue;

import java.time.LocalDate;
import java.util.UUID;
import vn.danvan.shared.persistence.OrgUnitMode;

/**
 * The filters of the dialogue list, without its page: {@code q} is trimmed (null when blank);
 * {@code year} and the planned range apply to the planned date.
 */
public record DialogueQuery(
    UUID orgUnitId,
    OrgUnitMode orgUnitMode,
    DialogueStatus status,
    Integer year,
    LocalDate plannedFrom,
    LocalDate plannedTo,
    String q) {

  public DialogueQuery {
    q = q == null || q.isBlank() ? null : q.strip();
  }
}
