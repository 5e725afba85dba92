package vn.danvan.shared.error;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * A bounded number of heavy requests of one kind running at once on an instance; one more is
 * answered 429 BUSY with {@code Retry-After} at once instead of queueing for memory and CPU the
 * others hold. Subclasses name the kind and read its bound from configuration.
 */
public abstract class BusySlots {

  private final Semaphore slots;
  private final long retryAfterSeconds;

  protected BusySlots(int maxConcurrent, long retryAfterSeconds) {
    this.slots = new Semaphore(Math.max(1, maxConcurrent));
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Runs {@code work} in a slot, or refuses at once (429 BUSY) when none is free. */
  public <T> T run(Supplier<T> work) {
    if (!slots.tryAcquire()) {
      throw ApiException.busy(retryAfterSeconds);
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
