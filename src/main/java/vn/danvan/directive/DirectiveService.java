package vn.danvan.directive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.attachment.AttachmentContent;
import vn.danvan.shared.attachment.AttachmentResponse;
import vn.danvan.shared.attachment.AttachmentStore;
import vn.danvan.shared.attachment.AttachmentUpload;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.error.ApiException.FieldError;
import vn.danvan.shared.http.ETags;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.security.UnitScope;
import vn.danvan.shared.source.Preconditions;
import vn.danvan.shared.source.Provenance;
import vn.danvan.shared.source.RequestProvenance;
import vn.danvan.shared.source.SourceKey;
import vn.danvan.shared.source.SourceWrites;
import vn.danvan.shared.source.UpsertOutcome;
import vn.danvan.shared.source.Upserted;
import vn.danvan.shared.time.BusinessTime;

/**
 * Official documents: the register of each issuing unit (numbers per calendar year, gap-free on
 * issue), their life by transitions, and the graph of references between them. The public face of
 * the feature. Who may read or write a document: {@link DirectiveAccess}, one rule; the obligations
 * its actions cascade to: {@link DirectiveObligationService}.
 */
@ApplicationScoped
public class DirectiveService {

  public static final String ENTITY = "DIRECTIVE";
  static final String REFERENCE_ENTITY = "DIRECTIVE_REFERENCE";
  static final int MAX_DEPTH = 50;
  private static final Logger LOG = Logger.getLogger(DirectiveService.class);

  /** Letters and digits in groups joined by - / . or &amp;: KH-UBND, QĐ/TW, 2015/NĐ-CP, UBND-VX. */
  private static final Pattern SYMBOL =
      Pattern.compile("[\\p{L}\\p{N}]+(?:[-/.&][\\p{L}\\p{N}]+)*");

  /** A symbol's leading type abbreviation, after an optional year (2015/NĐ-CP). */
  private static final Pattern TYPE_PART = Pattern.compile("(?:\\d{4}/)?([\\p{L}]+)[-/].+");

  @Inject DirectiveRepository repo;
  @Inject DirectiveGraphRepository graph;
  @Inject DirectiveAccess access;
  @Inject DirectiveObligationService obligations;
  @Inject DirectiveObligationRepository obligationRows;
  @Inject OrgUnitService units;
  @Inject UnitScope scope;
  @Inject CurrentUser user;
  @Inject AuditTrail audit;
  @Inject SourceWrites sources;
  @Inject AttachmentStore attachments;
  @Inject Clock clock;
  @Inject EntityManager em;

  // ------------------------------------------------------------------ reads

  /** The document; an admin's read of a secret one is audited (hence a write transaction). */
  @Transactional
  public DirectiveResponse get(UUID id) {
    Directive d = visible(id);
    access.auditSecretRead(d, "SECRET_DIRECTIVE_READ");
    return response(d);
  }

