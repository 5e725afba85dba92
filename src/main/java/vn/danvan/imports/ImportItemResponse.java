package vn.danvan.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.error.Problem;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ImportItemResult", description = "Kết quả của một mục trong lần nhập.")
public record ImportItemResponse(
    @Schema(description = "Vị trí của mục trong nội dung gửi (từ 0).", examples = "17") int index,
    @Schema(description = "Kết quả.", examples = "ERROR") ImportOutcome outcome,
    @Schema(
            description = "Mã định danh của bản ghi (vắng khi lỗi).",
            examples = "00000000-0000-4b0c-9021-000000000001")
        UUID id,
    @Schema(description = "Mã lỗi của mục (vắng khi không lỗi).", examples = "VALIDATION_FAILED")
        String code,
    @Schema(
            description =
                "Các lỗi, con trỏ tính từ gốc lần nhập (/items/17/title); vắng khi không lỗi. Lời giải thích theo"
                    + " ngôn ngữ của yêu cầu nhập.")
        List<Problem.Violation> errors) {}
