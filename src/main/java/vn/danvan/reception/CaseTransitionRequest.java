package vn.danvan.reception;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReceptionCaseTransition", description = "Một thao tác trên vụ việc.")
public record CaseTransitionRequest(
    @Schema(description = "Thao tác.", examples = "ACCEPT") @NotNull CaseAction action,
    @Schema(
            description = "Ngày của thao tác (mặc định hôm nay, giờ Việt Nam).",
            examples = "2026-03-10")
        LocalDate date,
    @Schema(
            description = "Số, ký hiệu quyết định (bắt buộc với EXTEND và RESOLVE).",
            examples = "15/QĐ-UBND")
        @Size(max = 300)
        String decisionReference,
    @Schema(description = "Cơ quan được chuyển đến (TRANSFER).", examples = "Thanh tra Thành phố")
        @Size(max = 300)
        String transferredTo,
    @Schema(description = "Ghi chú, lý do.", examples = "Đủ điều kiện thụ lý") @Size(max = 1000)
        String reason) {}
