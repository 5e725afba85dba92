package vn.danvan.task;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskProgressInput", description = "Một lần báo cáo tiến độ (không sửa, không xóa).")
public record ProgressUpdateRequest(
    @NotNull
        @Min(0)
        @Max(100)
        @Schema(description = "Tỷ lệ hoàn thành (%).", examples = "60", required = true)
        Integer percent,
    @Size(max = 4000)
        @Schema(
            description = "Ghi chú tiến độ.",
            examples = "Đã tổ chức hội nghị quán triệt tại 16/16 phường; đang tổng hợp báo cáo")
        String note) {}
