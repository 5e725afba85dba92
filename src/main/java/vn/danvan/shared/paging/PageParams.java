package vn.danvan.shared.paging;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The paging query parameters of every list ({@code @BeanParam PageParams page}). */
public class PageParams {

  @RestQuery
  @Parameter(description = "Số phần tử mỗi trang (1–500, mặc định 50).", example = "50")
  Integer limit;

  @RestQuery
  @Parameter(
      description = "Con trỏ trang sau: giá trị next của trang trước; bỏ trống cho trang đầu.")
  String cursor;

  public PageRequest toRequest() {
    return PageRequest.of(limit, cursor);
  }
}
