package vn.danvan.orgunit;

import java.time.OffsetDateTime;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.source.Provenance;
import vn.danvan.shared.source.SourceKey;
import vn.danvan.shared.source.SourceWrites;

/** The provenance fields of a unit's request body, checked (400 with pointers). */
final class SourceFields {

  private SourceFields() {}

  /**
   * The provenance a request names: its body key (both parts or neither), or the key of a by-source
   * path ({@code path}), which the body's, when present, must equal.
   */
  static Provenance incoming(
      String system, String id, Long version, OffsetDateTime updatedAt, SourceKey path) {
    SourceKey key = null;
    if (path != null) {
      if (system != null && !system.equals(path.system())) {
        throw ApiException.invalid("/sourceSystem", "field.SOURCE_KEY_PATH_MISMATCH");
      }
      if (id != null && !id.equals(path.id())) {
        throw ApiException.invalid("/sourceId", "field.SOURCE_KEY_PATH_MISMATCH");
      }
      key = path;
    } else if (system != null || id != null) {
      key = SourceKey.of(system, id, "/sourceSystem", "/sourceId");
    }
    return key == null
        ? new Provenance(null, null, version, updatedAt)
        : new Provenance(key.system(), key.id(), version, updatedAt);
  }

  /** The provenance to store; 400 when a source version or time would be kept without a key. */
  static Provenance stored(Provenance current, Provenance incoming) {
    Provenance merged = SourceWrites.merged(current, incoming);
    if (!merged.owned()
        && (incoming.sourceVersion() != null || incoming.sourceUpdatedAt() != null)) {
      throw ApiException.invalid("/sourceSystem", "field.SOURCE_KEY_REQUIRED");
    }
    return merged;
  }
}
