package io.crowdrecon.recon.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may go. The URL must be absolute {@code https} (or {@code http} when allowed) with a host and no
 * credentials; and no address it resolves to may be loopback, link-local, private, shared or otherwise not a public
 * unicast address, unless private addresses are allowed: a portal must not make the service reach its own network
 * (SSRF). The address check runs at registration and again at every connection, on the addresses actually dialled, so
 * that a name that later resolves elsewhere is still refused.
 */
public final class UrlPolicy {

    public static final int MAX_LENGTH = 2048;

    /** {@code RECON_WEBHOOKS_ALLOW_HTTP} and {@code RECON_WEBHOOKS_ALLOW_PRIVATE}. */
    public record Settings(boolean allowHttp, boolean allowPrivate) {}

    private UrlPolicy() {}

    /** Why {@code url} may not be an endpoint's URL, before resolving it; empty when its shape is fine. */
    public static Optional<String> refusal(String url, Settings settings) {
        if (url.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && settings.allowHttp())) {
            return Optional.of(settings.allowHttp() ? "must be http or https" : "must be https");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("has no host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        return Optional.empty();
    }

    /** Why {@code address} may not be dialled for a webhook; empty when it may. */
    public static Optional<String> refusal(InetAddress address, Settings settings) {
        if (settings.allowPrivate() || isPublic(address)) {
            return Optional.empty();
        }
        return Optional.of("resolves to " + address.getHostAddress() + ", which is not a public address");
    }

    /** Whether {@code address} is a public unicast address of the internet. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(bytes);
        }
        if (address instanceof Inet6Address) {
            return isPublicV6(bytes);
        }
        return false;
    }

    private static boolean isPublicV4(byte[] a) {
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        return !(first == 0 // "this network"
                || first == 10
                || first == 127
                || (first == 100 && second >= 64 && second <= 127) // shared address space (carrier-grade NAT)
                || (first == 169 && second == 254)
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 0 && (a[2] & 0xff) == 0) // IETF protocol assignments
                || (first == 192 && second == 0 && (a[2] & 0xff) == 2) // documentation
                || (first == 192 && second == 168)
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || (first == 198 && second == 51 && (a[2] & 0xff) == 100) // documentation
                || (first == 203 && second == 0 && (a[2] & 0xff) == 113) // documentation
                || first >= 224); // multicast, reserved, broadcast
    }

    private static boolean isPublicV6(byte[] a) {
        int first = a[0] & 0xff;
        if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
            return false;
        }
        if (first == 0xfe && (a[1] & 0xc0) == 0xc0) { // site-local fec0::/10, deprecated
            return false;
        }
        if (first == 0x20 && (a[1] & 0xff) == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) {
            return false; // documentation 2001:db8::/32
        }
        // An IPv4 address inside an IPv6 one is judged as that IPv4 address: mapped ::ffff:0:0/96, compatible ::/96,
        // NAT64 64:ff9b::/96, and 6to4 2002::/16.
        if (isZero(a, 0, 10) && (((a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) || isZero(a, 10, 12))) {
            return isPublic(v4(Arrays.copyOfRange(a, 12, 16)));
        }
        if (first == 0x00
                && (a[1] & 0xff) == 0x64
                && (a[2] & 0xff) == 0xff
                && (a[3] & 0xff) == 0x9b
                && isZero(a, 4, 12)) {
            return isPublic(v4(Arrays.copyOfRange(a, 12, 16)));
        }
        if (first == 0x20 && (a[1] & 0xff) == 0x02) {
            return isPublic(v4(Arrays.copyOfRange(a, 2, 6)));
        }
        return true;
    }

    private static boolean isZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e); // four bytes are always an address
        }
    }
}
