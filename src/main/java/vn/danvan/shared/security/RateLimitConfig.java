package vn.danvan.shared.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Per-account request rate and failed-login throttling ({@code danvan.rate-limit.*}).
 *
 * <ul>
 *   <li>{@code enabled}: a token bucket per authenticated account; on by default in external mode
 *       (external database), off by default in embedded mode.
 *   <li>{@code capacity}: the burst an account may send at once.
 *   <li>{@code refill-per-second}: the sustained rate.
 *   <li>{@code failed-logins.*}: after {@code max} failed logins of one user name within {@code
 *       window}, further attempts for that name are refused for {@code lockout} (429).
 * </ul>
 */
@ConfigMapping(prefix = "danvan.rate-limit")
public interface RateLimitConfig {

  Optional<Boolean> enabled();

  @WithDefault("200")
  long capacity();

  @WithDefault("20")
  long refillPerSecond();

  FailedLogins failedLogins();

  interface FailedLogins {
    @WithDefault("true")
    boolean enabled();

    @WithDefault("10")
    int max();

    @WithDefault("PT5M")
    Duration window();

    @WithDefault("PT1M")
    Duration lockout();
  }
}
