package vn.danvan.orgunit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What a unit was called, coded and placed under during [validFrom, validTo]. */
@Entity
@Table(name = "org_unit_version")
public class OrgUnitVersion extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "unit_id", nullable = false)
  public UUID unitId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public OrgUnitKind kind;

  @Column(nullable = false)
  public String name;

  @Column(name = "short_name")
  public String shortName;

  public String code;

  @Column(name = "parent_id")
  public UUID parentId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "uuid[]")
  public UUID[] path;

  @Column(nullable = false)
  public int depth;

  @Column(name = "valid_from", nullable = false)
  public LocalDate validFrom;

  @Column(name = "valid_to")
  public LocalDate validTo;

  boolean isValidOn(LocalDate day) {
    return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
  }

  OrgUnitVersion copyFrom(LocalDate from) {
    OrgUnitVersion v = new OrgUnitVersion();
    v.id = UUID.randomUUID();
    v.unitId = unitId;
    v.kind = kind;
    v.name = name;
    v.shortName = shortName;
    v.code = code;
    v.parentId = parentId;
    v.path = path.clone();
    v.depth = depth;
    v.validFrom = from;
    v.validTo = validTo;
    return v;
  }
}
