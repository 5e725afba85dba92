package vn.danvan.shared.agenda;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/**
 * The agenda's total order: due date, then kind by name, then id (ascending; the descending sort
 * reverses all three; ids compare as PostgreSQL compares {@code uuid}, see {@link #compareIds}). In
 * SQL a source compares the row {@code (due_date, '<KIND>', id)} with the key's row, the kind
 * written as its name literal, so that the range on the due date stays sargable.
 */
public record ObligationKey(LocalDate dueDate, ObligationKind kind, UUID id)
    implements Comparable<ObligationKey> {

  public static final Comparator<ObligationKey> ORDER =
      Comparator.comparing(ObligationKey::dueDate)
          .thenComparing(k -> k.kind().name())
          .thenComparing(ObligationKey::id, ObligationKey::compareIds);

  /**
   * Ids in PostgreSQL's order of {@code uuid} (its 16 bytes unsigned, the first byte first), so
   * that a source's {@code order by id} agrees with this order; {@link UUID#compareTo} compares the
   * two halves as signed numbers and puts {@code 8…} before {@code 1…}.
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
