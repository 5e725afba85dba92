package vn.danvan.shared.agenda;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/**
 * The agenda's total order: due date, then kind by name, then id (ascending; the descending sort
 * reverses all three). In SQL a source compares the row {@code (due_date, '<KIND>', id)} with the
 * key's row, the kind written as its name literal, so that the range on the due date stays
 * sargable; a source of one kind compares {@code (due_date, id)} with {@code (after.dueDate,
 * ObligationQuery#afterIdFor(kind))}. Ids compare as PostgreSQL compares {@code uuid}.
 */
public record ObligationKey(LocalDate dueDate, ObligationKind kind, UUID id)
    implements Comparable<ObligationKey> {

  public static final Comparator<ObligationKey> ORDER =
      Comparator.comparing(ObligationKey::dueDate)
          .thenComparing(k -> k.kind().name())
          .thenComparing(ObligationKey::id, ObligationKey::compareIds);

  /** The smallest and the largest id in PostgreSQL's order of {@code uuid}. */
  public static final UUID MIN_ID = new UUID(0, 0);

  public static final UUID MAX_ID = new UUID(-1, -1);

  /**
   * Ids in PostgreSQL's order of {@code uuid} (bytes unsigned), which SQL keysets use; {@link
   * UUID#compareTo} compares signed and would order ids from {@code 8…} before {@code 1…}.
   */
  public static int compareIds(UUID a, UUID b) {
    int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return c != 0
        ? c
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }

  @Override
  public int compareTo(ObligationKey other) {
    return ORDER.compare(this, other);
  }
}
