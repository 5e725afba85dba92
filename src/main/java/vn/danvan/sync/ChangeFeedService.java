package vn.danvan.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.UnitScope;

/**
 * The change feed. Entries are ordered by (transaction id, sequence) and served only from
 * transactions older than the oldest one still running ({@code pg_snapshot_xmin}): every such
 * transaction has ended, so no entry can later appear before the reader's position. A transaction
 * that commits late is delivered late, never skipped.
 *
 * <p>A position is (this installation's feed origin, 64-bit {@code xid8}, sequence): it does not
 * depend on the process (restarts, replicas) and {@code xid8} carries the epoch, so it never wraps
 * around. A cursor is bound to the filters that produced it; {@code include} is not a filter.
 */
@ApplicationScoped
public class ChangeFeedService {

  private static final String LIST = "changes";
  private static final String AFTER = "/query/after";

  @Inject ChangeFeedRepository repository;
  @Inject UnitScope scope;
  @Inject OrgUnitService units;
  @Inject FeedRecords records;

  private volatile UUID origin;

  /** What the caller asked for: filters, position, whether to carry records. */
  public record Request(
      String after,
      String types,
      UUID orgUnitId,
      OrgUnitMode orgUnitMode,
      String include,
      PageRequest page) {}

  @Transactional
  public ChangeFeedPage read(Request request) {
    boolean withRecords = include(request.include());
    ChangeFeedQuery query = query(request);
    String tag = Cursor.tag(LIST, query);
    UUID feed = origin();
    ChangeFeedRepository.Bounds bounds = repository.bounds();
    ChangeFeedRepository.Position position = null;
    if (request.after() != null && !request.after().isBlank()) {
      Cursor.Keys keys =
          Cursor.decodeParameter(
              "after",
              tag,
              request.after(),
              Cursor.KeyType.UUID,
              Cursor.KeyType.XID,
              Cursor.KeyType.LONG);
      // another instance's cursor, or a position beyond every transaction ever started here
      if (!feed.equals(keys.uuid(0)) || compare(keys.xid(1), bounds.next()) > 0) {
        throw invalidCursor();
      }
      position = new ChangeFeedRepository.Position(keys.xid(1), keys.longValue(2));
    }
    int limit = request.page().limit();
    List<ChangeFeedRepository.Entry> entries =
        repository.read(bounds.horizon(), position, query, scope.rootsOrAll(), limit);
    List<ChangeResponse> items = new ArrayList<>(entries.size());
    for (ChangeFeedRepository.Entry e : entries) {
      items.add(ChangeResponse.of(e));
    }
    if (withRecords) {
      items = withRecords(items);
    }
    ChangeFeedRepository.Position next;
    if (entries.size() == limit) {
      next = entries.get(entries.size() - 1).position();
    } else {
      // a short page read every matching entry below the horizon: the reader may continue from
      // the horizon itself (every older transaction has ended), so that a sparse filter does not
      // rescan the same entries of other types or units at each poll
      next = max(position, new ChangeFeedRepository.Position(bounds.horizon(), 0));
    }
    return new ChangeFeedPage(items, Cursor.encode(tag, feed, next.txid(), next.seq()));
  }

  /** A position in the feed: a transaction id (xid8, as text) and a sequence number. */
  public record Position(String txid, long seq) {}

  /**
   * The position of a cursor of this feed ({@code next} of any read, whatever its filters), for a
   * subscription rewound to it; 400 {@code INVALID_CURSOR} at {@code /query/<parameter>} for a
   * malformed cursor, another instance's, or one beyond every transaction started here.
   */
  @Transactional
  public Position position(String parameter, String cursor) {
    Cursor.Keys keys =
        Cursor.decodeAnyFilters(
            parameter, LIST, cursor, Cursor.KeyType.UUID, Cursor.KeyType.XID, Cursor.KeyType.LONG);
    if (!origin().equals(keys.uuid(0)) || compare(keys.xid(1), repository.bounds().next()) > 0) {
      throw new ApiException(
          400,
          "INVALID_CURSOR",
          List.of(ApiException.FieldError.of("/query/" + parameter, "field.INVALID_CURSOR")));
    }
    return new Position(keys.xid(1), keys.longValue(2));
  }

