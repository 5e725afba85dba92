package vn.danvan.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import vn.danvan.shared.time.BusinessTime;

/**
 * The application's clock in tests: the system clock unless a test fixes it with {@link #today};
 * {@link #reset} gives time back.
 */
public class TestClock extends Clock {

  private static volatile Clock delegate = Clock.systemUTC();

  /** Fixes the clock at noon of {@code day} in Vietnam. */
  public static void today(LocalDate day) {
    delegate = Clock.fixed(day.atTime(12, 0).atZone(BusinessTime.ZONE).toInstant(), ZoneOffset.UTC);
  }

  /** Sets the clock running from noon of {@code day} in Vietnam: it still ticks. */
  public static void runningFrom(LocalDate day) {
    Instant start = day.atTime(12, 0).atZone(BusinessTime.ZONE).toInstant();
    delegate = Clock.offset(Clock.systemUTC(), java.time.Duration.between(Instant.now(), start));
  }

  public static void reset() {
    delegate = Clock.systemUTC();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return delegate.withZone(zone);
  }

  @Override
  public Instant instant() {
    return delegate.instant();
  }

  /** Replaces the production clock for the whole test run. */
  public static class Producer {
    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock clock() {
      return new TestClock();
    }
  }
}
