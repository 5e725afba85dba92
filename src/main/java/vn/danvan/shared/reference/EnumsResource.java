package vn.danvan.shared.reference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reference/enums")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Danh mục", description = "Danh mục mã dùng chung (Reference data)")
public class EnumsResource {

  @Inject Instance<EnumContributor> contributors;

  @Schema(name = "EnumValue", description = "Một mã của danh mục và nhãn hiển thị.")
  public record EnumValue(
      @Schema(
              description =
                  "Mã gửi và nhận trong API: UPPER_SNAKE_CASE; riêng thứ tự sắp xếp (sort) là tên"
                      + " trường, có dấu - phía trước khi giảm dần.",
              examples = "COMMUNE")
          String code,
      @Schema(description = "Nhãn tiếng Việt.", examples = "Cấp xã (xã, phường, đặc khu)")
          String labelVi,
      @Schema(
              description = "Nhãn tiếng Anh.",
              examples = "Commune level (commune, ward, special zone)")
          String labelEn) {}

  @Schema(name = "EnumType", description = "Một danh mục mã.")
  public record EnumType(
      @Schema(
              description = "Tên danh mục, trùng tên schema trong tài liệu OpenAPI.",
              examples = "OrgUnitKind")
          String name,
      @Schema(description = "Các mã của danh mục.") List<EnumValue> values) {}

  @Schema(name = "EnumCatalog", description = "Tất cả danh mục mã của API.")
  public record EnumCatalog(
      @Schema(description = "Các danh mục, theo tên.") List<EnumType> items) {}

  @GET
  @RolesAllowed("**")
  @Operation(
      operationId = "listEnums",
      summary = "Danh mục mã và nhãn",
      description =
          "Mọi danh mục mã (enum) của API với nhãn tiếng Việt và tiếng Anh, để giao diện không phải tự đặt nhãn.")
  public EnumCatalog list() {
    List<EnumType> types =
        contributors.stream()
            .flatMap(c -> c.enums().stream())
            .distinct()
            .map(EnumsResource::describe)
            .sorted(Comparator.comparing(EnumType::name))
            .toList();
    return new EnumCatalog(types);
  }

  private static EnumType describe(Class<? extends LabeledEnum> type) {
    List<EnumValue> values =
        Arrays.stream(type.getEnumConstants())
            .map(c -> new EnumValue(c.code(), c.labelVi(), c.labelEn()))
            .toList();
    return new EnumType(LabeledEnum.typeName(type), values);
  }
}
