package vn.danvan.task;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.http.Versioned;

@Schema(
    name = "Task",
    description = "Một nhiệm vụ với \"5 rõ\", vị trí trong cây giao việc, tiến độ và tình trạng.")
public record TaskResponse(
    @Schema(description = "Mã định danh (UUID).", examples = "3f2b8c1a-9d4e-4b7a-8c6d-1e2f3a4b5c6d")
        UUID id,
    @Schema(description = "Nhiệm vụ cha (vắng với nhiệm vụ gốc).") UUID parentId,
    @Schema(description = "Nhiệm vụ định kỳ mà đây là một lần thực hiện.") UUID seriesId,
    @Schema(
            description = "Ngày hạn theo lịch của lần thực hiện (trước mọi gia hạn).",
            examples = "2024-05-05")
        LocalDate periodDate,
    @Schema(
            description = "Tên nhiệm vụ.",
            examples = "Báo cáo 6 tháng công tác dân vận của chính quyền")
        String title,
    @Schema(description = "Nội dung công việc.") String description,
    @Schema(description = "Đơn vị chủ trì.", examples = "00000000-0000-4000-8003-000000026890")
        UUID leadUnitId,
    @Schema(description = "Người chịu trách nhiệm.", examples = "Chủ tịch UBND phường")
        String responsiblePerson,
    @Schema(description = "Các đơn vị phối hợp.") List<UUID> coordinatingUnitIds,
    @Schema(description = "Đơn vị giao việc.", examples = "00000000-0000-4000-8002-000000000764")
        UUID assigningUnitId,
    @Schema(description = "Kết quả phải đạt.") String expectedResult,
    @Schema(description = "Ngày giao.", examples = "2023-03-10") LocalDate assignedOn,
    @Schema(description = "Hạn hiện hành (sau các lần gia hạn).", examples = "2023-05-05")
        LocalDate dueDate,
    @Schema(description = "Hạn giao ban đầu.", examples = "2023-05-05") LocalDate originalDueDate,
    @Schema(description = "Lịch định kỳ (nhiệm vụ định kỳ).") Recurrence recurrence,
    @Schema(description = "Văn bản chỉ đạo giao nhiệm vụ.") UUID directiveId,
    @Schema(description = "Mục của văn bản.", examples = "IV.2.b") String directiveItem,
    @Schema(description = "Mức độ ưu tiên.", examples = "NORMAL") TaskPriority priority,
    @Schema(description = "Trọng số trong tiến độ tổng hợp của nhiệm vụ cha.", examples = "1")
        BigDecimal weight,
    @Schema(description = "Trạng thái xử lý.", examples = "IN_PROGRESS") TaskStatus status,
    @Schema(
            description =
                "Tình trạng theo Quyết định 42/2014/QĐ-TTg vào hôm nay (giờ Việt Nam); vắng với nhiệm vụ định kỳ (mẫu"
                    + " sinh các lần thực hiện có hạn): mẫu không có tình trạng, không được thống kê và không khớp bộ lọc state.",
            examples = "IN_PROGRESS_IN_TERM")
        TaskState state,
    @Schema(description = "Tiến độ (%) do đơn vị chủ trì cập nhật gần nhất.", examples = "60")
        int progress,
    @Schema(
            description =
                "Tiến độ (%) tổng hợp từ các nhiệm vụ con trực tiếp (bình quân theo trọng số; việc con đã hoàn thành tính 100, đã hủy không tính); vắng khi không có việc con.",
            examples = "45.5")
        BigDecimal derivedProgress,
    @Schema(
            description = "Hạn muộn nhất của các nhiệm vụ con (trừ việc đã hủy).",
            examples = "2023-05-05")
        LocalDate derivedDueDate,
    @Schema(description = "Số nhiệm vụ con trực tiếp.", examples = "16") int childCount,
    @Schema(description = "Ngày hoàn thành.", examples = "2023-05-04") LocalDate completedOn,
    @Schema(description = "Kết quả thực hiện ghi khi hoàn thành.") String resultNote,
    @Schema(description = "Lý do hủy.") String cancelReason,
    @Schema(
            description =
                "Đơn vị chủ trì trước khi sắp xếp (việc được chuyển sang đơn vị kế thừa).")
        UUID transferredFromUnitId,
    @Schema(description = "Ngày chuyển sang đơn vị kế thừa.", examples = "2025-07-01")
        LocalDate transferredOn,
    @Schema(
            description =
                "Hệ thống nguồn sở hữu nhiệm vụ (vắng với nhiệm vụ tạo trong hệ thống này).",
            examples = "HCM-EGOV")
        String sourceSystem,
    @Schema(description = "Mã của nhiệm vụ trong hệ thống nguồn.", examples = "NV-2025-000123")
        String sourceId,
    @Schema(description = "Phiên bản của bản ghi ở hệ thống nguồn.", examples = "7")
        Long sourceVersion,
    @Schema(
            description = "Thời điểm hệ thống nguồn sửa bản ghi lần cuối (RFC 3339).",
            examples = "2025-08-01T02:30:00Z")
        OffsetDateTime sourceUpdatedAt,
    @Schema(description = "Thời điểm tạo.") Instant createdAt,
    @Schema(description = "Thời điểm sửa gần nhất.") Instant updatedAt,
    @Schema(description = "Phiên bản, gửi kèm ETag; dùng trong If-Match.", examples = "0")
        long version)
    implements Versioned {

  /** What a page of tasks carries beyond the rows: the aggregates of their children. */
  record Children(int count, BigDecimal derivedProgress, LocalDate derivedDueDate) {
    static final Children NONE = new Children(0, null, null);
  }

  static TaskResponse of(Task t, Children c, LocalDate today) {
    return of(t, c, t.coordinators.stream().map(x -> x.unitId).toList(), today);
  }

  /** With the coordinating units read for a whole page at once. */
  static TaskResponse of(Task t, Children c, List<UUID> coordinating, LocalDate today) {
    return new TaskResponse(
        t.id,
        t.parentId,
        t.seriesId,
        t.periodDate,
        t.title,
        t.description,
        t.leadUnitId,
        t.responsiblePerson,
        coordinating.stream().sorted().toList(),
        t.assigningUnitId,
        t.expectedResult,
        t.assignedOn,
        t.dueDate,
        t.originalDueDate,
        t.recurrence(),
        t.directiveId,
        t.directiveItem,
        t.priority,
        t.weight,
        t.status,
        t.state(today),
        t.progress,
        c.derivedProgress(),
        c.derivedDueDate(),
        c.count(),
        t.completedOn,
        t.resultNote,
        t.cancelReason,
        t.transferredFromUnitId,
        t.transferredOn,
        t.sourceSystem,
        t.sourceId,
        t.sourceVersion,
        t.sourceUpdatedAt == null ? null : t.sourceUpdatedAt.atOffset(ZoneOffset.UTC),
        t.createdAt,
        t.updatedAt,
        t.version);
  }
}
