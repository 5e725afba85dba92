package vn.danvan.shared.http;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * The document-level description of the API. Two ways to authenticate: HTTP Basic with the demo
 * accounts of the embedded mode, and OIDC bearer tokens from Keycloak in the external mode.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Dân Vận API",
            version = "1.0.0",
            description =
                "API cho công tác dân vận của chính quyền: cây đơn vị theo thời gian, văn bản chỉ đạo, nhiệm vụ,"
                    + " báo cáo định kỳ, tiếp công dân. Quy ước: tiền tố /api/v1; danh sách phân trang bằng limit và"
                    + " cursor ({items, next}); lỗi dạng application/problem+json có mã ổn định; sửa, xóa, chuyển"
                    + " trạng thái cần If-Match (ETag); POST nhận Idempotency-Key; ngày nghiệp vụ theo giờ Việt Nam"
                    + " (Asia/Ho_Chi_Minh); mọi ngày, thời điểm trong nội dung và tham số truy vấn phải nằm trong"
                    + " 1900-01-01 … 2100-12-31 (ngoài khoảng: 400 VALIDATION_FAILED, pointer tới trường). The API of Vietnamese government bodies for their work with the people.",
            contact = @Contact(name = "Nhóm phát triển Dân Vận API", email = "dev@danvan.vn"),
            license = @License(name = "Proprietary")),
    security = {@SecurityRequirement(name = "demo"), @SecurityRequirement(name = "oidc")})
@SecuritySchemes({
  @SecurityScheme(
      securitySchemeName = "demo",
      type = SecuritySchemeType.HTTP,
      scheme = "basic",
      description =
          "Chế độ nhúng: tài khoản demo, mật khẩu trùng tên đăng nhập (admin, hcm-manager, ward-officer, reception,"
              + " denunciation, auditor, viewer, integration)."),
  @SecurityScheme(
      securitySchemeName = "oidc",
      type = SecuritySchemeType.OPENIDCONNECT,
      openIdConnectUrl = "http://localhost:8180/realms/danvan/.well-known/openid-configuration",
      description =
          "Chế độ triển khai: access token (Bearer) do Keycloak cấp; client danvan-web (authorization code + PKCE)"
              + " hoặc danvan-integration (client credentials). Claim unit_id là đơn vị gốc của người dùng.")
})
public class ApiDocumentation extends Application {}
