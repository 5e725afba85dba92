package vn.danvan.testing;

import java.util.List;

/** Reading back the CSV text blocks of table-driven tests. */
public final class Tables {

  private Tables() {}

  /** The first column of every row of a {@code @CsvSource} text block (no comments, no blanks). */
  public static List<String> firstColumn(String textBlock) {
    return textBlock
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .map(l -> l.split(",", -1)[0].strip())
        .toList();
  }
}
