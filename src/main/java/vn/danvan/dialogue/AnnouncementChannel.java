package vn.danvan.dialogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** How a dialogue was announced to the people. */
@Schema(
    description =
        "Hình thức thông báo: LOUDSPEAKER (hệ thống truyền thanh cơ sở), NOTICE_BOARD (niêm yết tại"
            + " trụ sở), ELECTRONIC_PORTAL (cổng/trang thông tin điện tử), SOCIAL_NETWORK (mạng xã"
            + " hội), MEETING (họp tổ dân phố, thôn), OTHER (khác).",
    examples = "LOUDSPEAKER")
public enum AnnouncementChannel implements LabeledEnum {
  LOUDSPEAKER,
  NOTICE_BOARD,
  ELECTRONIC_PORTAL,
  SOCIAL_NETWORK,
  MEETING,
  OTHER
}
