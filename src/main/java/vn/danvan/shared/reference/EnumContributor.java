package vn.danvan.shared.reference;

import java.util.List;

/** Each feature names the enums it exposes; {@code GET /api/v1/reference/enums} lists them all. */
public interface EnumContributor {
  List<Class<? extends LabeledEnum>> enums();
}
