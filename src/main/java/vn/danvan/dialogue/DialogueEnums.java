package vn.danvan.dialogue;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.danvan.shared.reference.EnumContributor;
import vn.danvan.shared.reference.LabeledEnum;

@ApplicationScoped
class DialogueEnums implements EnumContributor {
  @Override
  public List<Class<? extends LabeledEnum>> enums() {
    return List.of(
        DialogueStatus.class,
        DialogueAction.class,
        DialogueKind.class,
        AnnouncementChannel.class,
        DialogueRole.class);
  }
}
