package vn.danvan.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.danvan.shared.sync.FeedRecordSource;

/** Subscriptions in the feed and in webhooks: as GET shows them to the caller, never the secret. */
@ApplicationScoped
class WebhookSubscriptionRecords implements FeedRecordSource {

  @Inject WebhookSubscriptionService subscriptions;

  @Override
  public Set<String> entityTypes() {
    return Set.of(WebhookSubscriptionService.ENTITY);
  }

  @Override
  public Map<UUID, Object> records(String entityType, List<UUID> ids) {
    return subscriptions.visible(ids);
  }
}
