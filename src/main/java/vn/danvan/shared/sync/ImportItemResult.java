package vn.danvan.shared.sync;

import java.util.UUID;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.source.UpsertOutcome;

/**
 * What an import did with one item: its outcome and the record's id, or the error (a problem code
 * and pointers relative to the item, e.g. {@code /title}).
 */
public record ImportItemResult(UpsertOutcome outcome, UUID id, ApiException error) {

  public static ImportItemResult of(UpsertOutcome outcome, UUID id) {
    return new ImportItemResult(outcome, id, null);
  }

  public static ImportItemResult failed(ApiException error) {
    return new ImportItemResult(null, null, error);
  }

  public boolean ok() {
    return error == null;
  }
}
