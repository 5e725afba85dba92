package vn.danvan.reporting;

import java.util.UUID;

/** The versions of the consolidation of one period of a regime by one collecting unit. */
record ConsolidationQuery(UUID regimeId, String period, UUID collectingUnitId) {}
