package vn.danvan.shared.sync;

import java.util.List;

/**
 * One type of bulk import ({@code POST /api/v1/imports?type=...}): how items of that type are read
 * and written. Each feature implements it for its types as an application-scoped bean; the import
 * framework (streaming parse, batches, transactions, dry runs, results) finds them through CDI.
 *
 * @param <T> the item as JSON (a request record with Bean Validation annotations; the framework
 *     validates each item before {@link #apply})
 */
public interface ImportTarget<T> {

  /** The import type code, e.g. {@code TASK}. */
  String type();

  /** The item class the framework parses each JSON object (or CSV row) into. */
  Class<T> itemType();

  /**
   * CSV columns, in order: the Vietnamese header of each column and the item property it fills.
   * Empty when the type is not accepted as CSV.
   */
  default List<CsvColumn> csvColumns() {
    return List.of();
  }

  /**
   * Writes {@code items} in the current transaction as the current caller, by the same rules as the
   * feature's upsert ({@code PUT} by id or by source key): one result per item, in order. An item
   * that cannot be written may either be answered {@link ImportItemResult#failed} (when nothing of
   * it reached the database) or throw an {@code ApiException}: the framework then rolls the batch
   * back and replays it item by item to isolate the failure. Audit events and change-feed entries
   * are written as for single writes (in bulk where possible). A dry run is the same call in a
   * transaction the framework rolls back.
   */
  List<ImportItemResult> apply(List<T> items);

  /** One CSV column: its header (Vietnamese, as documented) and the JSON property it fills. */
  record CsvColumn(String header, String property) {}
}
