package vn.danvan.shared.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tài khoản", description = "Người dùng hiện tại (Current user)")
public class MeResource {

  @Inject CurrentUser user;

  @Schema(name = "Me", description = "Người dùng đang gọi API.")
  public record MeResponse(
      @Schema(description = "Tên đăng nhập.", examples = "hcm-manager") String username,
      @Schema(description = "Các vai trò.", examples = "[\"unit-manager\"]") List<String> roles,
      @Schema(
              description =
                  "Đơn vị gốc của người dùng (phạm vi dữ liệu là cây con của đơn vị này).",
              examples = "00000000-0000-4000-8001-000000000079")
          UUID homeUnitId) {}

  @GET
  @RolesAllowed("**")
  @Operation(
      operationId = "getMe",
      summary = "Người dùng hiện tại",
      description =
          "Tên, vai trò và đơn vị gốc của người đang gọi (từ tài khoản demo hoặc token OIDC).")
  public MeResponse me() {
    return new MeResponse(
        user.username(), List.copyOf(user.roles()), user.homeUnitId().orElse(null));
  }
}
