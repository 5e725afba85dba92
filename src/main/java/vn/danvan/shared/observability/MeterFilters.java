package vn.danvan.shared.observability;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Filters applied to every meter registry of the service. */
public class MeterFilters {

  /**
   * The Netty binder registers the gauge {@code netty.eventexecutor.workers} once per event-loop
   * group with the same (empty) tags, and Micrometer warns at startup about the second one. The
   * number of workers is configuration, not a measurement: leave the gauge out.
   */
  @Produces
  @Singleton
  MeterFilter withoutDuplicateNettyWorkerGauge() {
    return MeterFilter.denyNameStartsWith("netty.eventexecutor.workers");
  }
}
