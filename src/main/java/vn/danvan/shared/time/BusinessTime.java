package vn.danvan.shared.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates are dates of Asia/Ho_Chi_Minh; instants are UTC. Time comes from one Clock. */
@ApplicationScoped
public class BusinessTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }
}
