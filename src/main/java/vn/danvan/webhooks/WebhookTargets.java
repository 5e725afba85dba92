package vn.danvan.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.error.ApiException.FieldError;
import vn.danvan.shared.security.SecurityMode;

/**
 * Which URLs a webhook may target (SSRF): https only in external mode (http too with the embedded
 * database, the demo); the host is resolved and every address must be public — loopback, private
 * (RFC 1918, ULA), link-local (with the cloud metadata addresses), CGNAT, multicast, unspecified
 * and reserved blocks are refused — unless the host or a CIDR block holding the address is
 * allow-listed ({@code danvan.webhooks.allowed-targets}). Checked when a subscription is created
 * and again before every attempt, since a name may resolve elsewhere later (DNS rebinding).
 */
@ApplicationScoped
class WebhookTargets {

  static final int MAX_URL_LENGTH = 2048;

  /** A CIDR block. */
  record Block(byte[] network, int prefix) {
    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != network.length) {
        return false;
      }
      int bits = prefix;
      for (int i = 0; i < a.length && bits > 0; i++, bits -= 8) {
        int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
        if ((a[i] & mask) != (network[i] & mask)) {
          return false;
        }
      }
      return true;
    }

    /** An IP literal, never looked up in DNS. */
    private static InetAddress literal(String s) {
      if (!s.matches("[0-9A-Fa-f:.]+")) {
        throw new IllegalArgumentException(s);
      }
      try {
        return InetAddress.getByName(s);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(s, e);
      }
    }

    static Block parse(String cidr) {
      int slash = cidr.indexOf('/');
      try {
        InetAddress a = literal(cidr.substring(0, slash).trim());
        int prefix = Integer.parseInt(cidr.substring(slash + 1).trim());
        if (prefix < 0 || prefix > a.getAddress().length * 8) {
          throw new IllegalArgumentException(cidr);
        }
        return new Block(a.getAddress(), prefix);
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "danvan.webhooks.allowed-targets: not a CIDR block: " + cidr, e);
      }
    }
  }

  /** Blocks never targeted unless allow-listed, beyond what InetAddress classifies. */
  private static final List<Block> INTERNAL =
      List.of(
          Block.parse("0.0.0.0/8"),
          Block.parse("100.64.0.0/10"), // CGNAT
          Block.parse("192.0.0.0/24"), // IETF protocol assignments
          Block.parse("198.18.0.0/15"), // benchmarking
          Block.parse("240.0.0.0/4"), // reserved, broadcast
          Block.parse("fc00::/7"), // ULA, incl. fd00:ec2::254 (AWS metadata)
          Block.parse("64:ff9b::/96"), // NAT64 of any IPv4 address
          Block.parse("2001:db8::/32"));

  @Inject WebhookConfig config;
  @Inject SecurityMode mode;
  @Inject HostResolver resolver;

  /** A target that passed the checks. */
  record Target(URI uri, String host) {}

  /**
   * The URL as a target, or 400 (not an absolute http(s) URL, pointer {@code /url}) or 422 {@code
   * WEBHOOK_TARGET_NOT_ALLOWED} (scheme, or an address that is not public).
   */
  Target check(String url) {
    URI uri = parse(url);
    if (!"https".equals(uri.getScheme()) && !mode.embeddedDatabase()) {
      throw refused("field.WEBHOOK_HTTPS_REQUIRED");
    }
    String problem = addressProblem(uri.getHost());
    if (problem != null) {
      throw refused(problem);
    }
    return new Target(uri, uri.getHost());
  }

  /**
   * Null when {@code host} may be targeted now, else the message key saying why not: the check
   * before every delivery attempt.
   */
  String addressProblem(String host) {
    String bare = bare(host);
    if (hostAllowed(bare)) {
      return null;
    }
    List<InetAddress> addresses;
    try {
      addresses = resolver.resolve(bare);
    } catch (UnknownHostException e) {
      return "field.WEBHOOK_HOST_UNRESOLVED";
    }
    if (addresses.isEmpty()) {
      return "field.WEBHOOK_HOST_UNRESOLVED";
    }
    for (InetAddress a : addresses) {
      if (internal(a) && !blockAllowed(a)) {
        return "field.WEBHOOK_ADDRESS_NOT_PUBLIC";
      }
    }
    return null;
  }

  private static URI parse(String url) {
    if (url == null || url.isBlank()) {
      throw ApiException.invalid("/url", "field.REQUIRED");
    }
    if (url.length() > MAX_URL_LENGTH) {
      throw ApiException.invalid("/url", "field.WEBHOOK_URL_INVALID");
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw ApiException.invalid("/url", "field.WEBHOOK_URL_INVALID");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute()
        || !(scheme.equals("http") || scheme.equals("https"))
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawFragment() != null) {
      throw ApiException.invalid("/url", "field.WEBHOOK_URL_INVALID");
    }
    return uri;
  }

  private static ApiException refused(String messageKey) {
    return new ApiException(
        422, "WEBHOOK_TARGET_NOT_ALLOWED", List.of(FieldError.of("/url", messageKey)));
  }

  private static String bare(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }

  private boolean hostAllowed(String host) {
    for (String entry : allowList()) {
      if (!entry.contains("/") && entry.equalsIgnoreCase(host)) {
        return true;
      }
    }
    return false;
  }

  private boolean blockAllowed(InetAddress address) {
    for (String entry : allowList()) {
      if (entry.contains("/") && Block.parse(entry).contains(address)) {
        return true;
      }
    }
    return false;
  }

  private List<String> allowList() {
    List<String> entries = new ArrayList<>();
    for (String e : config.allowedTargets().orElse(List.of())) {
      if (!e.isBlank()) {
        entries.add(bare(e.trim()));
      }
    }
    return entries;
  }

  /** Whether the address is not a public unicast address. */
  static boolean internal(InetAddress a) {
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    if (a instanceof Inet6Address six && embeddedIpv4(six) instanceof InetAddress four) {
      return internal(four);
    }
    for (Block b : INTERNAL) {
      if (b.contains(a)) {
        return true;
      }
    }
    return !(a instanceof Inet4Address || a instanceof Inet6Address);
  }

  /** The IPv4 address an IPv4-compatible (::a.b.c.d) IPv6 address carries, or null. */
  private static InetAddress embeddedIpv4(Inet6Address six) {
    byte[] b = six.getAddress();
    if (new BigInteger(1, java.util.Arrays.copyOf(b, 12)).signum() != 0) {
      return null;
    }
    try {
      return InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16));
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
