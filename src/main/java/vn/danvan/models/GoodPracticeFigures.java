package vn.danvan.models;

import java.util.Map;

/**
 * The figures of the reports (issue 14 §2) over some units and a window: the models registered in
 * it, implemented at some time in it, and recognised in it by level.
 */
public record GoodPracticeFigures(
    long registered, long implementing, Map<RecognitionLevel, Long> recognisedByLevel) {

  /** The models recognised at {@code level}, or at any level when null. */
  public long recognised(RecognitionLevel level) {
    return level == null
        ? recognisedByLevel.values().stream().mapToLong(Long::longValue).sum()
        : recognisedByLevel.getOrDefault(level, 0L);
  }
}