  /** The types {@code types} accepts. */
  public List<String> knownTypes() {
    return records.knownTypes();
  }

  // ------------------------------------------------------------------ parameters

  private static boolean include(String include) {
    if (include == null || include.isBlank()) {
      return false;
    }
    for (String part : include.split(",", -1)) {
      if (!"record".equals(part.strip())) {
        throw new ApiException(
            400,
            "INVALID_PARAMETER",
            List.of(
                ApiException.FieldError.of(
                    "/query/include", "field.INVALID_PARAMETER.CODE", "record")));
      }
    }
    return true;
  }

  private ChangeFeedQuery query(Request request) {
    List<String> types = List.of();
    if (request.types() != null && !request.types().isBlank()) {
      List<String> known = records.knownTypes();
      TreeSet<String> asked = new TreeSet<>();
      for (String t : request.types().split(",", -1)) {
        String type = t.strip();
        if (!known.contains(type)) {
          throw new ApiException(
              400,
              "INVALID_PARAMETER",
              List.of(
                  ApiException.FieldError.of(
                      "/query/types", "field.INVALID_PARAMETER.CODE", String.join(", ", known))));
        }
        asked.add(type);
      }
      types = List.copyOf(asked);
    }
    UUID unit = request.orgUnitId();
    OrgUnitMode mode = request.orgUnitMode();
    if (unit == null) {
      if (mode != null) {
        throw ApiException.invalid("/query/orgUnitId", "field.REQUIRED");
      }
    } else {
      // outside the caller's scope answers exactly like a unit that does not exist
      if (!units.exists(unit) || !scope.contains(unit)) {
        throw ApiException.unknownUnit("/query/orgUnitId");
      }
      if (mode == null) {
        mode = OrgUnitMode.SELECTED;
      }
    }
    return new ChangeFeedQuery(types, unit, mode);
  }

  // ------------------------------------------------------------------ records

  /**
   * The items with the current record of each UPSERT entry, rendered by each type's source in one
   * call for the page; tombstones stay as they are.
   */
  private List<ChangeResponse> withRecords(List<ChangeResponse> items) {
    Map<String, Set<UUID>> ids = new LinkedHashMap<>();
    for (ChangeResponse item : items) {
      if ("UPSERT".equals(item.operation())) {
        ids.computeIfAbsent(item.entityType(), t -> new LinkedHashSet<>()).add(item.entityId());
      }
    }
    if (ids.isEmpty()) {
      return items;
    }
    Map<String, List<UUID>> asked = new LinkedHashMap<>();
    ids.forEach((type, set) -> asked.put(type, List.copyOf(set)));
    FeedRecords.Rendered rendered = records.render(asked);
    List<ChangeResponse> out = new ArrayList<>(items.size());
    for (ChangeResponse item : items) {
      if (!"UPSERT".equals(item.operation())) {
        out.add(item);
      } else if (!rendered.supported().getOrDefault(item.entityType(), false)) {
        out.add(item.withRecord(null, FeedRecordStatus.NOT_SUPPORTED));
      } else {
        Object record =
            rendered.records().getOrDefault(item.entityType(), Map.of()).get(item.entityId());
        out.add(
            record == null
                ? item.withRecord(null, FeedRecordStatus.UNAVAILABLE)
                : item.withRecord(record, FeedRecordStatus.INCLUDED));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ positions

  private UUID origin() {
    UUID o = origin;
    if (o == null) {
      o = repository.origin();
      origin = o;
    }
    return o;
  }

  private static int compare(String xid, String other) {
    return Long.compareUnsigned(Long.parseUnsignedLong(xid), Long.parseUnsignedLong(other));
  }

  private static ChangeFeedRepository.Position max(
      ChangeFeedRepository.Position a, ChangeFeedRepository.Position b) {
    if (a == null) {
      return b;
    }
    int c = compare(a.txid(), b.txid());
    return c > 0 || (c == 0 && a.seq() >= b.seq()) ? a : b;
  }

  private static ApiException invalidCursor() {
    return new ApiException(
        400, "INVALID_CURSOR", List.of(ApiException.FieldError.of(AFTER, "field.INVALID_CURSOR")));
  }
}
