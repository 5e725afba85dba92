package vn.danvan.shared.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one error shape of the API: RFC 9457 problem details with a stable code. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "Mô tả lỗi theo RFC 9457 (application/problem+json).")
public record Problem(
    @Schema(
            description = "URI định danh loại lỗi.",
            examples = "https://danvan.gov.vn/problems/not-found")
        String type,
    @Schema(
            description = "Tóm tắt lỗi theo ngôn ngữ của người gọi (Accept-Language).",
            examples = "Không tìm thấy")
        String title,
    @Schema(description = "Mã trạng thái HTTP.", examples = "404") int status,
    @Schema(
            description = "Giải thích cụ thể, không chứa dữ liệu cá nhân.",
            examples = "Không tìm thấy đơn vị.")
        String detail,
    @Schema(description = "Đường dẫn của yêu cầu gây lỗi.", examples = "/api/v1/org-units/3f1c…")
        String instance,
    @Schema(description = "Mã lỗi ổn định, dùng cho xử lý tự động.", examples = "NOT_FOUND")
        String code,
    @Schema(description = "Danh sách lỗi theo từng trường (khi kiểm tra dữ liệu thất bại).")
        List<Violation> errors) {

  @Schema(name = "Violation", description = "Một trường dữ liệu không hợp lệ.")
  public record Violation(
      @Schema(description = "Con trỏ JSON (RFC 6901) tới trường lỗi.", examples = "/name")
          String pointer,
      @Schema(description = "Lý do.", examples = "không được để trống") String detail) {}
}
