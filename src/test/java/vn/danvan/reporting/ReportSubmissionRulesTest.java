package vn.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.danvan.shared.error.ApiException.FieldError;

/** The content rules of a report and its status machine, without the database. */
class ReportSubmissionRulesTest {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static TemplateIndicator indicator(
      String code,
      IndicatorType type,
      boolean required,
      String min,
      String max,
      IndicatorTarget t) {
    return new TemplateIndicator(
        code,
        "Chỉ tiêu " + code,
        null,
        null,
        type,
        type == IndicatorType.TEXT ? IndicatorAggregation.NONE : IndicatorAggregation.SUM,
        null,
        required,
        min == null ? null : new BigDecimal(min),
        max == null ? null : new BigDecimal(max),
        t,
        null);
  }

  private static final ReportSubmissionRules RULES =
      new ReportSubmissionRules(
          List.of(
              new TemplateSection("KET_QUA", "Kết quả đạt được", null, null, true, null),
              new TemplateSection(
                  "SO_LIEU",
                  "Số liệu",
                  null,
                  null,
                  false,
                  List.of(
                      indicator("LUOT", IndicatorType.INTEGER, true, "0", null, null),
                      indicator(
                          "SIPAS",
                          IndicatorType.PERCENT,
                          false,
                          null,
                          null,
                          new IndicatorTarget(TargetOperator.GTE, new BigDecimal("85"))),
                      indicator("TIEN", IndicatorType.DECIMAL, false, null, "1000", null),
                      indicator("GHI_CHU", IndicatorType.TEXT, false, null, null, null),
                      indicator(
                          "CO_HOI_NGHI",
                          IndicatorType.BOOLEAN,
                          false,
                          null,
                          null,
                          new IndicatorTarget(TargetOperator.EQ, BigDecimal.ONE))))));

  private static List<String> pointers(List<FieldError> errors) {
    return errors.stream().map(FieldError::pointer).toList();
  }

