package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.shared.sync.FeedRecordSource;

/**
 * The reporting records of the change feed: reports, consolidations, regimes and templates, each
 * exactly as its {@code GET /{id}} answers the caller, a few queries for a whole page.
 */
@ApplicationScoped
class ReportingFeedRecords implements FeedRecordSource {

  @Inject ReportSubmissionService submissions;
  @Inject ReportConsolidationService consolidations;
  @Inject ReportingRegimeService regimes;
  @Inject ReportTemplateService templates;

  @Override
  public Set<String> entityTypes() {
    return Set.of(
        ReportSubmissionService.ENTITY,
        ReportConsolidationService.ENTITY,
        ReportingRegimeService.ENTITY,
        ReportTemplateService.ENTITY);
  }

  @Override
  public Map<UUID, Object> records(String entityType, List<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<UUID, ?> found =
        switch (entityType) {
          case ReportSubmissionService.ENTITY -> submissions.readable(ids);
          case ReportConsolidationService.ENTITY -> consolidations.readable(ids);
          case ReportingRegimeService.ENTITY -> regimes.readable(ids);
          case ReportTemplateService.ENTITY -> templates.readable(ids);
          default -> Map.of();
        };
    return new HashMap<>(found);
  }
}
