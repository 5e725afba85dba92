package vn.danvan.agenda;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** What a notice says of its obligation; each is the change-log entity type of its notices. */
@Schema(
    description =
        "Sự kiện của thông báo: DUE_SOON (sắp đến hạn: đang trong hạn, hạn trong vài ngày tới; loại"
            + " đối tượng OBLIGATION_DUE_SOON), OVERDUE (đã quá hạn mà chưa hoàn thành; loại đối tượng"
            + " OBLIGATION_OVERDUE).",
    examples = "OVERDUE")
public enum ObligationNoticeEvent implements LabeledEnum {
  DUE_SOON("OBLIGATION_DUE_SOON"),
  OVERDUE("OBLIGATION_OVERDUE");

  private final String entityType;

  ObligationNoticeEvent(String entityType) {
    this.entityType = entityType;
  }

  /** The change-log entity type of this event's notices. */
  public String entityType() {
    return entityType;
  }

  /** The event whose notices have this entity type, or null. */
  static ObligationNoticeEvent ofEntityType(String type) {
    for (ObligationNoticeEvent e : values()) {
      if (e.entityType.equals(type)) {
        return e;
      }
    }
    return null;
  }
}
