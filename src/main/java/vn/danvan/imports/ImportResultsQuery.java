package vn.danvan.imports;

import java.util.UUID;

/** The filters of the per-item results of one import. */
record ImportResultsQuery(UUID importId, ImportOutcome outcome) {}
