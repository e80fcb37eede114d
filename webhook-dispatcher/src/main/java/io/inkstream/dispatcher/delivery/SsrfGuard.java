package io.inkstream.dispatcher.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses webhook targets that resolve to loopback, private, link-local (incl. cloud metadata), multicast,
 * unspecified or otherwise non-public addresses, unless the host or IP is allow-listed. It resolves once and
 * hands back the address to connect to, so a DNS answer that changes between check and connect cannot bypass it.
 */
public final class SsrfGuard {

    /** What the guard decided about a target URL. */
    public sealed interface Verdict permits Allowed, Refused, Unresolvable {
    }

    /** Deliver to {@code address} (port {@code port}, TLS when {@code tls}), sending {@code host} as Host/SNI. */
    public record Allowed(URI uri, String host, int port, boolean tls, InetAddress address) implements Verdict {
    }

    /** Never deliver: the reason is recorded on the attempt and the message fails without retries. */
    public record Refused(String reason) implements Verdict {
    }

    /** DNS gave no answer: a transient failure, retried on schedule. */
    public record Unresolvable(String reason) implements Verdict {
    }

    private final Set<String> allowed;

    public SsrfGuard(Collection<String> allowedHosts) {
        this.allowed = allowedHosts.stream().map(SsrfGuard::normalise).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Blocking (DNS): call off the event loop. */
    public Verdict check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return new Refused("target URL is not a valid URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Refused("target URL scheme must be http or https");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return new Refused("target URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            return new Refused("target URL must not carry credentials");
        }
        String host = normalise(uri.getHost());
        boolean tls = scheme.equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new Unresolvable("target host " + host + " does not resolve");
        }
        boolean hostAllowed = allowed.contains(host);
        for (InetAddress address : addresses) {
            String why = forbiddenReason(address);
            if (why != null && !hostAllowed && !allowed.contains(normalise(address.getHostAddress()))) {
                return new Refused("target " + host + " resolves to " + why + " address " + address.getHostAddress()
                        + " (not in inkstream.webhooks.allowed-hosts)");
            }
        }
        return new Allowed(uri, uri.getHost().startsWith("[") ? host : uri.getHost(), port, tls, addresses[0]);
    }

    /** Null when the address is public, otherwise what kind of address it is. */
    static String forbiddenReason(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "an unspecified";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback";
        }
        if (address.isLinkLocalAddress()) {
            // includes 169.254.169.254, the cloud metadata service
            return "a link-local/metadata";
        }
        if (address.isSiteLocalAddress()) {
            return "a private";
        }
        if (address.isMulticastAddress()) {
            return "a multicast";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "an unspecified";
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return "a carrier-grade NAT";
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return "a reserved";
            }
            if (first >= 240) {
                return "a reserved";
            }
        } else if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                // fc00::/7 unique local, incl. fd00:ec2::254 (metadata)
                return "a private";
            }
            if (isIpv4Compatible(b)) {
                return "an IPv4-embedding";
            }
        }
        return null;
    }

    private static boolean isIpv4Compatible(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        // ::a.b.c.d or ::ffff:a.b.c.d that Java did not already turn into an Inet4Address
        return (b[10] == 0 && b[11] == 0) || ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff);
    }

    private static String normalise(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h;
    }

    /** For logs and tests. */
    public List<String> allowedHosts() {
        return allowed.stream().sorted().toList();
    }
}
