package vn.danvan.shared.source;

/** What an upsert did: answered 201, 200 with a new version, or 200 with the stored one. */
public enum UpsertOutcome {
  CREATED,
  UPDATED,
  UNCHANGED
}
