package vn.danvan.shared.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A token bucket per account (bucket4j, in memory, per instance): {@code capacity} requests at
 * once, refilled at {@code refill-per-second}. Answers how long an account must wait, or zero.
 */
@ApplicationScoped
public class RateLimiter {

  /** Buckets are kept for accounts seen recently; past this many the map starts afresh. */
  static final int MAX_ACCOUNTS = 100_000;

  /** The limits in force: from configuration, replaceable at run time (tests, operations). */
  public record Settings(boolean enabled, long capacity, long refillPerSecond) {}

  @Inject RateLimitConfig config;

  @ConfigProperty(name = "danvan.embedded-db.active", defaultValue = "false")
  boolean embeddedDatabase;

  private volatile Settings settings;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  @PostConstruct
  void init() {
    settings =
        new Settings(
            config.enabled().orElse(!embeddedDatabase),
            config.capacity(),
            config.refillPerSecond());
  }

  public Settings settings() {
    return settings;
  }

  /** Replaces the limits in force and forgets every bucket. */
  public void configure(Settings next) {
    if (next.capacity() < 1 || next.refillPerSecond() < 1) {
      throw new IllegalArgumentException("capacity and refill-per-second must be positive");
    }
    settings = next;
    buckets.clear();
  }

  /** Restores the configured limits. */
  public void reset() {
    init();
    buckets.clear();
  }

  public boolean enabled() {
    return settings.enabled();
  }

  /** Takes one token of {@code account}: 0 when allowed, else the nanoseconds to wait. */
  public long tryConsume(String account) {
    Settings s = settings;
    if (!s.enabled()) {
      return 0;
    }
    if (buckets.size() > MAX_ACCOUNTS) {
      buckets.clear();
    }
    Bucket bucket = buckets.computeIfAbsent(account, a -> newBucket(s));
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
  }

  private static Bucket newBucket(Settings s) {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(s.capacity())
                .refillGreedy(s.refillPerSecond(), Duration.ofSeconds(1))
                .build())
        .build();
  }

  /** Seconds for {@code Retry-After}: whole seconds, rounded up, at least one. */
  public static long retryAfterSeconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }
}
