package vn.danvan.shared.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code max} failed logins of one user name within {@code
 * window}, every attempt for that name (right password or not) is refused for {@code lockout}. Only
 * that name is affected; other accounts log in as usual. Counts are kept in memory per instance.
 */
@ApplicationScoped
public class LoginThrottle {

  static final int MAX_NAMES = 100_000;

  /** The rules in force: from configuration, replaceable at run time (tests, operations). */
  public record Settings(boolean enabled, int max, Duration window, Duration lockout) {}

  private record Failures(int count, Instant first, Instant lockedUntil) {}

  @Inject RateLimitConfig config;
  @Inject Clock clock;

  private volatile Settings settings;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  @PostConstruct
  void init() {
    RateLimitConfig.FailedLogins c = config.failedLogins();
    settings = new Settings(c.enabled(), c.max(), c.window(), c.lockout());
  }

  public void configure(Settings next) {
    settings = next;
    failures.clear();
  }

  public void reset() {
    init();
    failures.clear();
  }

  /** Zero when {@code username} may try to log in, else how long it must wait. */
  public Duration waitFor(String username) {
    Settings s = settings;
    if (!s.enabled() || username == null) {
      return Duration.ZERO;
    }
    Failures f = failures.get(username);
    Instant now = clock.instant();
    if (f == null || f.lockedUntil() == null || !now.isBefore(f.lockedUntil())) {
      return Duration.ZERO;
    }
    return Duration.between(now, f.lockedUntil());
  }

  public void failed(String username) {
    Settings s = settings;
    if (!s.enabled() || username == null) {
      return;
    }
    if (failures.size() > MAX_NAMES) {
      failures.clear();
    }
    Instant now = clock.instant();
    failures.compute(
        username,
        (name, f) -> {
          if (f == null || now.isAfter(f.first().plus(s.window()))) {
            f = new Failures(0, now, null);
          }
          int count = f.count() + 1;
          Instant locked = count >= s.max() ? now.plus(s.lockout()) : null;
          // a lockout that ends starts a new window
          return locked == null
              ? new Failures(count, f.first(), null)
              : new Failures(0, now.plus(s.lockout()), locked);
        });
  }

  public void succeeded(String username) {
    if (username != null) {
      failures.remove(username);
    }
  }

  /**
   * Why an attempt was refused: its user name failed too often (the cause of the authentication
   * failure); answered 429 with Retry-After.
   */
  public static final class Throttled extends RuntimeException {
    private final long retryAfterSeconds;

    public Throttled(Duration wait) {
      super("login throttled", null, false, false);
      this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }
}
