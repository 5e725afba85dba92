package vn.danvan.reception;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "ProtectedIdentity",
    description =
        "Danh tính người tố cáo (bảo mật theo Luật Tố cáo 2018, Điều 47); mỗi lần đọc được ghi vết.")
public record ProtectedIdentityResponse(
    @Schema(description = "Lượt tiếp.", examples = "0d6c3b8e-5a41-4b7a-8f2e-1c9d0e7a6b55")
        UUID visitId,
    @Schema(description = "Tố cáo nặc danh (không có danh tính).", examples = "false")
        boolean anonymous,
    @Schema(description = "Dữ liệu cá nhân đã xóa khi hết thời hạn lưu trữ.", examples = "false")
        boolean personalDataErased,
    @Schema(description = "Người tố cáo.") List<Visitor> visitors) {}
