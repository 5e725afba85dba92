package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.danvan.shared.error.ApiException;

/**
 * At most {@code danvan.reporting.consolidation.max-concurrent} consolidations run at once on an
 * instance; one more is answered 429 BUSY with {@code Retry-After} instead of queueing. A
 * consolidation of the country reads thousands of frozen versions and holds its provenance in
 * memory (≈ 2.7 MB as JSON): 32 at once exhausted a 256 MB heap in the benchmark, taking every
 * other request down with them.
 */
@ApplicationScoped
public class ConsolidationSlots {

  private final Semaphore slots;

  ConsolidationSlots(
      @ConfigProperty(name = "danvan.reporting.consolidation.max-concurrent", defaultValue = "2")
          int maxConcurrent) {
    this.slots = new Semaphore(Math.max(1, maxConcurrent));
  }

  /**
   * Runs {@code work} in a slot, or refuses at once (429 BUSY, retry after 2 s) when none is free.
   */
  <T> T run(Supplier<T> work) {
    if (!slots.tryAcquire()) {
      throw ApiException.busy(2);
    }
    try {
      return work.get();
    } finally {
      slots.release();
    }
  }

  /** Test hook: takes every free slot; returns how many were taken. */
  public int takeAll() {
    return slots.drainPermits();
  }

  /** Test hook: gives back slots taken by {@link #takeAll}. */
  public void give(int n) {
    slots.release(n);
  }
}
