package vn.danvan.directive;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.danvan.shared.source.Provenance;

/** One official document as registered by its issuer (or recorded from an outside body). */
@Entity
@Table(name = "directive")
public class Directive extends PanacheEntityBase {

  @Id public UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DirectiveType type;

  public Integer number;

  @Column(nullable = false)
  public String symbol;

  @Column(name = "full_number")
  public String fullNumber;

  @Column(name = "issuing_unit_id")
  public UUID issuingUnitId;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "issuing_unit_path", columnDefinition = "uuid[]")
  public UUID[] issuingUnitPath;

  @Column(name = "external_issuer")
  public String externalIssuer;

  @Column(name = "issue_date")
  public LocalDate issueDate;

  public String place;

  @Column(nullable = false)
  public String title;

  public String body;

  @Column(name = "signer_name")
  public String signerName;

  @Column(name = "signer_title")
  public String signerTitle;

  @Enumerated(EnumType.STRING)
  @Column(name = "signing_authority", nullable = false)
  public SigningAuthority signingAuthority;

  @Column(name = "delegation_reference")
  public String delegationReference;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Urgency urgency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Secrecy secrecy;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DirectiveStatus status;

  /** Who must issue an implementing plan (null: nobody), see {@link ObligationSpec}. */
  @Enumerated(EnumType.STRING)
  @Column(name = "obligation_targets")
  public ObligationTargets obligationTargets;

  @Enumerated(EnumType.STRING)
  @Column(name = "obligation_kind")
  public vn.danvan.orgunit.OrgUnitKind obligationKind;

  @Column(name = "obligation_due_date")
  public LocalDate obligationDueDate;

  @ElementCollection
  @CollectionTable(name = "directive_recipient", joinColumns = @JoinColumn(name = "directive_id"))
  @OrderColumn(name = "position")
  public List<Recipient> recipients = new ArrayList<>();

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "source_system")
  public String sourceSystem;

  @Column(name = "source_id")
  public String sourceId;

  @Column(name = "source_version")
  public Long sourceVersion;

  @Column(name = "source_updated_at")
  public OffsetDateTime sourceUpdatedAt;

  @Version public long version;

  /** Where the document comes from when another system pushed it. */
  Provenance provenance() {
    return new Provenance(sourceSystem, sourceId, sourceVersion, sourceUpdatedAt);
  }

  void provenance(Provenance p) {
    sourceSystem = p.sourceSystem();
    sourceId = p.sourceId();
    sourceVersion = p.sourceVersion();
    sourceUpdatedAt = p.sourceUpdatedAt();
  }

  ObligationSpec obligations() {
    return obligationTargets == null
        ? null
        : new ObligationSpec(obligationTargets, obligationKind, obligationDueDate);
  }

  /** The number series of the issuer's register: secret documents are numbered apart. */
  String series() {
    return series(secrecy);
  }

  static String series(Secrecy secrecy) {
    return secrecy == Secrecy.NONE ? "NORMAL" : "SECRET";
  }

  /** One line of the "Nơi nhận" list. */
  @Embeddable
  public static class Recipient {
    @Column(name = "unit_id")
    public UUID unitId;

    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecipientPurpose purpose;
  }
}
