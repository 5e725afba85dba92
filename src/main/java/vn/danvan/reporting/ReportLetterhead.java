package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import vn.danvan.directive.DirectiveResponse;
import vn.danvan.directive.SigningAuthority;
import vn.danvan.orgunit.OrgUnitKind;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.reporting.export.ReportDocumentModel.Signer;

/**
 * The parts of a Decree 30/2020 report that follow from the unit issuing it, on the unit tree of a
 * day: cơ quan chủ quản and cơ quan ban hành, địa danh, the symbol of an unnumbered report and the
 * default signature block (or the one of the issued document the report names).
 */
@ApplicationScoped
class ReportLetterhead {

  static final String COMMITTEE = "Ủy ban nhân dân";
  private static final String[] ADMIN_WORDS = {
    "thành phố", "tỉnh", "quận", "huyện", "thị xã", "thị trấn", "xã", "phường", "đặc khu"
  };
  private static final Locale VI = Locale.forLanguageTag("vi");

  @Inject OrgUnitService units;

  /**
   * The unit's letterhead.
   *
   * @param parentBody the body above the issuer (departments only); null for a people's committee
   * @param issuingBody "Ủy ban nhân dân Phường 12", "Phòng Nội vụ"
   * @param place the administrative unit the issuer sits in, as Decree 30 writes it ("Gò Vấp")
   * @param symbol "BC-UBND", "BC-PNV"
   * @param committee whether the issuer is a people's committee (signs "TM. ỦY BAN NHÂN DÂN")
   * @param headTitle the title of the issuer's head ("Chủ tịch", "Trưởng phòng")
   */
  record Letterhead(
      String parentBody,
      String issuingBody,
      String place,
      String symbol,
      boolean committee,
      String headTitle) {}

  /** The letterhead of {@code unitId} on the tree of {@code day}; the name alone if unknown. */
  Letterhead of(UUID unitId, String fallbackName, LocalDate day) {
    List<OrgUnitResponse> chain = chain(unitId, day);
    if (chain.isEmpty()) {
      String name = fallbackName == null ? "" : fallbackName;
      return new Letterhead(null, name, null, "BC-" + initials(name), false, head(name));
    }
    OrgUnitResponse unit = chain.get(0);
    OrgUnitResponse admin =
        chain.stream().filter(u -> administrative(u.kind())).findFirst().orElse(null);
    String place = place(chain);
    if (administrative(unit.kind())) {
      return new Letterhead(null, committee(unit.name()), place, "BC-UBND", true, "Chủ tịch");
    }
    String name = unit.name();
    String parentBody = null;
    if (chain.size() > 1) {
      OrgUnitResponse parent = chain.get(1);
      parentBody =
          administrative(parent.kind())
              ? committee(parent.name())
              : parent.kind() == OrgUnitKind.CENTRAL ? parent.name() : stripped(parent, admin);
      name = stripped(unit, admin);
    }
    return new Letterhead(parentBody, name, place, "BC-" + initials(name), false, head(name));
  }

  /**
   * The signature block: the issued document's (its authority, the signer's title and name) when
   * the report names one, else the head of the issuer's (a committee signs "TM. ỦY BAN NHÂN DÂN",
   * "CHỦ TỊCH"; a department's head signs with the title of the head), with no name.
   */
  static Signer signer(Letterhead head, Optional<DirectiveResponse> document) {
    String collective = head.committee() ? COMMITTEE : head.issuingBody();
    if (document.isEmpty()) {
      return head.committee()
          ? new Signer("TM. " + collective, head.headTitle(), null)
          : new Signer(null, head.headTitle(), null);
    }
    DirectiveResponse d = document.get();
    String title = blank(d.signerTitle()) ? head.headTitle() : d.signerTitle();
    SigningAuthority authority =
        d.signingAuthority() == null ? SigningAuthority.DIRECT : d.signingAuthority();
    String name = blank(d.signerName()) ? null : d.signerName();
    return switch (authority) {
      case DIRECT -> new Signer(null, title, name);
      case TM -> new Signer("TM. " + collective, title, name);
      case KT -> new Signer("KT. " + head.headTitle(), title, name);
      case Q -> new Signer(null, "Q. " + title, name);
      case TL -> new Signer("TL. " + head.headTitle(), title, name);
      case TUQ -> new Signer("TUQ. " + head.headTitle(), title, name);
    };
  }

