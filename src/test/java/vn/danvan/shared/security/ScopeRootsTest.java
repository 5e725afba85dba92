package vn.danvan.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.testing.Api;

/**
 * The minimal scope roots mean what all the roots of {@code danvan_scope_roots} mean: for the home
 * unit of every unit of the demo world (with its restructurings: merged provinces, wards and
 * districts), every path any table stores (every {@code uuid[]} column named {@code *path}) lies in
 * the scope by the minimal roots exactly when it does by all of them.
 */
@QuarkusTest
class ScopeRootsTest {

  @Inject ScopeRepository repository;
  @Inject DataSource dataSource;

  @Test
  void minimalRootsSelectThePathsAllRootsSelect() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      List<UUID> homes = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("select id from org_unit order by id");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          homes.add(rs.getObject(1, UUID.class));
        }
      }
      String paths = paths(c);
      int reduced = 0;
      for (UUID home : homes) {
        ScopeRoots roots =
            QuarkusTransaction.requiringNew().call(() -> repository.scopeRoots(home));
        UUID[] minimal = roots.minimal();
        UUID[] all;
        try (PreparedStatement s = c.prepareStatement("select danvan_scope_roots(?)")) {
          s.setObject(1, home);
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            all = PgTypes.uuids(rs.getArray(1));
          }
        }
        assertThat(roots.all()).as("roots of %s", home).containsExactlyInAnyOrder(all);
        assertThat(all).as("roots of %s", home).contains(minimal);
        assertThat(minimal).as("roots of %s", home).isNotEmpty();
        if (minimal.length < all.length) {
          reduced++;
        }
        try (PreparedStatement s =
            c.prepareStatement(
                "select count(*) from (" + paths + ") x where (x.p && ?) <> (x.p && ?)")) {
          s.setArray(1, c.createArrayOf("uuid", all));
          s.setArray(2, c.createArrayOf("uuid", minimal));
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            assertThat(rs.getLong(1)).as("paths judged differently for %s", home).isZero();
          }
        }
      }
      // TP HCM took in merged provinces and wards: its predecessors are below roots already
      assertThat(reduced).isPositive();
      UUID[] hcm =
          QuarkusTransaction.requiringNew()
              .call(() -> repository.scopeRoots(UUID.fromString(Api.HO_CHI_MINH)))
              .minimal();
      assertThat(hcm).contains(UUID.fromString(Api.HO_CHI_MINH));
    }
  }

  /** Every stored path of every table, as one query of column {@code p}. */
  private static String paths(Connection c) throws Exception {
    List<String> parts = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "select table_name, column_name from information_schema.columns"
                    + " where table_schema = 'public' and udt_name = '_uuid'"
                    + " and column_name like '%path' order by 1, 2");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        parts.add(
            "select "
                + rs.getString(2)
                + " as p from "
                + rs.getString(1)
                + " where "
                + rs.getString(2)
                + " is not null");
      }
    }
    assertThat(parts).isNotEmpty();
    return String.join(" union all ", parts);
  }
}
