package vn.danvan.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dialogue.DialogueFixtures.KH_246_HCM;
import static vn.danvan.dialogue.DialogueFixtures.announce;
import static vn.danvan.dialogue.DialogueFixtures.body;
import static vn.danvan.dialogue.DialogueFixtures.cancel;
import static vn.danvan.dialogue.DialogueFixtures.createdId;
import static vn.danvan.dialogue.DialogueFixtures.expectOk;
import static vn.danvan.dialogue.DialogueFixtures.hold;
import static vn.danvan.dialogue.DialogueFixtures.publish;
import static vn.danvan.dialogue.DialogueFixtures.question;
import static vn.danvan.dialogue.DialogueFixtures.transition;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.danvan.orgunit.UnitIds;
import vn.danvan.reporting.ComputedFigure;
import vn.danvan.reporting.FigureScope;
import vn.danvan.reporting.IndicatorAggregation;
import vn.danvan.reporting.IndicatorSource;
import vn.danvan.reporting.IndicatorSourceSpec;
import vn.danvan.reporting.IndicatorType;
import vn.danvan.reporting.ReportFigureService;
import vn.danvan.reporting.TemplateIndicator;

/**
 * The dialogue indicator sources of the reports: dialogues held in the window (by the day held),
 * those announced and with results published on time as of the state day, the questions raised and
 * answered; through ReportFigureService and the service's own method, in a ward of Hà Nội no other
 * test writes to.
 */
@QuarkusTest
class DialogueFiguresTest {

  static final String WARD = UnitIds.newCommune("00199").toString();

  @Inject ReportFigureService reports;
  @Inject DialogueService dialogues;

  @Test
  void heldOnTimeAndQuestions() {
    // A: on time; 2 questions, 1 answered
    dialogue("2025-09-10", "2025-09-01", "2025-09-15", 2, 1);
    // B: announced 2 days before (late); 3 questions, all answered
    dialogue("2025-09-20", "2025-09-18", "2025-09-22", 3, 3);
    // C: results due Sun 05/10/2025, so Mon 06/10; published 20/10 (late); 1 question
    dialogue("2025-09-25", "2025-09-10", "2025-10-20", 1, 0);
    // D: held after the window, on time
    dialogue("2025-10-02", "2025-09-20", "2025-10-05", 1, 1);
    // E: cancelled
    String e = createdId("admin", body(WARD, LocalDate.parse("2025-09-28"), "Đối thoại hủy"));
    expectOk(transition("admin", e, 0, cancel("Trùng lịch")));

    Map<String, ComputedFigure> f =
        reports.compute(
            indicators(),
            new FigureScope(
                null,
                "2025M09",
                UUID.fromString(WARD),
                LocalDate.parse("2025-09-30"),
                LocalDate.parse("2025-09-01"),
                LocalDate.parse("2025-09-30")));
    // states on 30/09: C's results are still in term, so not on time yet
    assertThat(value(f, IndicatorSource.DIALOGUES_HELD)).isEqualTo(3);
    assertThat(value(f, IndicatorSource.DIALOGUES_HELD_ON_TIME)).isEqualTo(1);
    assertThat(value(f, IndicatorSource.DIALOGUE_QUESTIONS_RAISED)).isEqualTo(6);
    assertThat(value(f, IndicatorSource.DIALOGUE_QUESTIONS_ANSWERED)).isEqualTo(4);

    DialogueService.Figures wider =
        dialogues.figures(
            List.of(UUID.fromString(WARD)),
            LocalDate.parse("2025-09-01"),
            LocalDate.parse("2025-10-31"),
            LocalDate.parse("2025-12-31"));
    assertThat(wider).isEqualTo(new DialogueService.Figures(4, 2, 7, 5));
    assertThat(
            dialogues.figures(
                List.of(),
                LocalDate.parse("2025-09-01"),
                LocalDate.parse("2025-10-31"),
                LocalDate.parse("2025-12-31")))
        .isEqualTo(new DialogueService.Figures(0, 0, 0, 0));
  }

  private static void dialogue(
      String heldOn, String announced, String published, int questions, int answered) {
    LocalDate held = LocalDate.parse(heldOn);
    String id = createdId("admin", body(WARD, held, "Đối thoại chỉ tiêu " + heldOn));
    expectOk(transition("admin", id, 0, announce(LocalDate.parse(announced))));
    List<Map<String, Object>> qs = new ArrayList<>();
    for (int i = 0; i < questions; i++) {
      qs.add(question("Câu hỏi " + i, i < answered ? "Trả lời " + i : null));
    }
    expectOk(transition("admin", id, 1, hold(held, qs)));
    expectOk(transition("admin", id, 2, publish(LocalDate.parse(published), KH_246_HCM)));
  }

  private static List<TemplateIndicator> indicators() {
    List<TemplateIndicator> out = new ArrayList<>();
    for (IndicatorSource s :
        List.of(
            IndicatorSource.DIALOGUES_HELD,
            IndicatorSource.DIALOGUES_HELD_ON_TIME,
            IndicatorSource.DIALOGUE_QUESTIONS_RAISED,
            IndicatorSource.DIALOGUE_QUESTIONS_ANSWERED)) {
      out.add(
          new TemplateIndicator(
              s.name(),
              "Chỉ tiêu " + s.name(),
              null,
              "lượt",
              IndicatorType.INTEGER,
              IndicatorAggregation.SUM,
              null,
              false,
              null,
              null,
              null,
              new IndicatorSourceSpec(s, null)));
    }
    return out;
  }

  private static long value(Map<String, ComputedFigure> f, IndicatorSource s) {
    ComputedFigure x = f.get(s.name());
    assertThat(x).as(s.name()).isNotNull();
    return x.value().longValue();
  }
}
