package vn.danvan.shared.source;

import java.time.OffsetDateTime;
import vn.danvan.shared.error.ApiException;

/** The provenance fields of a request body (org units, directives), checked (400 with pointers). */
public final class RequestProvenance {

  private RequestProvenance() {}

  /**
   * The provenance a request names: its body key (both parts or neither), or the key of a by-source
   * path ({@code path}), which the body's, when present, must equal.
   */
  public static Provenance incoming(
      String system, String id, Long version, OffsetDateTime updatedAt, SourceKey path) {
    SourceKey key = null;
    if (path != null) {
      path.requireBodyMatches(system, id);
      key = path;
    } else if (system != null || id != null) {
      key = SourceKey.of(system, id, "/sourceSystem", "/sourceId");
    }
    return key == null
        ? new Provenance(null, null, version, updatedAt)
        : new Provenance(key.system(), key.id(), version, updatedAt);
  }

  /** The provenance to store; 400 when a source version or time would be kept without a key. */
  public static Provenance stored(Provenance current, Provenance incoming) {
    Provenance merged = SourceWrites.merged(current, incoming);
    if (!merged.owned()
        && (incoming.sourceVersion() != null || incoming.sourceUpdatedAt() != null)) {
      throw ApiException.invalid("/sourceSystem", "field.SOURCE_KEY_REQUIRED");
    }
    return merged;
  }
}
