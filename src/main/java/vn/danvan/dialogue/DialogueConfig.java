package vn.danvan.dialogue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import vn.danvan.shared.time.WorkingDays;

/**
 * The legal numbers of grassroots dialogues, kept in configuration because laws change them. The
 * defaults follow Luật Tổ chức chính quyền địa phương 72/2025/QH15, Điều 43 (in force from
 * 01/7/2025, two-level local government), which restates for commune-level authorities what Luật
 * Thực hiện dân chủ ở cơ sở 10/2022/QH15 and Nghị định 59/2023/NĐ-CP set: a dialogue conference at
 * least once a year, or when at least 10% of the commune's voters request it; its time, place,
 * content and way of attending announced at least 07 days before; its results made public no later
 * than 10 days from the day it was held. The law counts "ngày" (calendar days) unless it says "ngày
 * làm việc"; when the last day of a period ends on a day off the period ends on the next working
 * day (Bộ luật Dân sự 2015, Điều 148 khoản 5), which applies to the results (a period after the
 * event) and not to the announcement (a lead time before it, which a shift would shorten).
 */
@ConfigMapping(prefix = "danvan.dialogues")
public interface DialogueConfig {

  Announcement announcement();

  Results results();

  Yearly yearly();

  /** The share of the commune's voters whose request calls a dialogue (Luật 72/2025, Điều 43). */
  @WithDefault("10")
  int voterRequestPercent();

  interface Announcement {
    /** At least this many days before the dialogue ("chậm nhất 07 ngày trước"). */
    @WithDefault("7")
    int daysBefore();

    /** Whether {@link #daysBefore} counts working days (the law says calendar days). */
    @WithDefault("false")
    boolean workingDays();
  }

  interface Results {
    /** No later than this many days after the dialogue ("chậm nhất 10 ngày kể từ ngày tổ chức"). */
    @WithDefault("10")
    int daysAfter();

    /** Whether {@link #daysAfter} counts working days (the law says calendar days). */
    @WithDefault("false")
    boolean workingDays();

    /** A due date on a day off moves to the next working day (Bộ luật Dân sự 2015, Điều 148). */
    @WithDefault("true")
    boolean nextWorkingDayWhenOff();
  }

  interface Yearly {
    /** The first year the yearly obligation is counted (Luật 10/2022/QH15 in force 01/7/2023). */
    @WithDefault("2023")
    int firstYear();
  }

  /** The deadline arithmetic over the business calendar {@code calendar}. */
  default DialogueDeadlines deadlines(WorkingDays calendar) {
    return new DialogueDeadlines(
        announcement().daysBefore(),
        announcement().workingDays(),
        results().daysAfter(),
        results().workingDays(),
        results().nextWorkingDayWhenOff(),
        calendar);
  }
}
