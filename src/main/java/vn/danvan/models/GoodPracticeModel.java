package vn.danvan.models;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A "Dân vận khéo" model of good practice: its units (a lead unit and co-units, stored also as rows
 * of good_practice_model_unit for the filters), field, results, life and recognition, and the units
 * that replicated it.
 */
@Entity
@Table(name = "good_practice_model")
public class GoodPracticeModel extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "lead_unit_id", nullable = false)
  public UUID leadUnitId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "co_unit_ids", columnDefinition = "uuid[]", nullable = false)
  public UUID[] coUnitIds = new UUID[0];

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public GoodPracticeField field;

  @Column(nullable = false)
  public String title;

  public String description;

  @Column(name = "start_date", nullable = false)
  public LocalDate startDate;

  @Column(name = "registered_on", nullable = false)
  public LocalDate registeredOn;

  @Column(name = "people_reached")
  public Integer peopleReached;

  @Column(name = "households_reached")
  public Integer householdsReached;

  public String results;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "result_figures", columnDefinition = "jsonb", nullable = false)
  public List<Figure> resultFigures = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "replications", columnDefinition = "jsonb", nullable = false)
  public List<Replication> replications = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public GoodPracticeStatus status;

  @Column(name = "implementing_since")
  public LocalDate implementingSince;

  @Column(name = "discontinued_on")
  public LocalDate discontinuedOn;

  @Enumerated(EnumType.STRING)
  @Column(name = "recognition_level")
  public RecognitionLevel recognitionLevel;

  @Column(name = "recognition_directive_id")
  public UUID recognitionDirectiveId;

  @Column(name = "recognition_date")
  public LocalDate recognitionDate;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  /** One figure of the results, as stored. */
  public record Figure(String label, BigDecimal value, String unit) {}

  /** One unit that adopted the model, as stored. */
  public record Replication(UUID unitId, LocalDate adoptedOn, String note) {}
}
