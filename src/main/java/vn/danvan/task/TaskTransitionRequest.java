package vn.danvan.task;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskTransition", description = "Một thao tác chuyển trạng thái nhiệm vụ.")
public record TaskTransitionRequest(
    @NotNull @Schema(description = "Thao tác.", examples = "COMPLETE", required = true)
        TaskAction action,
    @Size(max = 4000)
        @Schema(
            description = "Kết quả thực hiện (bắt buộc với COMPLETE).",
            examples = "Đã gửi Báo cáo số 112/BC-UBND ngày 03/5/2023 cho Phòng Nội vụ")
        String resultNote,
    @Size(max = 1000)
        @Schema(
            description =
                "Lý do (bắt buộc với CANCEL; ghi vào nhật ký kiểm toán với mọi thao tác).",
            examples = "Nội dung đã được thay thế bởi Kế hoạch năm 2024")
        String reason,
    @Schema(
            description =
                "Ngày hoàn thành thực tế với COMPLETE (mặc định hôm nay; không sau hôm nay, không trước ngày giao).",
            examples = "2023-05-03")
        LocalDate completedOn) {}
