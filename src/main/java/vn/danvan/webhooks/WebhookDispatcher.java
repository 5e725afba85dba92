package vn.danvan.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import vn.danvan.shared.persistence.PgTypes;
import vn.danvan.shared.sync.FeedRecordSource;

/**
 * The delivery workers. A pass claims due deliveries with {@code FOR UPDATE SKIP LOCKED} — for each
 * subscription only its oldest undelivered one, so a subscription has one delivery in flight and
 * change n+1 waits until n is delivered or dead — and POSTs them in parallel (one virtual thread
 * each), signed per Standard Webhooks. 2xx is delivered; anything else is retried with exponential
 * backoff and jitter, and dead-lettered after the configured attempts. A worker that dies leaves
 * its claim to expire; the delivery is then taken again (at least once, with the same {@code
 * webhook-id}).
 */
@ApplicationScoped
public class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

  /** A pass keeps claiming while there is work, this long at most. */
  private static final long PASS_NANOS = 30_000_000_000L;

  @Inject WebhookRepository repo;
  @Inject WebhookConfig config;
  @Inject WebhookTargets targets;
  @Inject WebhookSubscriptionService subscriptions;
  @Inject OwnerContext owners;
  @Inject ObjectMapper mapper;
  @Inject @Any Instance<FeedRecordSource> sources;

  private HttpClient client;

  @PostConstruct
  void init() {
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Scheduled(
      every = "{danvan.webhooks.deliver-every}",
      identity = "webhook-deliver",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    if (config.enabled()) {
      deliverDue();
    }
  }

  /** Claims and attempts due deliveries until none is due; returns the attempts made. */
  public int deliverDue() {
    int total = 0;
    long end = System.nanoTime() + PASS_NANOS;
    while (System.nanoTime() < end) {
      UUID token = UUID.randomUUID();
      List<WebhookRepository.Delivery> claimed =
          QuarkusTransaction.requiringNew()
              .call(() -> repo.claim(config.parallelism(), token, config.claimLease().toMillis()));
      if (claimed.isEmpty()) {
        break;
      }
      Map<UUID, WebhookRepository.Subscription> subs =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      repo
                          .findAll(
                              claimed.stream()
                                  .map(WebhookRepository.Delivery::subscriptionId)
                                  .distinct()
                                  .toList())
                          .stream()
                          .collect(
                              Collectors.toMap(
                                  WebhookRepository.Subscription::id, Function.identity())));
      AtomicInteger attempts = new AtomicInteger();
      try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
        for (WebhookRepository.Delivery d : claimed) {
          workers.submit(
              () -> attempts.addAndGet(serve(d, subs.get(d.subscriptionId()), token, end)));
        }
      }
      total += attempts.get();
    }
    return total;
  }

  /**
   * Attempts a claimed delivery and, while they succeed (or die), the subscription's next ones in
   * order, each claimed in turn: one subscription's deliveries never wait for another's.
   */
  private int serve(
      WebhookRepository.Delivery first, WebhookRepository.Subscription s, UUID token, long end) {
    if (s == null) {
      return 0; // the subscription was deleted meanwhile, and its deliveries with it
    }
    int n = 0;
    try {
      String secret = subscriptions.secret(s);
      WebhookRepository.Delivery d = first;
      while (d != null) {
        n++;
        if (!attempt(d, s, secret, token) || System.nanoTime() > end) {
          break;
        }
        List<WebhookRepository.Delivery> next =
            QuarkusTransaction.requiringNew()
                .call(() -> repo.claim(s.id(), 1, token, config.claimLease().toMillis()));
        d = next.isEmpty() ? null : next.get(0);
      }
    } catch (RuntimeException e) {
      // the claim expires and the delivery is attempted again
      LOG.warnf(e, "Webhook deliveries of subscription %s interrupted", s.id());
    }
    return n;
  }

  /**
   * One attempt of one claimed delivery, and its outcome recorded; true when the subscription may
   * go on to its next delivery (this one delivered or dead).
   */
  private boolean attempt(
      WebhookRepository.Delivery d, WebhookRepository.Subscription s, String secret, UUID token) {
    Integer code = null;
    String error = null;
    try {
      URI uri = URI.create(s.url());
      String problem = targets.addressProblem(uri.getHost());
      if (problem != null) {
        error = "target not allowed: " + problem.substring(problem.lastIndexOf('.') + 1);
      } else {
        byte[] body = payload(d, s);
        long timestamp = System.currentTimeMillis() / 1000;
        HttpRequest request =
            HttpRequest.newBuilder(uri)
                .timeout(config.readTimeout())
                .header("content-type", "application/json")
                .header("user-agent", "danvan-webhooks/1")
                .header("webhook-id", d.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header(
                    "webhook-signature",
                    WebhookSignatures.sign(secret, d.eventId(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        code = response.statusCode();
        if (code / 100 != 2) {
          error = "HTTP " + code;
        }
      }
    } catch (HttpTimeoutException e) {
      error = "timeout";
    } catch (IOException e) {
      error = "connection failed";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false; // shutting down: the claim expires and another worker takes the delivery
    } catch (RuntimeException e) {
      LOG.warnf(e, "Webhook delivery %s failed before sending", d.id());
      error = "internal error";
    }
    WebhookDeliveryStatus status;
    long delay = 0;
    if (error == null) {
      status = WebhookDeliveryStatus.DELIVERED;
    } else if (d.attempts() >= config.maxAttempts()) {
      status = WebhookDeliveryStatus.DEAD;
      LOG.warnf(
          "Webhook delivery %s (subscription %s) dead after %d attempts: %s",
          d.id(), s.id(), d.attempts(), error);
    } else {
      status = WebhookDeliveryStatus.FAILED;
      delay = backoffMillis(d.attempts());
    }
    Integer finalCode = code;
    String finalError = error;
    long finalDelay = delay;
    boolean recorded =
        QuarkusTransaction.requiringNew()
            .call(() -> repo.finish(d.id(), token, status, finalCode, finalError, finalDelay));
    return recorded && status != WebhookDeliveryStatus.FAILED;
  }

  /** base × 2^(attempt−1), capped, then a random half of it taken off (jitter). */
  long backoffMillis(int attempt) {
    long base = config.backoffBase().toMillis();
    long cap = config.backoffCap().toMillis();
    long delay = base << Math.min(Math.max(attempt - 1, 0), 30);
    if (delay <= 0 || delay > cap) {
      delay = cap;
    }
    return delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
  }

  /**
   * The body: the change, and for an UPSERT the record as the subscription's owner may read it now
   * (from the feature's {@link FeedRecordSource}; absent when none renders the type or the owner
   * may not read the record). Rendered at each attempt, never stored: the deliveries table holds no
   * record content (personal data stays where it is encrypted).
   */
  private byte[] payload(WebhookRepository.Delivery d, WebhookRepository.Subscription s) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", d.eventId());
    body.put("type", d.entityType());
    body.put("operation", d.operation());
    body.put("entityId", d.entityId());
    if (d.entityVersion() != null) {
      body.put("version", d.entityVersion());
    }
    if (d.unitId() != null) {
      body.put("unitId", d.unitId());
    }
    body.put("changedAt", PgTypes.timestamp(d.changedAt()));
    if ("UPSERT".equals(d.operation())) {
      Object record = record(d, s);
      if (record != null) {
        body.put("record", record);
      }
    }
    try {
      return mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Webhook payload not serializable", e);
    }
  }

  private Object record(WebhookRepository.Delivery d, WebhookRepository.Subscription s) {
    for (FeedRecordSource source : sources) {
      if (source.entityTypes().contains(d.entityType())) {
        return owners.call(
            s.owner(),
            () ->
                QuarkusTransaction.requiringNew()
                    .call(() -> source.records(d.entityType(), List.of(d.entityId())))
                    .get(d.entityId()));
      }
    }
    return null;
  }
}