  /** The unit and its ancestors, nearest first, as of the day. */
  private List<OrgUnitResponse> chain(UUID unitId, LocalDate day) {
    List<OrgUnitResponse> out = new ArrayList<>();
    UUID id = unitId;
    while (id != null && out.size() < 12) {
      Optional<OrgUnitResponse> u = units.find(id, day);
      if (u.isEmpty()) {
        break;
      }
      out.add(u.get());
      id = u.get().parentId();
    }
    return out;
  }

  private static boolean administrative(OrgUnitKind kind) {
    return kind == OrgUnitKind.PROVINCE
        || kind == OrgUnitKind.DISTRICT
        || kind == OrgUnitKind.COMMUNE;
  }

  /** "Ủy ban nhân dân Phường 12", unless the name already says it. */
  static String committee(String name) {
    String n = name == null ? "" : name.strip();
    String lower = n.toLowerCase(VI);
    return lower.startsWith("ủy ban") || lower.startsWith("uỷ ban") || lower.startsWith("ubnd")
        ? n
        : COMMITTEE + " " + n;
  }

  /** "Phòng Nội vụ quận Gò Vấp" under Quận Gò Vấp is "Phòng Nội vụ" on its letterhead. */
  private static String stripped(OrgUnitResponse unit, OrgUnitResponse admin) {
    String name = unit.name().strip();
    if (admin == null) {
      return name;
    }
    for (String suffix : new String[] {admin.name(), admin.shortName()}) {
      if (blank(suffix)) {
        continue;
      }
      String s = " " + suffix.strip().toLowerCase(VI);
      if (name.toLowerCase(VI).endsWith(s) && name.length() > s.length()) {
        return name.substring(0, name.length() - s.length()).strip();
      }
    }
    return name;
  }

  /**
   * Địa danh (Decree 30/2020, Phụ lục I): the administrative unit the issuer sits in (itself or its
   * nearest ancestor) without its kind ("Quận Gò Vấp" is "Gò Vấp"), in full when named by a number
   * or after a person ("Phường 12", "Thành phố Hồ Chí Minh"); "Hà Nội" for central bodies.
   */
  private static String place(List<OrgUnitResponse> chain) {
    for (OrgUnitResponse u : chain) {
      if (administrative(u.kind())) {
        return placeName(u.name());
      }
      if (u.kind() == OrgUnitKind.CENTRAL) {
        return "Hà Nội";
      }
    }
    return null;
  }

  static String placeName(String name) {
    String n = name == null ? "" : name.strip();
    String lower = n.toLowerCase(VI);
    for (String word : ADMIN_WORDS) {
      if (lower.startsWith(word + " ")) {
        String rest = n.substring(word.length()).strip();
        if (rest.isEmpty() || Character.isDigit(rest.charAt(0)) || rest.equals("Hồ Chí Minh")) {
          return n;
        }
        return rest;
      }
    }
    return n;
  }

  /** The usual title of the head of a body, from the first word(s) of its name. */
  static String head(String issuingBody) {
    String lower = issuingBody == null ? "" : issuingBody.strip().toLowerCase(VI);
    if (lower.startsWith("ủy ban") || lower.startsWith("uỷ ban")) {
      return "Chủ tịch";
    }
    if (lower.startsWith("văn phòng")) {
      return "Chánh Văn phòng";
    }
    if (lower.startsWith("thanh tra")) {
      return "Chánh Thanh tra";
    }
    if (lower.startsWith("phòng")) {
      return "Trưởng phòng";
    }
    if (lower.startsWith("sở")) {
      return "Giám đốc";
    }
    if (lower.startsWith("ban")) {
      return "Trưởng ban";
    }
    if (lower.startsWith("bộ")) {
      return "Bộ trưởng";
    }
    return "Thủ trưởng cơ quan";
  }

  /**
   * The abbreviation of a body for a document symbol: the initials of its words, "và" left out
   * ("Phòng Nội vụ" → "PNV", "Phòng Tài nguyên và Môi trường" → "PTNMT"); the first two when longer
   * than six.
   */
  static String initials(String name) {
    StringBuilder b = new StringBuilder();
    for (String word : (name == null ? "" : name.strip()).split("\\s+")) {
      if (word.isEmpty() || word.equalsIgnoreCase("và")) {
        continue;
      }
      char c = word.charAt(0);
      if (c == 'đ' || c == 'Đ') {
        b.append('Đ');
      } else if (Character.isLetterOrDigit(c)) {
        // the letter without its accent: "Ủy" gives U
        b.append(
            java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD)
                .substring(0, 1)
                .toUpperCase(Locale.ROOT));
      }
    }
    String s = b.toString();
    if (s.isEmpty()) {
      return "UBND";
    }
    return s.length() > 6 ? s.substring(0, 2) : s;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
