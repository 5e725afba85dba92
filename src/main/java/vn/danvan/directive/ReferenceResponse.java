package vn.danvan.directive;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DirectiveReference", description = "Một dẫn chiếu từ văn bản này tới văn bản khác.")
public record ReferenceResponse(
    @Schema(description = "Mã dẫn chiếu.", examples = "9a1c7e52-4d3b-4f1a-b6e8-2c5d7f9e0a13")
        UUID id,
    @Schema(description = "Quan hệ.", examples = "IMPLEMENTS") ReferenceRelation relation,
    @Schema(
            description = "Văn bản được dẫn chiếu (vắng với trích dẫn bằng chữ).",
            examples = "5d7c2a3e-1b6f-4f0e-8a3c-6b2d9e1f4a70")
        UUID targetId,
    @Schema(
            description =
                "Số, ký hiệu của văn bản được dẫn chiếu (vắng khi đó là văn bản mật mà người gọi không được đọc).",
            examples = "246/KH-UBND")
        String targetFullNumber,
    @Schema(
            description =
                "Trích yếu của văn bản được dẫn chiếu (vắng khi đó là văn bản mật mà người gọi không được đọc).",
            examples =
                "Triển khai thực hiện Chỉ thị số 33/CT-TTg ngày 26 tháng 11 năm 2021 của Thủ tướng Chính phủ")
        String targetTitle,
    @Schema(
            description = "Trích dẫn bằng chữ (khi văn bản không có trong hệ thống).",
            examples =
                "Công văn số 756/UBND-VX ngày 08 tháng 3 năm 2023 của Ủy ban nhân dân Thành phố")
        String citation,
    @Schema(description = "Thời điểm ghi nhận.", examples = "2023-03-10T02:15:00Z")
        Instant createdAt) {}