  /**
   * Whether the caller may read the document (another feature's check before linking to it): the
   * same rule as every read of this feature.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean readable(UUID id) {
    return id != null && access.find(id).isPresent();
  }

  /** The numbers of the documents among {@code ids} the caller may read (labels of figures). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, String> readableNumbers(java.util.Collection<UUID> ids) {
    return repo.readableNumbers(ids, access.roots());
  }

  /**
   * For the reports (issue 11 §5): how many documents {@code units} issued in [{@code from}, {@code
   * to}] (no scope check: a count of issued documents names none of them). One query.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long issuedCount(List<UUID> units, LocalDate from, LocalDate to) {
    return repo.issuedCount(units, from, to);
  }

  /**
   * For the reports: the implementing plans owed on {@code day} by {@code units} with a due date in
   * [{@code from}, {@code to}], per state of Decision 42/2014 on that day, as the coverage of each
   * directive counts them (an obligation passed on by a restructuring counts for its successor from
   * the effective date). No scope check. One query.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<CoverageState, Long> owedPlanStates(
      List<UUID> units, LocalDate from, LocalDate to, LocalDate day) {
    return obligationRows.owedStates(units, from, to, day);
  }

  /** One page of the documents matching {@code query} that the caller may read. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<DirectiveResponse> list(DirectiveQuery query, PageRequest page) {
    if (query.issuingUnitId() == null && query.orgUnitMode() != null) {
      throw ApiException.invalid("/query/issuingUnitId", "field.REQUIRED");
    }
    String tag = Cursor.tag("directives", query);
    Cursor.Keys keys = page.keys(tag, Cursor.KeyType.DATE, Cursor.KeyType.UUID);
    UUID[] roots = access.roots();
    List<Directive> rows =
        repo.page(
            query,
            roots,
            keys == null ? null : keys.date(0),
            keys == null ? null : keys.uuid(1),
            page.fetchSize());
    Map<UUID, List<ReferenceResponse>> refs =
        repo.references(rows.stream().map(d -> d.id).toList(), roots);
    return Page.of(
        rows,
        page.limit(),
        d -> DirectiveResponse.listItem(d, refs.getOrDefault(d.id, List.of())),
        d ->
            Cursor.encode(
                tag, d.issueDate == null ? LocalDate.of(9999, 12, 31) : d.issueDate, d.id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public DirectiveGraphResponse cascade(UUID id, Integer depth) {
    visible(id);
    return new DirectiveGraphResponse(id, graph.cascade(id, depth(depth), access.roots()));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public DirectiveGraphResponse basis(UUID id, Integer depth) {
    visible(id);
    return new DirectiveGraphResponse(id, graph.basis(id, depth(depth), access.roots()));
  }

  // ------------------------------------------------------------------ writes

  @Transactional
  public DirectiveResponse create(DirectiveRequest req) {
    return create(UUID.randomUUID(), req);
  }

  /** Creates a draft under a given id (the demo documents have well-known ids). */
  @Transactional
  public DirectiveResponse create(UUID id, DirectiveRequest req) {
    Provenance in =
        RequestProvenance.incoming(
            req.sourceSystem(), req.sourceId(), req.sourceVersion(), req.sourceUpdatedAt(), null);
    return insert(id, req, sources.claim(in));
  }

  /**
   * {@code PUT /directives/{id}}: creates a draft under a client-chosen id, or replaces the
   * document by the rules of {@link SourceWrites#replace} and of {@link #edit}.
   */
  @Transactional
  public Upserted<DirectiveResponse> upsert(UUID id, Preconditions pre, DirectiveRequest req) {
    return put(id, null, pre, req);
  }

  /** {@code PUT /directives/by-source/{sourceSystem}/{sourceId}}. */
  @Transactional
  public Upserted<DirectiveResponse> upsertBySource(
      SourceKey key, Preconditions pre, DirectiveRequest req) {
    return put(null, key, pre, req);
  }

  /**
   * The upsert by id ({@code key} null) or by source key ({@code id} null), without a transaction
   * boundary of its own (the import runs many in one). Every {@link ApiException} it throws comes
   * before the first write of the document.
   */
  Upserted<DirectiveResponse> put(UUID id, SourceKey key, Preconditions pre, DirectiveRequest req) {
    if (key != null) {
      // only the system itself (or an admin) writes by its keys: no probing of other systems' keys
      sources.claim(new Provenance(key.system(), key.id(), null, null));
    }
    Provenance in =
        RequestProvenance.incoming(
            req.sourceSystem(), req.sourceId(), req.sourceVersion(), req.sourceUpdatedAt(), key);
    Directive existing = key != null ? repo.findBySource(key) : repo.find(id);
    if (existing != null) {
      Directive d = visible(existing.id);
      requireWritable(d);
      boolean same = normalized(req).equals(stored(d));
      UpsertOutcome outcome = sources.replace(d.version, d.provenance(), pre, in, same);
      if (outcome == UpsertOutcome.UNCHANGED) {
        return new Upserted<>(outcome, response(d));
      }
      Provenance provenance = RequestProvenance.stored(d.provenance(), in);
      requireFreeKey(provenance, d.id);
      return new Upserted<>(outcome, edit(d, req, provenance));
    }
    Provenance claimed = sources.create(pre, in, "entity.DIRECTIVE");
    DirectiveResponse created = insert(id != null ? id : UUID.randomUUID(), req, claimed);
    return new Upserted<>(UpsertOutcome.CREATED, created);
  }

