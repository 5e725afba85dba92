package vn.danvan.reporting.export;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Text as the exported documents write it: XML-safe, Vietnamese numbers and dates. */
final class Texts {

  private Texts() {}

  /**
   * The text without the characters XML 1.0 cannot carry (control characters other than tab and
   * line breaks, lone surrogates, U+FFFE and U+FFFF), line breaks as \n; null stays null.
   */
  static String clean(String s) {
    if (s == null || isClean(s)) {
      return s;
    }
    int n = s.length();
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        if (i + 1 == n || s.charAt(i + 1) != '\n') {
          b.append('\n');
        }
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          b.append(c).append(s.charAt(++i));
        }
      } else if (allowed(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean isClean(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return false;
      }
      if (c == '\r' || !allowed(c)) {
        return false;
      }
    }
    return true;
  }

  /** A character XML 1.0 allows, lone surrogates excluded. */
  private static boolean allowed(char c) {
    return c == '\t'
        || c == '\n'
        || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !Character.isSurrogate(c));
  }

  /** The cleaned text, or "" for null. */
  static String text(String s) {
    return s == null ? "" : clean(s);
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** The non-blank paragraphs of a narrative, trimmed, in order. */
  static List<String> paragraphs(String narrative) {
    List<String> out = new ArrayList<>();
    if (narrative == null) {
      return out;
    }
    for (String line : clean(narrative).split("\n")) {
      String t = line.strip();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * The text cut into pieces of at most {@code max} characters, at a space where one is near, never
   * inside a surrogate pair.
   */
  static List<String> chunks(String s, int max) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (s.length() - start > max) {
      int end = start + max;
      int space = s.lastIndexOf(' ', end - 1);
      if (space >= start + max / 2) {
        end = space + 1;
      } else if (Character.isLowSurrogate(s.charAt(end))) {
        end--;
      }
      out.add(s.substring(start, end));
      start = end;
    }
    out.add(s.substring(start));
    return out;
  }

  /** A number as Vietnamese documents write it: 1.250; 97,5. */
  static String number(BigDecimal n) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
    symbols.setGroupingSeparator('.');
    symbols.setDecimalSeparator(',');
    symbols.setMinusSign('-');
    DecimalFormat f = new DecimalFormat("#,##0", symbols);
    BigDecimal plain = n.stripTrailingZeros();
    f.setMaximumFractionDigits(Math.max(0, plain.scale()));
    f.setParseBigDecimal(true);
    return f.format(plain);
  }

  /** The spreadsheet number format for a value of this scale: #,##0 or #,##0.0… */
  static String numberFormat(BigDecimal n) {
    int scale = Math.min(6, Math.max(0, n.stripTrailingZeros().scale()));
    return scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale);
  }

  /**
   * "Số: 05/BC-PNV" (numbers below 10 with a leading zero, Decree 30/2020), or "Số: /BC-PNV" while
   * the document has no number yet.
   */
  static String numberLine(Integer number, String symbol) {
    String no = number == null ? "      " : number < 10 ? "0" + number : number.toString();
    String sym = blank(symbol) ? "" : "/" + clean(symbol.strip());
    return "Số: " + no + sym;
  }

  /**
   * "Gò Vấp, ngày 05 tháng 5 năm 2023": days below 10 and months 1 and 2 with a leading zero
   * (Decree 30/2020); blanks for the clerk when there is no date yet.
   */
  static String placeDate(String place, LocalDate date) {
    String prefix = blank(place) ? "" : clean(place.strip()) + ", ";
    if (date == null) {
      return prefix + "ngày      tháng      năm      ";
    }
    int d = date.getDayOfMonth();
    int m = date.getMonthValue();
    return prefix
        + "ngày "
        + (d < 10 ? "0" + d : d)
        + " tháng "
        + (m < 3 ? "0" + m : m)
        + " năm "
        + date.getYear();
  }

  /** dd/MM/yyyy. */
  static String day(LocalDate date) {
    return date == null
        ? ""
        : String.format(
            "%02d/%02d/%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
  }

  /** I, II, III … for section headings. */
  static String roman(int n) {
    int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    String[] s = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      while (n >= v[i]) {
        b.append(s[i]);
        n -= v[i];
      }
    }
    return b.toString();
  }

  /**
   * An ASCII file name stem: "Phường 12" becomes "phuong-12"; accents dropped, đ as d, anything
   * else a dash; "bao-cao" when nothing is left.
   */
  static String slug(String s) {
    if (blank(s)) {
      return "bao-cao";
    }
    String ascii =
        Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (ascii.length() > 80) {
      ascii = ascii.substring(0, 80).replaceAll("-+$", "");
    }
    return ascii.isEmpty() ? "bao-cao" : ascii;
  }
}
