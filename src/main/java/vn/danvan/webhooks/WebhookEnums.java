package vn.danvan.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.danvan.shared.reference.EnumContributor;
import vn.danvan.shared.reference.LabeledEnum;

@ApplicationScoped
class WebhookEnums implements EnumContributor {
  @Override
  public List<Class<? extends LabeledEnum>> enums() {
    return List.of(WebhookDeliveryStatus.class);
  }
}