  private DirectiveResponse insert(UUID id, DirectiveRequest req, Provenance claimed) {
    Provenance provenance = RequestProvenance.stored(Provenance.NONE, claimed);
    requireFreeKey(provenance, id);
    Directive d = new Directive();
    d.id = id;
    d.status = DirectiveStatus.DRAFT;
    apply(d, req);
    d.provenance(provenance);
    d.createdAt = Instant.now(clock);
    d.updatedAt = d.createdAt;
    d.persist();
    em.flush();
    DirectiveResponse response = response(d);
    audit.created(ENTITY, d.id, d.issuingUnitId, d.version, response);
    LOG.infof("Directive %s created", d.id);
    return response;
  }

  /**
   * Edits a document. Once issued, its registration (type, number, symbol, issuer, date, secrecy)
   * is what the paper says and stays fixed; a changed document is a new one that AMENDS or REPLACES
   * it. Checked before anything is assigned.
   */
  private DirectiveResponse edit(Directive d, DirectiveRequest req, Provenance provenance) {
    if (d.status != DirectiveStatus.DRAFT
        && !registration(stored(d)).equals(registration(normalized(req)))) {
      throw ApiException.conflict("REGISTRATION_FIXED");
    }
    DirectiveResponse before = response(d);
    apply(d, req);
    d.provenance(provenance);
    d.updatedAt = Instant.now(clock);
    em.flush();
    DirectiveResponse after = response(d);
    audit.updated(ENTITY, d.id, d.issuingUnitId, d.version, before, after);
    return after;
  }

  /** 409 DUPLICATE when another document already carries the source key. */
  private void requireFreeKey(Provenance provenance, UUID id) {
    if (provenance.owned()) {
      Directive other = repo.findBySource(provenance.key());
      if (other != null && !other.id.equals(id)) {
        throw ApiException.conflict("DUPLICATE");
      }
    }
  }

  /**
   * A request as {@link #apply} would store it (trimmed, defaults filled in), without provenance:
   * the form in which an upsert compares its content with the stored document.
   */
  private static DirectiveRequest normalized(DirectiveRequest r) {
    boolean external = r.externalIssuer() != null && !r.externalIssuer().isBlank();
    List<DirectiveRequest.RecipientItem> recipients =
        r.recipients() == null
            ? List.of()
            : r.recipients().stream()
                .map(
                    i ->
                        new DirectiveRequest.RecipientItem(
                            i.unitId(),
                            i.unitId() == null && i.name() != null
                                ? i.name().trim()
                                : blankToNull(i.name()),
                            i.purpose()))
                .toList();
    return new DirectiveRequest(
        r.type(),
        r.number(),
        r.symbol() == null ? null : r.symbol().trim(),
        external ? null : r.issuingUnitId(),
        external ? r.externalIssuer().trim() : null,
        r.issueDate(),
        blankToNull(r.place()),
        r.title() == null ? null : r.title().trim(),
        blankToNull(r.body()),
        blankToNull(r.signerName()),
        blankToNull(r.signerTitle()),
        r.signingAuthority() == null ? SigningAuthority.DIRECT : r.signingAuthority(),
        blankToNull(r.delegationReference()),
        r.urgency() == null ? Urgency.NORMAL : r.urgency(),
        r.secrecy() == null ? Secrecy.NONE : r.secrecy(),
        recipients,
        r.obligations());
  }

