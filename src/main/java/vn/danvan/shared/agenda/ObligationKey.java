package vn.danvan.shared.agenda;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

/**
 * The agenda's total order: due date, then kind by name, then id (ascending; the descending sort
 * reverses all three). In SQL a source compares the row {@code (due_date, '<KIND>', id)} with the
 * key's row, the kind written as its name literal, so that the range on the due date stays
 * sargable.
 */
public record ObligationKey(LocalDate dueDate, ObligationKind kind, UUID id)
    implements Comparable<ObligationKey> {

  public static final Comparator<ObligationKey> ORDER =
      Comparator.comparing(ObligationKey::dueDate)
          .thenComparing(k -> k.kind().name())
          .thenComparing(ObligationKey::id);

  @Override
  public int compareTo(ObligationKey other) {
    return ORDER.compare(this, other);
  }
}
