package vn.danvan.orgunit.atlas;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The SQL of the national data set: which content was loaded ({@code reference_dataset}), and the
 * bulk write of its rows, staged with PostgreSQL {@code COPY} into temporary tables and moved with
 * three set-based inserts. Plain JDBC on the caller's transaction: COPY has no JPA equivalent.
 */
@ApplicationScoped
class NationalDatasetRepository {

  private static final Logger LOG = Logger.getLogger(NationalDatasetRepository.class);

  /** Rows inserted by one write. */
  /**
   * What a load wrote; {@code changed} holds each unit that got a unit or a version row, with its
   * record version, for the audit trail and the change feed.
   */
  record Inserted(int units, int versions, int lineage, List<Changed> changed) {}

  /** A unit the load created or gave a version. */
  record Changed(UUID id, long version) {}

  @Inject DataSource dataSource;

  /** Whether this content was loaded already: one primary-key lookup. */
  boolean loadedWith(String fingerprint) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement ps =
            connection.prepareStatement(
                "select 1 from reference_dataset where name = ? and fingerprint = ?")) {
      ps.setString(1, NationalDataset.MARKER);
      ps.setString(2, fingerprint);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void recordLoaded(Connection connection, String fingerprint) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            """
            insert into reference_dataset (name, fingerprint) values (?, ?)
            on conflict (name) do update set fingerprint = excluded.fingerprint, loaded_at = now()
            """)) {
      ps.setString(1, NationalDataset.MARKER);
      ps.setString(2, fingerprint);
      ps.executeUpdate();
    }
  }

  Inserted write(NationalRows rows, String fingerprint) throws SQLException, IOException {
    try (Connection connection = dataSource.getConnection();
        Statement st = connection.createStatement()) {
      // a database loaded before the content was recorded: compare once, then record it
      if (alreadyLoaded(connection, rows)) {
        recordLoaded(connection, fingerprint);
        return new Inserted(0, 0, 0, List.of());
      }
      st.execute(
          """
          create temp table if not exists nd_unit (
            id uuid, kind text, valid_from date, valid_to date) on commit drop;
          create temp table if not exists nd_version (
            id uuid, unit_id uuid, kind text, name text, short_name text, code text,
            parent_id uuid, path uuid[], depth int, valid_from date, valid_to date) on commit drop;
          create temp table if not exists nd_lineage (
            id uuid, predecessor_id uuid, successor_id uuid, kind text, effective_date date)
            on commit drop;
          create temp table if not exists nd_skip (id uuid primary key) on commit drop;
          create temp table if not exists nd_skip_version (id uuid primary key) on commit drop;
          truncate nd_unit, nd_version, nd_lineage, nd_skip, nd_skip_version;
          """);
      long t0 = System.nanoTime();
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      copy.copyIn(
          "copy nd_unit from stdin",
          new TsvReader<>(rows.units, NationalDatasetRepository::unitRow));
      copy.copyIn(
          "copy nd_version from stdin",
          new TsvReader<>(rows.versions, NationalDatasetRepository::versionRow));
      copy.copyIn(
          "copy nd_lineage from stdin",
          new TsvReader<>(rows.lineage, NationalDatasetRepository::edgeRow));
      st.execute("analyze nd_unit, nd_version, nd_lineage");

      long t1 = System.nanoTime();
      // A new unit whose official code is held, for an overlapping period, by another unit already
      // in the database (a demo world with other ids) would break the code's exclusion constraint:
      // skip it and everything below it.
      st.execute(
          """
          insert into nd_skip
          select distinct s.unit_id
            from nd_version s
            join org_unit_version e on e.kind = s.kind and e.code = s.code
             and daterange(e.valid_from, e.valid_to, '[]') && daterange(s.valid_from, s.valid_to, '[]')
           where s.code is not null and e.unit_id <> s.unit_id
             and not exists (select 1 from org_unit u where u.id = s.unit_id)
          """);
      int skipped = 0;
      try (ResultSet rs = st.executeQuery("select count(*) from nd_skip")) {
        rs.next();
        skipped = rs.getInt(1);
      }
      if (skipped > 0) {
        st.execute(
            """
            insert into nd_skip
            select distinct s.unit_id from nd_version s
             where s.path && (select array_agg(id) from nd_skip)
            on conflict do nothing
            """);
      }
      long t2 = System.nanoTime();
      int units =
          st.executeUpdate(
              """
              insert into org_unit (id, kind, valid_from, valid_to)
              select s.id, s.kind, s.valid_from, s.valid_to from nd_unit s
               where not exists (select 1 from nd_skip k where k.id = s.id)
              on conflict do nothing
              """);
      long t3 = System.nanoTime();
      // Versions already there, and versions that would overlap one their unit already has (a demo
      // unit with the same id), are left out. Found set-based rather than with ON CONFLICT: each
      // speculative insertion probes the GiST exclusion indexes once more, which doubles the cost.
      st.execute(
          """
          insert into nd_skip_version
          select s.id from nd_version s join org_unit_version e on e.id = s.id
          union
          select s.id from nd_version s join org_unit_version e on e.unit_id = s.unit_id
             and daterange(e.valid_from, e.valid_to, '[]') && daterange(s.valid_from, s.valid_to, '[]')
          union
          select s.id from nd_version s join org_unit_version e on e.kind = s.kind and e.code = s.code
             and daterange(e.valid_from, e.valid_to, '[]') && daterange(s.valid_from, s.valid_to, '[]')
          """);
      int versions =
          st.executeUpdate(
              """
              insert into org_unit_version
                (id, unit_id, kind, name, short_name, code, parent_id, path, depth, valid_from, valid_to)
              select s.id, s.unit_id, s.kind, s.name, s.short_name, s.code, s.parent_id, s.path,
                     s.depth, s.valid_from, s.valid_to
                from nd_version s
               where not exists (select 1 from nd_skip k where k.id = s.unit_id)
                 and not exists (select 1 from nd_skip_version k where k.id = s.id)
              """);
      List<Changed> changed = new ArrayList<>();
      if (units + versions > 0) {
        try (ResultSet rs =
            st.executeQuery(
                """
                select u.id, u.version from org_unit u
                 where u.id in (select s.unit_id from nd_version s
                                 where not exists (select 1 from nd_skip k where k.id = s.unit_id)
                                   and not exists (select 1 from nd_skip_version k where k.id = s.id))
                 order by u.id
                """)) {
          while (rs.next()) {
            changed.add(new Changed(rs.getObject(1, UUID.class), rs.getLong(2)));
          }
        }
      }
      long t4 = System.nanoTime();
      int lineage =
          st.executeUpdate(
              """
              insert into org_unit_lineage (id, predecessor_id, successor_id, kind, effective_date)
              select s.id, s.predecessor_id, s.successor_id, s.kind, s.effective_date
                from nd_lineage s
               where exists (select 1 from org_unit u where u.id = s.predecessor_id)
                 and exists (select 1 from org_unit u where u.id = s.successor_id)
                 and not exists (select 1 from nd_skip k where k.id in (s.predecessor_id, s.successor_id))
              on conflict do nothing
              """);
      long t5 = System.nanoTime();
      // every unit this load created must have a version, or the tree has a hole
      try (ResultSet rs =
          st.executeQuery(
              """
              select count(*) from nd_unit s
               where not exists (select 1 from org_unit_version v where v.unit_id = s.id)
                 and not exists (select 1 from nd_skip k where k.id = s.id)
              """)) {
        rs.next();
        if (rs.getInt(1) > 0) {
          throw new IllegalStateException(
              rs.getInt(1) + " units of the national data set would have no version");
        }
      }
      if (units + versions + lineage > 0) {
        st.execute("analyze org_unit, org_unit_version, org_unit_lineage");
      }
      long t6 = System.nanoTime();
      LOG.debugf(
          "National data set timings (ms): copy %d, conflicts %d, units %d, versions %d,"
              + " lineage %d, check and analyze %d",
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          (t3 - t2) / 1_000_000,
          (t4 - t3) / 1_000_000,
          (t5 - t4) / 1_000_000,
          (t6 - t5) / 1_000_000);
      if (skipped > 0) {
        LOG.warnf(
            "National data set: %d units (and what lies below them) skipped: their official code"
                + " is held by other units for an overlapping period",
            skipped);
      }
      LOG.debugf(
          "National data set: inserted %d/%d units, %d/%d versions, %d/%d lineage edges",
          units, rows.units.size(), versions, rows.versions.size(), lineage, rows.lineage.size());
      recordLoaded(connection, fingerprint);
      return new Inserted(units, versions, lineage, changed);
    }
  }

  /** Whether every unit, version and lineage edge of the data set is there already. */
  private static boolean alreadyLoaded(Connection connection, NationalRows rows)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            """
            select (select count(*) from org_unit where id = any(?)),
                   (select count(*) from org_unit_version where id = any(?)),
                   (select count(*) from org_unit_lineage where id = any(?))
            """)) {
      ps.setArray(
          1,
          connection.createArrayOf(
              "uuid", rows.units.stream().map(NationalRows.Unit::id).toArray()));
      ps.setArray(
          2,
          connection.createArrayOf(
              "uuid", rows.versions.stream().map(NationalRows.Version::id).toArray()));
      ps.setArray(
          3,
          connection.createArrayOf(
              "uuid", rows.lineage.stream().map(NationalRows.Edge::id).toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) == rows.units.size()
            && rs.getLong(2) == rows.versions.size()
            && rs.getLong(3) == rows.lineage.size();
      }
    }
  }

  private static void unitRow(NationalRows.Unit u, StringBuilder out) {
    cells(out, u.id(), u.kind(), u.validFrom(), u.validTo());
  }

  private static void versionRow(NationalRows.Version v, StringBuilder out) {
    StringBuilder path = new StringBuilder("{");
    for (UUID id : v.path()) {
      if (path.length() > 1) {
        path.append(',');
      }
      path.append(id);
    }
    path.append('}');
    cells(
        out,
        v.id(),
        v.unitId(),
        v.kind(),
        v.name(),
        v.shortName(),
        v.code(),
        v.parentId(),
        path,
        v.path().size() - 1,
        v.validFrom(),
        v.validTo());
  }

  private static void edgeRow(NationalRows.Edge e, StringBuilder out) {
    cells(out, e.id(), e.predecessor(), e.successor(), e.kind(), e.date());
  }

  /** One row of COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
  private static void cells(StringBuilder out, Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append('\t');
      }
      Object value = values[i];
      if (value == null) {
        out.append("\\N");
        continue;
      }
      String text = value.toString();
      for (int j = 0; j < text.length(); j++) {
        char c = text.charAt(j);
        switch (c) {
          case '\\' -> out.append("\\\\");
          case '\t' -> out.append("\\t");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          default -> out.append(c);
        }
      }
    }
    out.append('\n');
  }

  /** Streams rows to COPY without building one big string. */
  private static final class TsvReader<T> extends Reader {
    private final Iterator<T> rows;
    private final BiConsumer<T, StringBuilder> format;
    private final StringBuilder buffer = new StringBuilder(1 << 16);
    private int position;

    TsvReader(List<T> rows, BiConsumer<T, StringBuilder> format) {
      this.rows = rows.iterator();
      this.format = format;
    }

    @Override
    public int read(char[] target, int offset, int length) {
      if (position == buffer.length()) {
        buffer.setLength(0);
        position = 0;
        while (buffer.length() < (1 << 15) && rows.hasNext()) {
          format.accept(rows.next(), buffer);
        }
        if (buffer.isEmpty()) {
          return -1;
        }
      }
      int n = Math.min(length, buffer.length() - position);
      buffer.getChars(position, position + n, target, offset);
      position += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
