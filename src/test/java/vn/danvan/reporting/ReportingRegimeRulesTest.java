package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.danvan.orgunit.OrgUnitKind;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.time.SeededCalendar;

/** The rules of regimes without a server: statuses, the checked span, the body's validation. */
class ReportingRegimeRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  @Test
  void statusesMoveOnlyForward() {
    assertThat(ReportingRegimeStatus.DRAFT.after(ReportingRegimeAction.ACTIVATE))
        .isEqualTo(ReportingRegimeStatus.ACTIVE);
    assertThat(ReportingRegimeStatus.ACTIVE.after(ReportingRegimeAction.ACTIVATE)).isNull();
    assertThat(ReportingRegimeStatus.RETIRED.after(ReportingRegimeAction.ACTIVATE)).isNull();
    assertThat(ReportingRegimeStatus.DRAFT.after(ReportingRegimeAction.RETIRE))
        .isEqualTo(ReportingRegimeStatus.RETIRED);
    assertThat(ReportingRegimeStatus.ACTIVE.after(ReportingRegimeAction.RETIRE))
        .isEqualTo(ReportingRegimeStatus.RETIRED);
    assertThat(ReportingRegimeStatus.RETIRED.after(ReportingRegimeAction.RETIRE)).isNull();
  }

  @Test
  void anOpenEndedRegimeIsCheckedThroughTheEndOfNextYear() {
    PeriodCode first = PeriodCode.quarter(2026, 3);
    assertThat(ReportingRegimeValidator.checkedPeriods(first, null, 2026))
        .extracting(PeriodCode::code)
        .containsExactly("2026Q3", "2026Q4", "2027Q1", "2027Q2", "2027Q3", "2027Q4");
    // a regime starting later is checked through the year after its first
    assertThat(ReportingRegimeValidator.checkedPeriods(PeriodCode.annual(2030), null, 2026))
        .extracting(PeriodCode::code)
        .containsExactly("2030", "2031");
    assertThat(ReportingRegimeValidator.checkedPeriods(PeriodCode.nineMonths(2026), null, 2026))
        .extracting(PeriodCode::code)
        .containsExactly("2026N9", "2027N9");
    assertThat(ReportingRegimeValidator.checkedPeriods(PeriodCode.half(2100, 1), null, 2100))
        .extracting(PeriodCode::code)
        .containsExactly("2100S1", "2100S2");
    // a closed span: every period of it
    assertThat(
            ReportingRegimeValidator.checkedPeriods(
                PeriodCode.month(2023, 1), PeriodCode.month(2024, 12), 2026))
        .hasSize(24);
  }

  private static ReportingRegimeRequest request(
      ReportingFrequency frequency,
      String first,
      String last,
      RegimeCutOff cutOff,
      Integer communeMonthsAfter) {
    return new ReportingRegimeRequest(
        " KH847-GV-2023-6T ",
        " Báo cáo 6 tháng ",
        UUID.randomUUID(),
        1,
        frequency,
        first,
        last,
        null,
        cutOff,
        List.of(
            new RegimeLevelRule("COMMUNE", DueDateKind.DAY_OF_MONTH, communeMonthsAfter, 3, null),
            new RegimeLevelRule("DISTRICT", DueDateKind.DAY_OF_MONTH, 1, 5, null)),
        new RegimeDateRule(DueDateKind.DAY_OF_MONTH, 1, 15, null),
        UUID.randomUUID(),
        new ReportingUnitsSpec(
            ReportingUnitTargets.CHILD_UNITS_OF_KIND, OrgUnitKind.COMMUNE, null, null));
  }

  @Test
  void aValidBodyComesBackNormalised() {
    ReportingRegimeValidator.ValidRegime v =
        new ReportingRegimeValidator()
            .validate(
                request(
                    ReportingFrequency.SEMI_ANNUAL,
                    "2023S1",
                    "2023S1",
                    new RegimeCutOff(-1, 15, -2, 14, true),
                    1),
                SeededCalendar.workingDays(),
                TODAY);
    assertThat(v.code()).isEqualTo("KH847-GV-2023-6T");
    assertThat(v.name()).isEqualTo("Báo cáo 6 tháng");
    assertThat(v.first()).isEqualTo(PeriodCode.half(2023, 1));
    assertThat(v.cutOff()).isEqualTo(new CutOffRule(-1, 15, -2, 14));
    assertThat(v.dueDates().getFirst().rule()).isEqualTo(new DueDateRule.DayOfMonth(1, 3));
    assertThat(v.unitIds()).isEmpty();
  }

  @Test
  void theDatesOfEveryPeriodAreChecked() {
    // monthsAfter defaults to 0: wards by the 3rd of the month of the cut-off (14/6 -> 3/6),
    // before the cut-off: refused, with the first period that breaks it
    ReportingRegimeRequest r =
        request(
            ReportingFrequency.SEMI_ANNUAL,
            "2023S1",
            null,
            new RegimeCutOff(-1, 15, 0, 14, null),
            null);
    assertThatThrownBy(
            () -> new ReportingRegimeValidator().validate(r, SeededCalendar.workingDays(), TODAY))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.errors())
                  .extracting(ApiException.FieldError::pointer)
                  .containsExactly("/dueDates/0/day");
              assertThat(e.errors().getFirst().args()).startsWith("2023S1");
            });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "entity.REPORTING_REGIME",
        "entity.REPORTING_PERIOD",
        "title.REPORTING_REGIME_CODE_TAKEN",
        "detail.REPORTING_REGIME_CODE_TAKEN",
        "field.REGIME_CODE_TAKEN",
        "title.UNKNOWN_REPORT_TEMPLATE",
        "detail.UNKNOWN_REPORT_TEMPLATE",
        "field.UNKNOWN_REPORT_TEMPLATE",
        "title.TEMPLATE_VERSION_NOT_PUBLISHED",
        "detail.TEMPLATE_VERSION_NOT_PUBLISHED",
        "field.TEMPLATE_VERSION_NOT_PUBLISHED",
        "field.REGIME_FREQUENCY",
        "field.ONLY_WITH_KIND_TARGETS",
        "field.RULE_FIELD_UNUSED",
        "field.PERIOD_COUNT"
      })
  void messagesInBothLanguages(String key) {
    for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
      ResourceBundle bundle =
          ResourceBundle.getBundle(
              "messages.problems",
              locale,
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
      assertThat(bundle.getString(key)).isNotBlank();
    }
  }

  @Test
  void enumsAreLabelled() {
    for (Enum<?> e :
        List.<Enum<?>>of(
            ReportingRegimeStatus.ACTIVE,
            ReportingRegimeStatus.DRAFT,
            ReportingRegimeStatus.RETIRED,
            ReportingRegimeAction.ACTIVATE,
            ReportingRegimeAction.RETIRE,
            ReportingUnitTargets.UNITS,
            ReportingUnitTargets.CHILD_UNITS_OF_KIND,
            ReportingUnitTargets.DESCENDANT_UNITS_OF_KIND)) {
      var labeled = (vn.danvan.shared.reference.LabeledEnum) e;
      assertThat(labeled.labelVi()).isNotEqualTo(e.name());
      assertThat(labeled.labelEn()).isNotEqualTo(e.name());
    }
    assertThat(new ReportingEnums().enums())
        .contains(
            ReportingRegimeStatus.class, ReportingRegimeAction.class, ReportingUnitTargets.class);
  }
}