  private static Map<String, SubmissionValue> stored(Object... codesAndValues) {
    Map<String, SubmissionValue> m = new LinkedHashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < codesAndValues.length; i += 2) {
      JsonNode v = json.valueToTree(codesAndValues[i + 1]);
      m.put((String) codesAndValues[i], new SubmissionValue(v, null, null, null));
    }
    return m;
  }

  @Test
  void typesAreCheckedAtEveryEdit() {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    values.put("LUOT", F.numberNode(new BigDecimal("2.5")));
    values.put("SIPAS", F.textNode("90"));
    values.put("TIEN", F.numberNode(new BigDecimal("12.34567")));
    values.put("GHI_CHU", F.numberNode(1));
    values.put("CO_HOI_NGHI", F.textNode("true"));
    values.put("KHAC", F.numberNode(1));
    values.put("a/b~c", F.numberNode(1));
    List<FieldError> errors = RULES.typeErrors(values);
    assertThat(pointers(errors))
        .containsExactly(
            "/values/LUOT",
            "/values/SIPAS",
            "/values/TIEN",
            "/values/GHI_CHU",
            "/values/CO_HOI_NGHI",
            "/values/KHAC",
            "/values/a~1b~0c");
    assertThat(errors.get(0).messageKey()).isEqualTo("field.WHOLE_NUMBER");
    assertThat(errors.get(2).messageKey()).isEqualTo("field.REPORT_NUMBER_DIGITS");

    Map<String, JsonNode> good = new LinkedHashMap<>();
    good.put("LUOT", F.numberNode(new BigDecimal("3.0")));
    good.put("SIPAS", F.numberNode(92.5));
    good.put("TIEN", F.nullNode());
    good.put("GHI_CHU", F.textNode("Không có"));
    good.put("CO_HOI_NGHI", F.booleanNode(false));
    assertThat(RULES.typeErrors(good)).isEmpty();
    assertThat(ReportSubmissionRules.typeError(IndicatorType.DECIMAL, F.numberNode(1e300)))
        .isEqualTo("field.REPORT_NUMBER_DIGITS");
    assertThat(RULES.narrativeErrors(Map.of("SO_LIEU", "x"))).hasSize(1);
    assertThat(RULES.narrativeErrors(Map.of("KET_QUA", "x"))).isEmpty();
  }

  @Test
  void requiredAndBoundsAtSubmitTargetsOnlyWarn() {
    assertThat(pointers(RULES.submitErrors(Map.of()))).containsExactly("/values/LUOT");
    List<FieldError> errors =
        RULES.submitErrors(stored("LUOT", -1, "SIPAS", 101, "TIEN", new BigDecimal("1000.5")));
    assertThat(pointers(errors)).containsExactly("/values/LUOT", "/values/SIPAS", "/values/TIEN");
    assertThat(errors.get(0).messageKey()).isEqualTo("field.REPORT_BELOW_MIN");
    assertThat(errors.get(1).messageKey()).isEqualTo("field.PERCENT_RANGE");
    assertThat(errors.get(2).messageKey()).isEqualTo("field.REPORT_ABOVE_MAX");

    Map<String, SubmissionValue> ok = stored("LUOT", 0, "SIPAS", 80, "CO_HOI_NGHI", false);
    assertThat(RULES.submitErrors(ok)).isEmpty();
    List<SubmissionWarning> warnings = RULES.warnings(ok);
    assertThat(warnings)
        .extracting(SubmissionWarning::code)
        .containsExactly("SIPAS", "CO_HOI_NGHI");
    assertThat(warnings.get(0).value()).isEqualByComparingTo("80");
    assertThat(RULES.warnings(stored("LUOT", 0, "SIPAS", 85, "CO_HOI_NGHI", true))).isEmpty();
  }

  @Test
  void enteredAndComputedDifferByValue() {
    assertThat(SubmissionValue.differ(F.numberNode(2), F.numberNode(new BigDecimal("2.0"))))
        .isFalse();
    assertThat(SubmissionValue.differ(F.numberNode(2), F.numberNode(3))).isTrue();
    assertThat(SubmissionValue.differ(null, F.nullNode())).isFalse();
    assertThat(SubmissionValue.differ(F.numberNode(2), null)).isTrue();
    SubmissionValueResponse r =
        SubmissionValueResponse.of(
            new SubmissionValue(
                F.numberNode(5),
                F.numberNode(4),
                new IndicatorSourceSpec(IndicatorSource.values()[0], null),
                null));
    assertThat(r.differs()).isTrue();
    assertThat(SubmissionValueResponse.of(null).value()).isNull();
  }

  @Test
  void statusMachine() {
    ReportSubmissionStatus d = ReportSubmissionStatus.DRAFT;
    ReportSubmissionStatus s = ReportSubmissionStatus.SUBMITTED;
    ReportSubmissionStatus r = ReportSubmissionStatus.RETURNED;
    ReportSubmissionStatus a = ReportSubmissionStatus.ACCEPTED;
    assertThat(d.after(ReportSubmissionAction.SUBMIT)).isEqualTo(s);
    assertThat(r.after(ReportSubmissionAction.SUBMIT)).isEqualTo(s);
    assertThat(s.after(ReportSubmissionAction.SUBMIT)).isNull();
    assertThat(s.after(ReportSubmissionAction.RETURN)).isEqualTo(r);
    assertThat(s.after(ReportSubmissionAction.ACCEPT)).isEqualTo(a);
    assertThat(d.after(ReportSubmissionAction.ACCEPT)).isNull();
    assertThat(a.after(ReportSubmissionAction.RETURN)).isNull();
    assertThat(a.after(ReportSubmissionAction.REOPEN)).isEqualTo(d);
    assertThat(s.after(ReportSubmissionAction.REOPEN)).isEqualTo(d);
    assertThat(r.after(ReportSubmissionAction.REOPEN)).isNull();
    assertThat(d.editable()).isTrue();
    assertThat(r.editable()).isTrue();
    assertThat(s.editable()).isFalse();
  }
}
