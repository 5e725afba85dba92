package vn.danvan.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.crypto.PersonalDataCipher;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.paging.Cursor;
import vn.danvan.shared.paging.Page;
import vn.danvan.shared.paging.PageRequest;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.security.UnitScope;
import vn.danvan.shared.sync.FeedRecordSource;
import vn.danvan.sync.ChangeFeedService;

/**
 * Webhook subscriptions: admins and integration clients subscribe a URL to the changes of the feed
 * they may read (types, a unit), signed with a secret shown once. An integration client sees and
 * manages its own subscriptions, an admin everyone's; others' answer 404. Deliveries are made by
 * {@link WebhookRelay} and {@link WebhookDispatcher}, acting as the subscription's owner.
 */
@ApplicationScoped
public class WebhookSubscriptionService {

  public static final String ENTITY = "WEBHOOK_SUBSCRIPTION";
  static final String ENTITY_LABEL = "entity.WEBHOOK_SUBSCRIPTION";
  static final String DELIVERY_LABEL = "entity.WEBHOOK_DELIVERY";

  /** The feed's position format (the same as {@code GET /api/v1/changes}'s next and after). */
  static final String FEED = "changes";

  /**
   * The entity types of the change feed a subscription may name (plus any feed record source's).
   */
  static final Set<String> FEED_TYPES =
      Set.of(
          "ATTACHMENT",
          "CALENDAR_DAY",
          "DIRECTIVE",
          "DIRECTIVE_OBLIGATION",
          "ORG_UNIT",
          "RECEPTION_CASE",
          "RECEPTION_SESSION",
          "RECEPTION_VISIT",
          "REPORTING_REGIME",
          "REPORT_CONSOLIDATION",
          "REPORT_SUBMISSION",
          "REPORT_TEMPLATE",
          "TASK",
          "TASK_EXTENSION",
          "TASK_PROGRESS",
          ENTITY);

  /** The filters of a delivery list (its cursor's tag). */
  record DeliveryQuery(UUID subscriptionId, WebhookDeliveryStatus status) {}

  private static final Logger LOG = Logger.getLogger(WebhookSubscriptionService.class);

  @Inject WebhookRepository repo;
  @Inject ChangeFeedService feed;
  @Inject WebhookTargets targets;
  @Inject OrgUnitService units;
  @Inject UnitScope scope;
  @Inject CurrentUser user;
  @Inject AuditTrail audit;
  @Inject PersonalDataCipher cipher;
  @Inject Clock clock;
  @Inject @Any Instance<FeedRecordSource> sources;

