package vn.danvan.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.danvan.orgunit.OrgUnitKind;
import vn.danvan.shared.time.WorkingDays;

/**
 * A reporting regime: the template version units fill in, how often, the rules of its periods'
 * dates, the collecting unit and the reporting units. Periods are reckoned from it, never stored.
 */
@Entity
@Table(name = "reporting_regime")
public class ReportingRegime extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String code;

  @Column(nullable = false)
  public String name;

  @Column(name = "template_id", nullable = false)
  public UUID templateId;

  @Column(name = "template_number", nullable = false)
  public int templateNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ReportingFrequency frequency;

  @Column(name = "first_period", nullable = false)
  public String firstPeriod;

  @Column(name = "last_period")
  public String lastPeriod;

  @Column(name = "starts_on", nullable = false)
  public LocalDate startsOn;

  @Column(name = "ends_on")
  public LocalDate endsOn;

  @Column(name = "source_directive_id")
  public UUID sourceDirectiveId;

  @Column(name = "cut_off_start_months", nullable = false)
  public int cutOffStartMonths;

  @Column(name = "cut_off_start_day", nullable = false)
  public int cutOffStartDay;

  @Column(name = "cut_off_end_months", nullable = false)
  public int cutOffEndMonths;

  @Column(name = "cut_off_end_day", nullable = false)
  public int cutOffEndDay;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "due_dates", columnDefinition = "jsonb", nullable = false)
  public List<RegimeLevelRule> dueDates = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "lock_rule", columnDefinition = "jsonb", nullable = false)
  public RegimeDateRule lockRule;

  @Column(name = "collecting_unit_id", nullable = false)
  public UUID collectingUnitId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "collecting_unit_path", columnDefinition = "uuid[]", nullable = false)
  public UUID[] collectingUnitPath;

  @Enumerated(EnumType.STRING)
  @Column(name = "reporting_targets", nullable = false)
  public ReportingUnitTargets reportingTargets;

  @Enumerated(EnumType.STRING)
  @Column(name = "reporting_kind")
  public OrgUnitKind reportingKind;

  @Column(name = "reporting_of_unit_id")
  public UUID reportingOfUnitId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "reporting_unit_ids", columnDefinition = "uuid[]", nullable = false)
  public UUID[] reportingUnitIds = new UUID[0];

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ReportingRegimeStatus status;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  CutOffRule cutOff() {
    return new CutOffRule(cutOffStartMonths, cutOffStartDay, cutOffEndMonths, cutOffEndDay);
  }

  /** The rules of the periods' dates over {@code calendar}. */
  PeriodSchedule schedule(WorkingDays calendar) {
    return new PeriodSchedule(
        frequency,
        cutOff(),
        dueDates.stream().map(RegimeLevelRule::toRule).toList(),
        lockRule.toRule(),
        calendar);
  }

  PeriodCode first() {
    return PeriodCode.tryParse(firstPeriod).orElseThrow();
  }

  /** The last period, or null when the regime is open-ended. */
  PeriodCode last() {
    return lastPeriod == null ? null : PeriodCode.tryParse(lastPeriod).orElseThrow();
  }

  /** The unit whose children or descendants report: the collecting unit unless named. */
  UUID reportingRoot() {
    return reportingOfUnitId != null ? reportingOfUnitId : collectingUnitId;
  }
}
