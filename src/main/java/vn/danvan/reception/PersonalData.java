package vn.danvan.reception;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.danvan.shared.error.ApiException.FieldError;

/**
 * Rules on visitors' personal data that need no database: validation of identity documents,
 * normalization for keyed lookups, and the masks shown to roles that do not need the values.
 * Nothing here ever puts a value into an error: errors name the field only.
 */
final class PersonalData {

  private static final Pattern CCCD = Pattern.compile("\\d{12}");
  private static final Pattern CMND = Pattern.compile("\\d{9}");
  private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{6,9}");
  private static final Pattern PHONE = Pattern.compile("(\\+84|0)\\d{9,10}");

  /** The province codes a CCCD may start with (Circular 59/2021/TT-BCA, Annex I). */
  private static final Set<String> CCCD_PROVINCES =
      Set.of(
          "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
          "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
          "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
          "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
          "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096");

  /** Longest name, address; longest ID number and phone as sent (separators included). */
  static final int MAX_NAME = 200;

  static final int MAX_ADDRESS = 500;
  static final int MAX_ID_NUMBER = 30;
  static final int MAX_PHONE = 30;

  private PersonalData() {}

  /** ID numbers as they are compared and hashed: no spaces or dots, upper case. */
  static String normalizeId(String id) {
    return id == null ? null : id.replaceAll("[\\s.\\-]", "").toUpperCase(java.util.Locale.ROOT);
  }

  static String normalizePhone(String phone) {
    return phone == null ? null : phone.replaceAll("[\\s.\\-()]", "");
  }

  /** Validates and normalizes visitors; errors point at fields, never quote values. */
  static List<Visitor> validate(List<Visitor> visitors, String pointer, List<FieldError> errors) {
    List<Visitor> out = new ArrayList<>();
    for (int i = 0; i < visitors.size(); i++) {
      Visitor v = visitors.get(i);
      String p = pointer + "/" + i;
      if (v == null) {
        errors.add(FieldError.of(p, "field.REQUIRED"));
        continue;
      }
      String name = v.fullName() == null ? null : v.fullName().strip().replaceAll("\\s+", " ");
      if (name == null || name.isEmpty()) {
        errors.add(FieldError.of(p + "/fullName", "field.REQUIRED"));
      } else if (name.length() > MAX_NAME) {
        errors.add(FieldError.of(p + "/fullName", "field.TOO_LONG", MAX_NAME));
      }
      String id = normalizeId(blankToNull(v.idNumber()));
      if (id != null && v.idType() == null) {
        errors.add(FieldError.of(p + "/idType", "field.REQUIRED"));
      } else if (id == null && v.idType() != null) {
        errors.add(FieldError.of(p + "/idNumber", "field.REQUIRED"));
      } else if (id != null) {
        boolean ok =
            switch (v.idType()) {
              case CCCD ->
                  CCCD.matcher(id).matches() && CCCD_PROVINCES.contains(id.substring(0, 3));
              case CMND -> CMND.matcher(id).matches();
              case PASSPORT -> PASSPORT.matcher(id).matches();
            };
        if (!ok) {
          errors.add(FieldError.of(p + "/idNumber", "field.ID_NUMBER_" + v.idType().name()));
        }
      }
      String phone = normalizePhone(blankToNull(v.phone()));
      if (phone != null && !PHONE.matcher(phone).matches()) {
        errors.add(FieldError.of(p + "/phone", "field.PHONE"));
      }
      String address = blankToNull(v.address());
      if (address != null && address.length() > MAX_ADDRESS) {
        errors.add(FieldError.of(p + "/address", "field.TOO_LONG", MAX_ADDRESS));
      }
      out.add(
          new Visitor(
              name,
              v.idType(),
              id,
              address == null ? null : address.strip(),
              phone,
              v.isRepresentative()));
    }
    return out;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** The mask of a visitor for callers who may see that someone came, not who. */
  static Visitor mask(Visitor v) {
    return new Visitor(
        maskName(v.fullName()),
        v.idType(),
        maskKeep(v.idNumber(), 4),
        maskAddress(v.address()),
        maskKeep(v.phone(), 4),
        v.representative());
  }

  /** {@code Nguyễn Văn An} → {@code Nguyễn V*** A**}: the family name and initials only. */
  static String maskName(String name) {
    if (name == null) {
      return null;
    }
    String[] parts = name.trim().split("\\s+");
    StringBuilder b = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      b.append(' ')
          .appendCodePoint(parts[i].codePointAt(0))
          .append(i == parts.length - 1 ? "**" : "***");
    }
    if (parts.length == 1) {
      b.setLength(0);
      b.appendCodePoint(parts[0].codePointAt(0)).append("***");
    }
    return b.toString();
  }

  /** The first {@code keep} characters, the rest as stars: {@code 0012********}. */
  static String maskKeep(String value, int keep) {
    if (value == null) {
      return null;
    }
    if (value.length() <= keep) {
      return "*".repeat(value.length());
    }
    return value.substring(0, keep) + "*".repeat(value.length() - keep);
  }

  /** Only the last two parts (ward, province) of an address. */
  static String maskAddress(String address) {
    if (address == null) {
      return null;
    }
    String[] parts = address.split(",");
    if (parts.length <= 2) {
      return "***";
    }
    return "***," + parts[parts.length - 2] + "," + parts[parts.length - 1];
  }
}