  /** The stored document in the form of {@link #normalized}. */
  private static DirectiveRequest stored(Directive d) {
    return new DirectiveRequest(
        d.type,
        d.number,
        d.symbol,
        d.issuingUnitId,
        d.externalIssuer,
        d.issueDate,
        d.place,
        d.title,
        d.body,
        d.signerName,
        d.signerTitle,
        d.signingAuthority,
        d.delegationReference,
        d.urgency,
        d.secrecy,
        d.recipients.stream()
            .map(x -> new DirectiveRequest.RecipientItem(x.unitId, x.name, x.purpose))
            .toList(),
        d.obligations());
  }

  @Transactional
  public void delete(UUID id, long expectedVersion) {
    Directive d = visible(id);
    requireWritable(d);
    sources.requireOwner(d.provenance(), d.version);
    ETags.check(expectedVersion, d.version);
    if (d.status != DirectiveStatus.DRAFT) {
      throw ApiException.conflict("DIRECTIVE_NOT_DRAFT");
    }
    audit.deleted(ENTITY, d.id, d.issuingUnitId, response(d));
    attachments.deleteAll(ENTITY, d.id);
    d.delete();
    em.flush();
  }

  @Transactional
  public DirectiveResponse transition(UUID id, long expectedVersion, TransitionRequest req) {
    Directive d = visible(id);
    requireWritable(d);
    sources.requireOwner(d.provenance(), d.version);
    ETags.check(expectedVersion, d.version);
    DirectiveStatus next = d.status.after(req.action());
    if (next == null) {
      throw ApiException.illegalTransition("entity.DIRECTIVE", d.status, req.action());
    }
    DirectiveResponse before = response(d);
    if (req.action() == DirectiveAction.ISSUE) {
      issue(d);
    }
    d.status = next;
    d.updatedAt = Instant.now(clock);
    em.flush();
    if (req.action() == DirectiveAction.ISSUE) {
      obligations.issue(d);
      // the document may fulfil obligations of what it implements
      obligations.implemented(d.id);
    } else if (req.action() == DirectiveAction.REVOKE) {
      obligations.revoked(d.id);
    }
    DirectiveResponse after = response(d);
    audit.action(
        "DIRECTIVE_" + req.action().name(),
        ENTITY,
        d.id,
        d.issuingUnitId,
        d.version,
        before,
        after,
        req.reason());
    LOG.infof("Directive %s: %s", d.id, req.action());
    return after;
  }

  /**
   * Dates the document, and numbers it from the issuer's register unless it has a number. A
   * document is issued on the day it is signed or earlier (a paper one entered late), never ahead:
   * a future date would number it in a register not yet open and count it in coverage too early.
   */
  private void issue(Directive d) {
    LocalDate today = BusinessTime.today(clock);
    LocalDate day = d.issueDate != null ? d.issueDate : today;
    if (day.isAfter(today)) {
      throw new ApiException(
          422,
          "ISSUE_DATE_IN_FUTURE",
          List.of(FieldError.of("/issueDate", "field.ISSUE_DATE_AFTER_TODAY", today)));
    }
    Integer number = d.number;
    UUID[] path = null;
    if (d.issuingUnitId != null) {
      path = validIssuer(d.issuingUnitId, day, null);
      if (number == null) {
        number = repo.nextNumber(d.issuingUnitId, day.getYear(), d.series());
      } else {
        repo.registerNumber(d.issuingUnitId, day.getYear(), d.series(), number);
      }
    } else if (number == null) {
      throw ApiException.invalid("/number", "field.REQUIRED");
    }
    String full = fullNumber(number, d.symbol, d.issuingUnitId == null);
    requireFreeNumber(d.id, d.issuingUnitId, d.externalIssuer, day, d.secrecy, full);
    d.issueDate = day;
    d.number = number;
    d.fullNumber = full;
    if (path != null) {
      d.issuingUnitPath = path;
    }
  }

