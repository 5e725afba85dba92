package vn.danvan.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.dialogue.AnnouncementChannel;
import vn.danvan.dialogue.DialogueAction;
import vn.danvan.dialogue.DialogueKind;
import vn.danvan.dialogue.DialogueQuestion;
import vn.danvan.dialogue.DialogueRequest;
import vn.danvan.dialogue.DialogueResponse;
import vn.danvan.dialogue.DialogueRole;
import vn.danvan.dialogue.DialogueService;
import vn.danvan.dialogue.DialogueTransitionRequest;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.shared.logging.BulkLoad;
import vn.danvan.shared.time.BusinessTime;

/**
 * The grassroots dialogues of the demo wards, dated from the day the demo is loaded: An Hội Tây and
 * another ward of TP HCM held theirs and published the results on time; a third announced too late
 * and has not published its results yet; a fourth has one planned; phường Hạnh Thông (26890) has
 * none this year; a ward of Hà Nội held one.
 */
@ApplicationScoped
class DemoDialogues implements DemoStep {

  /** An Hội Tây: held, results published on time (the example of GET /dialogues/{id}). */
  static final UUID AN_HOI_TAY_HELD = id(1);

  private static final Logger LOG = Logger.getLogger(DemoDialogues.class);

  @Inject DialogueService dialogues;
  @Inject BulkLoad bulkLoad;
  @Inject Clock clock;

  @Override
  public void loadIfAbsent() {
    boolean present =
        QuarkusTransaction.requiringNew().call(() -> dialogues.exists(AN_HOI_TAY_HELD));
    if (!present) {
      bulkLoad.run(LOG, "Demo dialogues", this::build);
    }
  }

  private void build() {
    LocalDate today = BusinessTime.today(clock);
    UUID kh246 = DemoDirectives.KH_246_HCM;
    // An Hội Tây: announced 8 days before, held, results published 7 days after
    held(
        AN_HOI_TAY_HELD,
        "26882",
        "Đối thoại về chỉnh trang đô thị và an ninh trật tự",
        today.minusDays(40),
        today.minusDays(48),
        today.minusDays(33),
        kh246);
    // another ward, earlier in the year, also on time
    held(
        id(2),
        "26884",
        "Đối thoại về cải cách thủ tục hành chính tại phường",
        today.minusDays(90),
        today.minusDays(100),
        today.minusDays(85),
        kh246);
    // announced 3 days before only (4 days late), held, results not published yet
    held(
        id(3),
        "26876",
        "Đối thoại về vệ sinh môi trường và thu gom rác",
        today.minusDays(20),
        today.minusDays(23),
        null,
        null);
    // planned, upcoming
    plan(id(4), "26878", "Đối thoại về trật tự lòng lề đường", today.plusDays(25));
    // announced on time, upcoming
    UUID announced = id(5);
    DialogueResponse r =
        plan(announced, "26898", "Đối thoại về phòng cháy chữa cháy khu dân cư", today.plusDays(5));
    dialogues.transition(announced, r.version(), announce(today.minusDays(3)));
    // Hà Nội: a ward of the capital held one
    held(
        id(6),
        "00190",
        "Đối thoại về giải phóng mặt bằng mở rộng tuyến phố",
        today.minusDays(60),
        today.minusDays(70),
        today.minusDays(55),
        DemoDirectives.KH_2022_HA_NOI);
  }

  private DialogueResponse plan(UUID id, String ward, String topic, LocalDate planned) {
    return dialogues.create(
        id,
        new DialogueRequest(
            UnitIds.newCommune(ward),
            topic,
            null,
            DialogueKind.YEARLY,
            planned,
            List.of(),
            "Phối hợp Ủy ban MTTQ phường"));
  }

  private void held(
      UUID id,
      String ward,
      String topic,
      LocalDate heldOn,
      LocalDate announcedOn,
      LocalDate publishedOn,
      UUID document) {
    DialogueResponse r = plan(id, ward, topic, heldOn);
    r = dialogues.transition(id, r.version(), announce(announcedOn));
    r =
        dialogues.transition(
            id,
            r.version(),
            new DialogueTransitionRequest(
                DialogueAction.HOLD,
                null,
                null,
                heldOn,
                "Trần Thị Bình",
                DialogueRole.COMMITTEE_CHAIR,
                120,
                95,
                List.of(
                    new DialogueQuestion(
                        "Đề nghị sớm sửa chữa tuyến hẻm bị ngập khi mưa lớn.",
                        "UBND phường đã đưa vào kế hoạch sửa chữa trong quý tới.",
                        DialogueRole.COMMITTEE_CHAIR,
                        "Chủ tịch UBND phường"),
                    new DialogueQuestion(
                        "Đề nghị tăng cường tuần tra ban đêm.",
                        "Công an phường sẽ bố trí thêm tổ tuần tra.",
                        DialogueRole.OFFICIAL,
                        "Trưởng Công an phường"),
                    new DialogueQuestion(
                        "Đề nghị công khai tiến độ dự án nâng cấp chợ.", null, null, null)),
                null,
                null,
                null));
    if (publishedOn != null) {
      dialogues.transition(
          id,
          r.version(),
          new DialogueTransitionRequest(
              DialogueAction.PUBLISH_RESULTS,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              publishedOn,
              document,
              null));
    }
  }

  private static DialogueTransitionRequest announce(LocalDate on) {
    return new DialogueTransitionRequest(
        DialogueAction.ANNOUNCE,
        on,
        AnnouncementChannel.LOUDSPEAKER,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static UUID id(int n) {
    return UUID.fromString(String.format("00000000-0000-4e1a-9031-%012d", n));
  }
}
