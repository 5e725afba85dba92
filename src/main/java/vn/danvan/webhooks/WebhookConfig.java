package vn.danvan.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Delivery of webhooks: schedules, timeouts, retries and the SSRF allow-list. */
@ConfigMapping(prefix = "danvan.webhooks")
public interface WebhookConfig {

  /** Whether the relay and the delivery workers run on this instance. */
  @WithDefault("true")
  boolean enabled();

  /** How often the relay turns new changes into deliveries. */
  @WithDefault("2s")
  Duration relayEvery();

  /** How often idle delivery workers look for due deliveries. */
  @WithDefault("1s")
  Duration deliverEvery();

  /** Changes read per subscription per relay pass. */
  @WithDefault("500")
  int relayBatch();

  /** Subscriptions served at once by one worker pass (one delivery in flight each). */
  @WithDefault("16")
  int parallelism();

  @WithDefault("5s")
  Duration connectTimeout();

  @WithDefault("10s")
  Duration readTimeout();

  /**
   * How long a claimed delivery stays a worker's: longer than a whole attempt; a worker that dies
   * leaves its claim to expire and another worker takes the delivery again.
   */
  @WithDefault("60s")
  Duration claimLease();

  /** The first retry's delay; each further retry doubles it, up to {@link #backoffCap()}. */
  @WithDefault("10s")
  Duration backoffBase();

  @WithDefault("1h")
  Duration backoffCap();

  /** Attempts before a delivery is dead-lettered (status DEAD). */
  @WithDefault("8")
  int maxAttempts();

  /**
   * Targets allowed although they resolve to loopback, private, link-local or other internal
   * addresses: host names or IP literals (matched against the URL's host exactly) and CIDR blocks
   * (matched against IP literals and resolved addresses), e.g. {@code
   * hooks.internal.example,10.20.0.0/16}.
   */
  Optional<List<String>> allowedTargets();
}
