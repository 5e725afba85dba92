package vn.danvan.reporting;

/** Periods as Vietnamese documents name them: "6 tháng đầu năm 2023", "quý II năm 2026". */
final class PeriodLabels {

  private static final String[] QUARTERS = {"I", "II", "III", "IV"};

  private PeriodLabels() {}

  /** The period as written in a trích yếu, e.g. "tháng 5 năm 2026", "9 tháng năm 2026". */
  static String of(PeriodCode p) {
    return switch (p.frequency()) {
      case MONTHLY -> "tháng " + p.index() + " năm " + p.year();
      case QUARTERLY -> "quý " + QUARTERS[p.index() - 1] + " năm " + p.year();
      case SEMI_ANNUAL -> (p.index() == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + p.year();
      case NINE_MONTH -> "9 tháng năm " + p.year();
      case ANNUAL -> "năm " + p.year();
      case AD_HOC -> "đợt " + p.index() + " năm " + p.year();
    };
  }

  /** The label of a period code, or the code itself when it does not parse. */
  static String of(String code) {
    return PeriodCode.tryParse(code).map(PeriodLabels::of).orElse(code);
  }

  /** "6 tháng đầu năm 2023 (2023S1)". */
  static String withCode(String code) {
    String label = of(code);
    return label.equals(code) ? code : label + " (" + code + ")";
  }
}
