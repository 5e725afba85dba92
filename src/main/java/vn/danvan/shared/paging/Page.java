package vn.danvan.shared.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list: {@code {"items": [...], "next": "…"}}; {@code next} is absent on the last
 * page.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(
    @Schema(description = "Các phần tử của trang.") List<T> items,
    @Schema(
            description =
                "Con trỏ mờ của trang sau; vắng mặt ở trang cuối. Gửi lại qua tham số cursor.",
            examples = "eyJrIjpbIjIwMjYtMDUtMDUiXX0")
        String next) {

  /**
   * Builds a page from {@code limit + 1} fetched rows: the extra row only proves there is a next
   * page, whose cursor is made from the last returned row.
   */
  public static <R, T> Page<T> of(
      List<R> rows, int limit, Function<R, T> mapper, Function<R, String> cursorOf) {
    boolean more = rows.size() > limit;
    List<R> shown = more ? rows.subList(0, limit) : rows;
    String next = more ? cursorOf.apply(shown.get(shown.size() - 1)) : null;
    return new Page<>(shown.stream().map(mapper).toList(), next);
  }
}
