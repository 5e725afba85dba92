package vn.danvan.shared.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.danvan.shared.error.ApiException;

/**
 * A record's key in its source system: {@code sourceSystem} (letters, digits, {@code . _ -}, up to
 * 64) and {@code sourceId} (1–200 characters, no control characters), unique per resource type.
 */
public record SourceKey(String system, String id) {

  public static final String SYSTEM_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
  private static final Pattern SYSTEM = Pattern.compile(SYSTEM_PATTERN);
  public static final int MAX_ID_LENGTH = 200;

  /** The key named by a by-source path; 400 with pointers {@code /path/sourceSystem|sourceId}. */
  public static SourceKey ofPath(String system, String id) {
    return of(system, id, "/path/sourceSystem", "/path/sourceId");
  }

  /** The key given in a body; 400 at the given pointers when malformed. */
  public static SourceKey of(String system, String id, String systemPointer, String idPointer) {
    if (system == null || !SYSTEM.matcher(system).matches()) {
      throw ApiException.invalid(systemPointer, "field.SOURCE_SYSTEM_FORMAT");
    }
    if (!validId(id)) {
      throw ApiException.invalid(idPointer, "field.SOURCE_ID_FORMAT", MAX_ID_LENGTH);
    }
    return new SourceKey(system, id);
  }

  /**
   * Under a by-source path, the key fields a body gives (each may be left out) must equal the
   * path's: 400 with the pointer of each one that differs.
   */
  public void requireBodyMatches(String bodySystem, String bodyId) {
    List<ApiException.FieldError> errors = new ArrayList<>();
    if (bodySystem != null && !bodySystem.equals(system)) {
      errors.add(ApiException.FieldError.of("/sourceSystem", "field.SOURCE_KEY_PATH_MISMATCH"));
    }
    if (bodyId != null && !bodyId.equals(id)) {
      errors.add(ApiException.FieldError.of("/sourceId", "field.SOURCE_KEY_PATH_MISMATCH"));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(400, "VALIDATION_FAILED", errors);
    }
  }

  private static boolean validId(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH || id.isBlank()) {
      return false;
    }
    return id.chars().noneMatch(Character::isISOControl);
  }
}