  /** Attaches a file (the signed copy, an annex) to a document the caller may edit. */
  @Transactional
  public AttachmentResponse addAttachment(UUID id, AttachmentUpload upload) {
    Directive d = visible(id);
    requireWritable(d);
    sources.requireOwner(d.provenance(), d.version);
    return attachments.store(ENTITY, d.id, d.issuingUnitId, upload);
  }

  /** The files of the document (the attachment store reads only inside a transaction). */
  @Transactional
  public List<AttachmentResponse> attachments(UUID id) {
    visible(id);
    return attachments.list(ENTITY, id);
  }

  @Transactional
  public AttachmentContent attachment(UUID id, UUID attachmentId) {
    Directive d = visible(id);
    AttachmentContent content = attachments.content(ENTITY, id, attachmentId);
    access.auditSecretRead(d, "SECRET_DIRECTIVE_ATTACHMENT_READ");
    return content;
  }

  @Transactional
  public ReferenceResponse addReference(UUID id, ReferenceRequest req) {
    Directive d = visible(id);
    requireWritable(d);
    sources.requireOwner(d.provenance(), d.version);
    if ((req.targetId() == null) == (req.citation() == null || req.citation().isBlank())) {
      throw ApiException.invalid("/targetId", "field.TARGET_OR_CITATION");
    }
    if (req.targetId() != null) {
      if (req.targetId().equals(id)) {
        throw ApiException.invalid("/targetId", "field.SELF_REFERENCE");
      }
      Optional<Directive> target = access.find(req.targetId());
      if (target.isEmpty()) {
        throw new ApiException(
            422,
            "UNKNOWN_DIRECTIVE",
            List.of(FieldError.of("/targetId", "field.UNKNOWN_DIRECTIVE")));
      }
      if (req.relation() == ReferenceRelation.IMPLEMENTS) {
        repo.lockImplementsGraph();
        if (repo.implementsTransitively(req.targetId(), id)) {
          throw ApiException.unprocessable("REFERENCE_CYCLE");
        }
      }
      if (repo.referenceExists(id, req.targetId(), req.relation())) {
        throw ApiException.conflict("DUPLICATE");
      }
    }
    DirectiveResponse before = response(d);
    UUID refId = UUID.randomUUID();
    String citation = req.targetId() == null ? req.citation().trim() : null;
    repo.insertReference(refId, id, req.targetId(), citation, req.relation(), Instant.now(clock));
    if (req.relation() == ReferenceRelation.IMPLEMENTS && d.status != DirectiveStatus.DRAFT) {
      obligations.implemented(id);
    }
    // the references are part of the document's representation: its version moves with them
    d.updatedAt = Instant.now(clock);
    em.flush();
    DirectiveResponse after = response(d);
    audit.updated(ENTITY, d.id, d.issuingUnitId, d.version, before, after);
    return after.references().stream().filter(r -> r.id().equals(refId)).findFirst().orElseThrow();
  }

  @Transactional
  public void removeReference(UUID id, UUID referenceId, long expectedVersion) {
    Directive d = visible(id);
    requireWritable(d);
    sources.requireOwner(d.provenance(), d.version);
    ETags.check(expectedVersion, d.version);
    DirectiveResponse before = response(d);
    Optional<ReferenceResponse> ref =
        before.references().stream().filter(r -> r.id().equals(referenceId)).findFirst();
    if (repo.deleteReference(id, referenceId) == 0) {
      throw ApiException.notFound("entity.DIRECTIVE_REFERENCE");
    }
    ref.filter(r -> r.relation() == ReferenceRelation.IMPLEMENTS && r.targetId() != null)
        .ifPresent(r -> obligations.referenceRemoved(r.targetId(), id));
    d.updatedAt = Instant.now(clock);
    em.flush();
    audit.updated(ENTITY, d.id, d.issuingUnitId, d.version, before, response(d));
  }

  // ------------------------------------------------------------------ rules

