package vn.danvan.reception;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import vn.danvan.shared.time.WorkingDays;

/** The rules of citizen reception that vary by law amendment or by place. */
@ConfigMapping(prefix = "danvan.reception")
public interface ReceptionConfig {

  Deadlines deadlines();

  /** Head-of-unit reception: unit kind → the period in which at least one day is due. */
  Map<String, CompliancePeriod> compliance();

  /**
   * The first day head-of-unit reception is owed in the agenda: a unit owes the whole periods that
   * begin on or after it and on or after the unit's own first day.
   */
  @WithDefault("2025-07-01")
  LocalDate headReceptionFrom();

  Retention retention();

  interface Deadlines {
    /** A deadline this close (in calendar days) is "due soon". */
    @WithDefault("3")
    int dueSoonDays();

    /** Rule name → days and whether they are working days. */
    Map<String, Rule> rules();
  }

  interface Rule {
    int days();

    @WithDefault("false")
    boolean workingDays();
  }

  interface Retention {
    /** How long after a case is closed its personal data is kept. */
    @WithDefault("P5Y")
    Period afterClose();

    /** When the erasure job runs (Quartz-like cron, server time). */
    @WithDefault("0 30 2 * * ?")
    String cron();
  }

  /** The deadline rules over the business calendar {@code calendar}. */
  default DeadlineRules deadlineRules(WorkingDays calendar) {
    Map<String, DeadlineRules.Rule> rules = new java.util.HashMap<>();
    deadlines()
        .rules()
        .forEach((k, r) -> rules.put(k, new DeadlineRules.Rule(r.days(), r.workingDays())));
    return new DeadlineRules(rules, calendar, deadlines().dueSoonDays());
  }
}
