package vn.danvan.shared.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;

/**
 * Conversions of the values a native query returns (the JDBC driver's types vary with the column
 * and the driver version) and of the values it binds.
 */
public final class PgTypes {

  private PgTypes() {}

  /**
   * A {@code date} column: {@code LocalDate}, {@code java.sql.Date} or its text; null stays null.
   */
  public static LocalDate toDate(Object o) {
    return switch (o) {
      case null -> null;
      case LocalDate d -> d;
      case java.sql.Date d -> d.toLocalDate();
      default -> LocalDate.parse(o.toString());
    };
  }

  /** A {@code timestamptz} column; null stays null. */
  public static Instant instant(Object o) {
    return switch (o) {
      case null -> null;
      case Instant i -> i;
      case OffsetDateTime t -> t.toInstant();
      case Timestamp t -> t.toInstant();
      default -> OffsetDateTime.parse(o.toString()).toInstant();
    };
  }

  /** An instant to bind to a {@code timestamptz} parameter. */
  public static OffsetDateTime timestamp(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /** A {@code uuid} column (the driver returns {@code UUID}; text is accepted too). */
  public static UUID uuid(Object o) {
    return switch (o) {
      case null -> null;
      case UUID u -> u;
      default -> UUID.fromString(o.toString());
    };
  }

  /** A {@code uuid[]} column as an array of UUIDs (empty for null). */
  public static UUID[] uuids(Object o) {
    return switch (o) {
      case null -> new UUID[0];
      case UUID[] a -> a;
      case Object[] a -> java.util.Arrays.stream(a).map(PgTypes::uuid).toArray(UUID[]::new);
      case java.sql.Array a -> {
        try {
          yield uuids(a.getArray());
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      }
      default -> throw new IllegalArgumentException("not a uuid[]: " + o.getClass());
    };
  }

  /** Ids to bind to a {@code uuid[]} parameter (e.g. {@code = any(:ids)}). */
  public static UUID[] uuidArray(Collection<UUID> ids) {
    return ids.toArray(UUID[]::new);
  }

  /** A numeric column ({@code int}, {@code bigint}, {@code numeric}) as a long; null is 0. */
  public static long longValue(Object o) {
    return o == null ? 0L : ((Number) o).longValue();
  }

  /** A numeric column as an int; null is 0. */
  public static int intValue(Object o) {
    return o == null ? 0 : ((Number) o).intValue();
  }
}
