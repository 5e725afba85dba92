package vn.danvan.imports;

/** The running counts of an import. */
final class ImportCounts {
  int processed;
  int created;
  int updated;
  int unchanged;
  int errors;

  void add(ImportOutcome outcome) {
    processed++;
    switch (outcome) {
      case CREATED -> created++;
      case UPDATED -> updated++;
      case UNCHANGED -> unchanged++;
      case ERROR -> errors++;
    }
  }

  /** Nothing written: an ATOMIC import that failed or was cancelled keeps only its errors. */
  void discardWrites() {
    created = 0;
    updated = 0;
    unchanged = 0;
  }
}
