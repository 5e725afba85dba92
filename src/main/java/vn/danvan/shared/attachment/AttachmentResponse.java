package vn.danvan.shared.attachment;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "Attachment",
    description =
        "Một tệp đính kèm: tên tệp, loại nội dung nhận biết từ chính nội dung tệp (không tin loại do máy"
            + " khách khai), kích thước và mã băm SHA-256 để đối chiếu bản gốc.")
public record AttachmentResponse(
    @Schema(description = "Mã tệp đính kèm.", examples = "0b8f6a2e-6f1d-4c1e-9a57-3c2d1e0f9b84")
        UUID id,
    @Schema(
            description = "Tên tệp như người gửi đặt (đã bỏ đường dẫn và ký tự điều khiển).",
            examples = "KH-847-UBND-ban-ky.pdf")
        String fileName,
    @Schema(description = "Loại nội dung nhận biết từ nội dung tệp.", examples = "application/pdf")
        String mediaType,
    @Schema(description = "Kích thước (byte).", examples = "482113") long sizeBytes,
    @Schema(
            description = "Mã băm SHA-256 của nội dung (hệ 16, chữ thường).",
            examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        String sha256,
    @Schema(description = "Mô tả (tùy chọn).", examples = "Bản scan văn bản đã ký, đóng dấu")
        String description,
    @Schema(description = "Thời điểm tải lên.", examples = "2023-03-10T09:15:00Z")
        Instant createdAt,
    @Schema(description = "Người tải lên.", examples = "hcm-manager") String createdBy) {}