  // ------------------------------------------------------------------ reads

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<WebhookSubscriptionResponse> list(PageRequest page) {
    String tag = Cursor.tag("webhook-subscriptions", ownerFilter());
    Cursor.Keys keys = page.keys(tag, Cursor.KeyType.INSTANT, Cursor.KeyType.UUID);
    List<WebhookRepository.Subscription> rows =
        repo.page(
            ownerFilter(),
            keys == null ? null : keys.instant(0),
            keys == null ? null : keys.uuid(1),
            page.fetchSize());
    return Page.of(
        rows,
        page.limit(),
        WebhookSubscriptionService::response,
        s -> Cursor.encode(tag, s.createdAt(), s.id()));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public WebhookSubscriptionResponse get(UUID id) {
    return response(requireVisible(id));
  }

  /** The subscriptions among {@code ids} the caller may see (for the feed's records). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, Object> visible(List<UUID> ids) {
    String owner = ownerFilter();
    return repo.findAll(ids).stream()
        .filter(s -> owner == null || owner.equals(s.owner().username()))
        .collect(Collectors.toMap(WebhookRepository.Subscription::id, s -> response(s)));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<WebhookDeliveryResponse> deliveries(
      UUID id, WebhookDeliveryStatus status, PageRequest page) {
    requireVisible(id);
    String tag = Cursor.tag("webhook-deliveries", new DeliveryQuery(id, status));
    Cursor.Keys keys = page.keys(tag, Cursor.KeyType.LONG);
    List<WebhookRepository.Delivery> rows =
        repo.deliveries(id, status, keys == null ? null : keys.longValue(0), page.fetchSize());
    return Page.of(
        rows, page.limit(), WebhookSubscriptionService::delivery, d -> Cursor.encode(tag, d.ord()));
  }

  // ------------------------------------------------------------------ writes

  /** Creates a subscription; the answer alone carries the secret. */
  @Transactional
  public WebhookSubscriptionResponse create(WebhookSubscriptionRequest req) {
    List<String> types = eventTypes(req.eventTypes());
    if (req.orgUnitMode() != null && req.orgUnitId() == null) {
      throw ApiException.invalid("/orgUnitId", "field.REQUIRED");
    }
    if (req.orgUnitId() != null
        && (!units.exists(req.orgUnitId()) || !scope.contains(req.orgUnitId()))) {
      throw ApiException.unknownUnit("/orgUnitId");
    }
    WebhookTargets.Target target = targets.check(req.url());
    UUID id = UUID.randomUUID();
    String secret = WebhookSignatures.newSecret();
    CurrentUser.Principal owner = user.principal();
    String description =
        req.description() == null || req.description().isBlank() ? null : req.description().trim();
    repo.insert(
        new WebhookRepository.Subscription(
            id,
            target.uri().toString(),
            types,
            req.orgUnitId(),
            req.orgUnitId() == null ? null : req.orgUnitMode(),
            description,
            cipher.encrypt(secret, secretContext(id)),
            owner,
            null,
            0,
            Instant.now(clock),
            0));
    WebhookSubscriptionResponse response = response(repo.find(id));
    audit.created(ENTITY, id, unitOf(response, owner), response.version(), response);
    LOG.infof("Webhook subscription %s created by %s", id, owner.username());
    return response.withSecret(secret);
  }

  @Transactional
  public void delete(UUID id) {
    WebhookRepository.Subscription s = requireVisible(id);
    WebhookSubscriptionResponse before = response(s);
    repo.delete(id);
    audit.deleted(ENTITY, id, unitOf(before, s.owner()), before);
    LOG.infof("Webhook subscription %s deleted", id);
  }

  /** Queues the change of a delivery again (same event id), after every other delivery. */
  @Transactional
  public WebhookDeliveryResponse redeliver(UUID id, UUID deliveryId) {
    requireVisible(id);
    if (repo.findDelivery(id, deliveryId) == null) {
      throw ApiException.notFound(DELIVERY_LABEL);
    }
    return delivery(repo.copy(id, deliveryId));
  }

  /**
   * Rewinds the subscription to a feed position ({@code after}, a {@code next} of the feed; blank:
   * the start of the feed): undelivered rows are dropped and the relay creates deliveries again
   * from there, with the same event ids as before.
   */
  @Transactional
  public WebhookSubscriptionResponse replay(UUID id, String after) {
    requireVisible(id);
    String txid = "0";
    long seq = 0;
    if (after != null && !after.isBlank()) {
      if (isOwnCursor(after)) {
        // the subscription's own position, as its cursor field shows it
        Cursor.Keys keys =
            Cursor.decodeParameter("after", FEED, after, Cursor.KeyType.XID, Cursor.KeyType.LONG);
        txid = keys.xid(0);
        seq = keys.longValue(1);
      } else {
        // a next of GET /api/v1/changes, read with any filters
        ChangeFeedService.Position position = feed.position("after", after);
        txid = position.txid();
        seq = position.seq();
      }
    }
    repo.lock(id);
    int dropped = repo.deleteOpen(id);
    repo.moveCursor(id, txid, seq);
    LOG.infof(
        "Webhook subscription %s replayed from %s/%d (%d undelivered dropped)",
        id, txid, seq, dropped);
    return response(repo.find(id));
  }

  // ------------------------------------------------------------------ rules

  private static boolean isOwnCursor(String cursor) {
    try {
      Cursor.decode(FEED, cursor, Cursor.KeyType.XID, Cursor.KeyType.LONG);
      return true;
    } catch (ApiException e) {
      return false;
    }
  }

  /** The decrypted secret of a subscription (for the workers). */
  String secret(WebhookRepository.Subscription s) {
    return cipher.decrypt(s.secret(), secretContext(s.id()));
  }

  private static String secretContext(UUID id) {
    return "webhook-secret:" + id;
  }

  private WebhookRepository.Subscription requireVisible(UUID id) {
    WebhookRepository.Subscription s = repo.find(id);
    String owner = ownerFilter();
    if (s == null || owner != null && !owner.equals(s.owner().username())) {
      throw ApiException.notFound(ENTITY_LABEL);
    }
    return s;
  }

  /** Null for an admin (every subscription), else the caller's name. */
  private String ownerFilter() {
    return user.isAdmin() ? null : user.username();
  }

  private List<String> eventTypes(List<String> requested) {
    if (requested == null) {
      return List.of();
    }
    Set<String> known = new TreeSet<>(FEED_TYPES);
    for (FeedRecordSource source : sources) {
      known.addAll(source.entityTypes());
    }
    Set<String> types = new LinkedHashSet<>();
    List<ApiException.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < requested.size(); i++) {
      String t = requested.get(i) == null ? "" : requested.get(i).trim();
      if (!known.contains(t)) {
        errors.add(
            ApiException.FieldError.of(
                "/eventTypes/" + i, "field.WEBHOOK_EVENT_TYPE_UNKNOWN", String.join(", ", known)));
      } else {
        types.add(t);
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(400, "VALIDATION_FAILED", errors);
    }
    return List.copyOf(types);
  }

  private static UUID unitOf(WebhookSubscriptionResponse s, CurrentUser.Principal owner) {
    return s.orgUnitId() != null ? s.orgUnitId() : owner.homeUnitId();
  }

  static WebhookSubscriptionResponse response(WebhookRepository.Subscription s) {
    return new WebhookSubscriptionResponse(
        s.id(),
        s.url(),
        s.eventTypes(),
        s.orgUnitId(),
        s.orgUnitMode(),
        s.description(),
        s.owner().username(),
        Cursor.encode(FEED, s.cursorTxid(), s.cursorSeq()),
        PgTypes.timestamp(s.createdAt()),
        s.version(),
        null);
  }

  static WebhookDeliveryResponse delivery(WebhookRepository.Delivery d) {
    boolean open =
        d.status() == WebhookDeliveryStatus.PENDING || d.status() == WebhookDeliveryStatus.FAILED;
    return new WebhookDeliveryResponse(
        d.id(),
        d.eventId(),
        d.entityType(),
        d.entityId(),
        d.operation(),
        d.entityVersion(),
        d.unitId(),
        PgTypes.timestamp(d.changedAt()),
        d.status(),
        d.attempts(),
        open ? PgTypes.timestamp(d.nextAttemptAt()) : null,
        PgTypes.timestamp(d.lastAttemptAt()),
        d.lastStatusCode(),
        d.lastError(),
        PgTypes.timestamp(d.deliveredAt()),
        PgTypes.timestamp(d.createdAt()));
  }
}
