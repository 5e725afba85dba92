package vn.danvan.models;

import java.util.UUID;
import vn.danvan.shared.persistence.OrgUnitMode;

/**
 * The filters of the model list, without its page: {@code q} is trimmed (null when blank); {@code
 * orgUnitId} + {@code orgUnitMode} match a model when any of its units (lead or co-unit) matches;
 * {@code year} is the year of registration.
 */
public record GoodPracticeModelQuery(
    String q,
    UUID orgUnitId,
    OrgUnitMode orgUnitMode,
    GoodPracticeField field,
    GoodPracticeStatus status,
    RecognitionLevel recognitionLevel,
    Integer year) {

  public GoodPracticeModelQuery {
    q = q == null || q.isBlank() ? null : q.trim();
  }
}
