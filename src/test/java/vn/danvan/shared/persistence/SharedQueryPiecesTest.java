package vn.danvan.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shared query pieces against the real database: the unit filter and the bound values. */
@QuarkusTest
class SharedQueryPiecesTest {

  // a small tree: root > a > (a1 > a11), b
  static final UUID ROOT = UUID.randomUUID();
  static final UUID A = UUID.randomUUID();
  static final UUID A1 = UUID.randomUUID();
  static final UUID A11 = UUID.randomUUID();
  static final UUID B = UUID.randomUUID();

  @Inject EntityManager em;

  private Set<UUID> matching(UUID unit, OrgUnitMode mode) {
    SqlWhere where = UnitFilter.apply(new SqlWhere(), "r.id", "r.path", unit, mode);
    String rows =
        "(values (cast(:root as uuid), array[cast(:root as uuid)]),"
            + " (cast(:a as uuid), array[cast(:root as uuid), cast(:a as uuid)]),"
            + " (cast(:a1 as uuid), array[cast(:root as uuid), cast(:a as uuid), cast(:a1 as"
            + " uuid)]),"
            + " (cast(:a11 as uuid), array[cast(:root as uuid), cast(:a as uuid), cast(:a1 as"
            + " uuid), cast(:a11 as uuid)]),"
            + " (cast(:b as uuid), array[cast(:root as uuid), cast(:b as uuid)])) as r(id, path)";
    where.param("root", ROOT).param("a", A).param("a1", A1).param("a11", A11).param("b", B);
    @SuppressWarnings("unchecked")
    List<Object> ids =
        where
            .bind(em.createNativeQuery("select r.id from " + rows + " where " + where.sql()))
            .getResultList();
    return ids.stream().map(PgTypes::uuid).collect(Collectors.toSet());
  }

  @Test
  @Transactional
  void theUnitFilterSelectsTheUnitItsChildrenOrItsSubtree() {
    assertThat(matching(A, OrgUnitMode.SELECTED)).containsExactly(A);
    assertThat(matching(A, null)).containsExactly(A);
    assertThat(matching(A, OrgUnitMode.CHILDREN)).containsExactlyInAnyOrder(A, A1);
    assertThat(matching(A, OrgUnitMode.DESCENDANTS)).containsExactlyInAnyOrder(A, A1, A11);
    assertThat(matching(ROOT, OrgUnitMode.CHILDREN)).containsExactlyInAnyOrder(ROOT, A, B);
    assertThat(matching(A11, OrgUnitMode.CHILDREN)).containsExactly(A11);
    assertThat(matching(null, OrgUnitMode.DESCENDANTS)).hasSize(5);
  }

  @Test
  @Transactional
  void uuidArraysDatesAndInstantsBindAndReadBack() {
    UUID[] ids = PgTypes.uuidArray(List.of(A, B));
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select cast(:a as uuid) = any(cast(:ids as uuid[])),"
                        + " cast(:ids as uuid[]), cast(:day as date), cast(:at as timestamptz)")
                .setParameter("a", B)
                .setParameter("ids", ids)
                .setParameter("day", LocalDate.of(2026, 2, 16))
                .setParameter("at", PgTypes.timestamp(Instant.parse("2026-02-16T01:02:03Z")))
                .getSingleResult();
    assertThat(row[0]).isEqualTo(true);
    assertThat(PgTypes.uuids(row[1])).containsExactly(A, B);
    assertThat(PgTypes.toDate(row[2])).isEqualTo(LocalDate.of(2026, 2, 16));
    assertThat(PgTypes.instant(row[3])).isEqualTo(Instant.parse("2026-02-16T01:02:03Z"));
    assertThat(PgTypes.toDate(null)).isNull();
    assertThat(PgTypes.longValue(null)).isZero();
  }
}