  /** Copies the request onto the document, checking every field; 400 lists all bad fields. */
  private void apply(Directive d, DirectiveRequest req) {
    List<FieldError> errors = new ArrayList<>();
    boolean internal = req.issuingUnitId() != null;
    boolean external = req.externalIssuer() != null && !req.externalIssuer().isBlank();
    if (internal == external) {
      errors.add(FieldError.of("/issuingUnitId", "field.ISSUER_EXCLUSIVE"));
    }
    String symbol = req.symbol().trim();
    Matcher typePart = TYPE_PART.matcher(symbol);
    if (!SYMBOL.matcher(symbol).matches()) {
      errors.add(FieldError.of("/symbol", "field.SYMBOL_FORMAT"));
    } else if (internal
        && req.type().abbreviation() != null
        && !(typePart.matches() && typePart.group(1).equals(req.type().abbreviation()))) {
      errors.add(FieldError.of("/symbol", "field.SYMBOL_TYPE", req.type().abbreviation()));
    }
    SigningAuthority authority =
        req.signingAuthority() == null ? SigningAuthority.DIRECT : req.signingAuthority();
    if ((authority == SigningAuthority.TL || authority == SigningAuthority.TUQ)
        && (req.delegationReference() == null || req.delegationReference().isBlank())) {
      errors.add(FieldError.of("/delegationReference", "field.DELEGATION_REQUIRED"));
    }
    List<DirectiveRequest.RecipientItem> recipients =
        req.recipients() == null ? List.of() : req.recipients();
    for (int i = 0; i < recipients.size(); i++) {
      DirectiveRequest.RecipientItem r = recipients.get(i);
      if ((r.unitId() == null) == (r.name() == null || r.name().isBlank())) {
        errors.add(FieldError.of("/recipients/" + i + "/unitId", "field.RECIPIENT_TARGET"));
      }
    }
    ObligationSpec obligations = req.obligations();
    if (obligations != null) {
      if ((obligations.kind() != null) != (obligations.targets() != ObligationTargets.RECIPIENTS)) {
        errors.add(FieldError.of("/obligations/kind", "field.OBLIGATION_KIND"));
      }
      if (req.issueDate() != null && obligations.dueDate().isBefore(req.issueDate())) {
        errors.add(FieldError.of("/obligations/dueDate", "field.DUE_DATE_BEFORE_ISSUE"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(400, "VALIDATION_FAILED", errors);
    }
    LocalDate day = req.issueDate() != null ? req.issueDate() : BusinessTime.today(clock);
    if (external && !user.isAdmin()) {
      throw ApiException.forbidden();
    }
    // nothing is assigned before every check has passed: a query would flush a half-made change
    UUID[] path = external ? null : validIssuer(req.issuingUnitId(), day, "/issuingUnitId");
    List<Directive.Recipient> lines = new ArrayList<>();
    for (int i = 0; i < recipients.size(); i++) {
      DirectiveRequest.RecipientItem r = recipients.get(i);
      if (r.unitId() != null && units.find(r.unitId(), day).isEmpty()) {
        throw ApiException.unknownUnit("/recipients/" + i + "/unitId");
      }
      Directive.Recipient line = new Directive.Recipient();
      line.unitId = r.unitId();
      line.name = r.unitId() == null ? r.name().trim() : blankToNull(r.name());
      line.purpose = r.purpose();
      lines.add(line);
    }
    Secrecy secrecy = req.secrecy() == null ? Secrecy.NONE : req.secrecy();
    String full = req.number() == null ? null : fullNumber(req.number(), symbol, external);
    requireFreeNumber(
        d.id,
        external ? null : req.issuingUnitId(),
        external ? req.externalIssuer().trim() : null,
        req.issueDate(),
        secrecy,
        full);
    d.issuingUnitId = external ? null : req.issuingUnitId();
    d.issuingUnitPath = path;
    d.externalIssuer = external ? req.externalIssuer().trim() : null;
    d.type = req.type();
    d.number = req.number();
    d.symbol = symbol;
    d.issueDate = req.issueDate();
    d.place = blankToNull(req.place());
    d.title = req.title().trim();
    d.body = blankToNull(req.body());
    d.signerName = blankToNull(req.signerName());
    d.signerTitle = blankToNull(req.signerTitle());
    d.signingAuthority = authority;
    d.delegationReference = blankToNull(req.delegationReference());
    d.urgency = req.urgency() == null ? Urgency.NORMAL : req.urgency();
    d.secrecy = secrecy;
    d.recipients.clear();
    d.recipients.addAll(lines);
    d.obligationTargets = obligations == null ? null : obligations.targets();
    d.obligationKind = obligations == null ? null : obligations.kind();
    d.obligationDueDate = obligations == null ? null : obligations.dueDate();
    d.fullNumber = full;
  }

  /**
   * The issuing unit's path on {@code day}: it must exist then (a district's document dated after
   * 30/6/2025 is refused) and stand in the caller's scope.
   */
  private UUID[] validIssuer(UUID unitId, LocalDate day, String pointer) {
    String at = pointer == null ? "/issueDate" : pointer;
    Optional<OrgUnitResponse> unit = units.find(unitId, day);
    if (unit.isEmpty() || !scope.contains(unitId)) {
      throw ApiException.unknownUnit(at);
    }
    if (!unit.get().active()) {
      throw new ApiException(
          422, "UNIT_NOT_VALID", List.of(FieldError.of(at, "field.UNIT_NOT_VALID_ON", day)));
    }
    return unit.get().path().toArray(UUID[]::new);
  }

  /**
   * {@code 847/KH-UBND}; numbers below 10 take a leading zero ({@code 02/CT-UBND}). Party documents
   * (symbols such as {@code QĐ/TW}) join number and symbol with a hyphen: {@code 23-QĐ/TW}.
   */
  static String fullNumber(int number, String symbol, boolean external) {
    String n = number < 10 ? "0" + number : Integer.toString(number);
    boolean party = external && symbol.contains("/") && !symbol.matches("\\d{4}/.*");
    return n + (party ? "-" : "/") + symbol;
  }

  private void requireFreeNumber(
      UUID id,
      UUID unitId,
      String externalIssuer,
      LocalDate issueDate,
      Secrecy secrecy,
      String full) {
    if (repo.numberTaken(id, unitId, externalIssuer, issueDate, Directive.series(secrecy), full)) {
      throw ApiException.conflict("DIRECTIVE_NUMBER_TAKEN", full, issueDate.getYear());
    }
  }

  private static String registration(DirectiveRequest d) {
    return String.join(
        "|",
        String.valueOf(d.type()),
        String.valueOf(d.number()),
        d.symbol(),
        String.valueOf(d.issuingUnitId()),
        String.valueOf(d.externalIssuer()),
        String.valueOf(d.issueDate()),
        String.valueOf(d.secrecy()),
        String.valueOf(d.obligations()));
  }

  // ------------------------------------------------------------------ helpers

  /** The document, or 404 when missing or not readable by the caller. */
  private Directive visible(UUID id) {
    return access.require(id);
  }

  private void requireWritable(Directive d) {
    access.requireWritable(d);
  }

  private DirectiveResponse response(Directive d) {
    return DirectiveResponse.of(
        d, repo.references(List.of(d.id), access.roots()).getOrDefault(d.id, List.of()));
  }

  private static int depth(Integer depth) {
    int value = depth == null ? 10 : depth;
    if (value < 1 || value > MAX_DEPTH) {
      throw ApiException.invalid("/query/depth", "field.DEPTH_RANGE", MAX_DEPTH);
    }
    return value;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  // ------------------------------------------------------------------ for the demo data

  /** Whether the document exists, whatever the caller's scope: one primary-key lookup. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(UUID id) {
    return repo.find(id) != null;
  }
}
