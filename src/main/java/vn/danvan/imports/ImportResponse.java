package vn.danvan.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "Import",
    description =
        "Một lần nhập dữ liệu hàng loạt: trạng thái, số đếm, thời gian; kết quả từng mục đọc ở"
            + " GET /api/v1/imports/{id}/results (lần nhập đồng bộ trả kèm luôn trong results).")
public record ImportResponse(
    @Schema(description = "Mã định danh (UUID).", examples = "6f1d3c2a-9b8e-4f7a-8c6d-5e4f3a2b1c0d")
        UUID id,
    @Schema(description = "Loại dữ liệu nhập.", examples = "TASK") String type,
    @Schema(description = "Cách xử lý mục lỗi.", examples = "PER_ITEM") ImportMode mode,
    @Schema(
            description =
                "Chạy thử: làm mọi việc rồi hủy giao dịch; kết quả cho biết điều sẽ xảy ra.",
            examples = "false")
        boolean dryRun,
    @Schema(
            description = "Chạy nền (202 + Location) thay vì trả kết quả ngay trong yêu cầu.",
            examples = "true")
        boolean async,
    @Schema(description = "Trạng thái.", examples = "SUCCEEDED") ImportStatus status,
    @Schema(
            description =
                "Lý do thất bại: ITEMS_INVALID (ATOMIC có mục lỗi), INTERRUPTED (tiến trình dừng giữa chừng),"
                    + " INTERNAL_ERROR; vắng khi không thất bại.",
            examples = "ITEMS_INVALID")
        String failureCode,
    @Schema(description = "Số mục đã nhận.", examples = "1200") int total,
    @Schema(description = "Số mục đã xử lý.", examples = "1200") int processed,
    @Schema(description = "Số bản ghi tạo mới (hoặc sẽ tạo, khi chạy thử).", examples = "1000")
        int created,
    @Schema(description = "Số bản ghi cập nhật.", examples = "150") int updated,
    @Schema(description = "Số bản ghi không thay đổi.", examples = "47") int unchanged,
    @Schema(description = "Số mục lỗi.", examples = "3") int errors,
    @Schema(
            description = "Đã yêu cầu hủy; lần nhập dừng ở ranh giới lô kế tiếp.",
            examples = "false")
        boolean cancelRequested,
    @Schema(description = "Thời điểm nhận.", examples = "2026-05-04T08:30:00Z") Instant createdAt,
    @Schema(description = "Thời điểm bắt đầu xử lý.", examples = "2026-05-04T08:30:01Z")
        Instant startedAt,
    @Schema(description = "Thời điểm kết thúc.", examples = "2026-05-04T08:30:05Z")
        Instant finishedAt,
    @Schema(
            description =
                "Kết quả từng mục, theo thứ tự; chỉ có trong câu trả lời 200 của lần nhập đồng bộ.")
        List<ImportItemResponse> results) {

  static ImportResponse of(ImportJob job, List<ImportItemResponse> results) {
    return new ImportResponse(
        job.id(),
        job.type(),
        job.mode(),
        job.dryRun(),
        job.async(),
        job.status(),
        job.failureCode(),
        job.total(),
        job.processed(),
        job.created(),
        job.updated(),
        job.unchanged(),
        job.errors(),
        job.cancelRequested(),
        job.createdAt(),
        job.startedAt(),
        job.finishedAt(),
        results);
  }
}
