package vn.danvan.reporting.export;

import java.math.BigDecimal;

/**
 * The value of one figure as it is printed: a number, a text or a yes/no, or nothing.
 *
 * @param number a number (a percentage is the number of percent, 97.5 for 97,5 %)
 * @param text a text value
 * @param flag a yes/no value
 */
public record FigureValue(BigDecimal number, String text, Boolean flag) {

  public static final FigureValue NONE = new FigureValue(null, null, null);

  public static FigureValue of(BigDecimal number) {
    return number == null ? NONE : new FigureValue(number, null, null);
  }

  public static FigureValue of(long number) {
    return new FigureValue(BigDecimal.valueOf(number), null, null);
  }

  public static FigureValue of(String text) {
    return text == null ? NONE : new FigureValue(null, text, null);
  }

  public static FigureValue of(Boolean flag) {
    return flag == null ? NONE : new FigureValue(null, null, flag);
  }

  public boolean isEmpty() {
    return number == null && text == null && flag == null;
  }

  /** The value as written in a Vietnamese document: 1.250; 97,5; Có; Không. */
  public String display() {
    if (number != null) {
      return Texts.number(number);
    }
    if (flag != null) {
      return flag ? "Có" : "Không";
    }
    return text == null ? "" : Texts.clean(text);
  }
}
