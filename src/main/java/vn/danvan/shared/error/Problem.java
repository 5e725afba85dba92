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
        List<Violation> errors,
    @Schema(
            description =
                "Trạng thái hiện tại của bản ghi khi yêu cầu xung đột với nó (409 SOURCE_VERSION_CONFLICT,"
                    + " OWNED_BY_SOURCE, 412 ALREADY_EXISTS); vắng với các lỗi khác.")
        Current current) {

  public Problem(
      String type,
      String title,
      int status,
      String detail,
      String instance,
      String code,
      List<Violation> errors) {
    this(type, title, status, detail, instance, code, errors, null);
  }

  /** The stored record's versions, for a client that must decide how to resolve a conflict. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "ProblemCurrent", description = "Phiên bản hiện tại của bản ghi đang lưu.")
  public record Current(
      @Schema(description = "Phiên bản (ETag) hiện tại.", examples = "3") Long version,
      @Schema(description = "Hệ thống nguồn sở hữu bản ghi.", examples = "HCM-EGOV")
          String sourceSystem,
      @Schema(description = "Phiên bản của hệ thống nguồn đang lưu.", examples = "7")
          Long sourceVersion) {}

  @Schema(name = "Violation", description = "Một trường dữ liệu không hợp lệ.")
  public record Violation(
      @Schema(description = "Con trỏ JSON (RFC 6901) tới trường lỗi.", examples = "/name")
          String pointer,
      @Schema(description = "Lý do.", examples = "không được để trống") String detail) {}
}
