package vn.danvan.shared.http;

import java.util.UUID;

/** A single-resource response: its id (for Location) and its version (for ETag). */
public interface Versioned {
  UUID id();

  long version();
}
