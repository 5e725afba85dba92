package vn.danvan.shared.agenda;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/**
 * The agenda's total order: due date, then kind by name, then id (ascending; the descending sort
 * reverses all three). In SQL a source compares the row {@code (due_date, '<KIND>', id)} with the
 * key's row, the kind written as its name literal, so that the range on the due date stays
 * sargable. Ids compare as PostgreSQL compares uuids (unsigned, byte by byte; {@link
 * UUID#compareTo} compares signed halves and would disagree with every SQL source).
 */
public record ObligationKey(LocalDate dueDate, ObligationKind kind, UUID id)
    implements Comparable<ObligationKey> {

  public static final Comparator<ObligationKey> ORDER =
      Comparator.comparing(ObligationKey::dueDate)
          .thenComparing(k -> k.kind().name())
          .thenComparing(ObligationKey::id, ObligationKey::compareIds);

  /** PostgreSQL's order of uuids: the 16 bytes unsigned, most significant first. */
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
