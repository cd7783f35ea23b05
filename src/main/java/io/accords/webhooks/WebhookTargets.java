package io.accords.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which targets a subscription may deliver to: an https address on the public internet, so that nobody can make this
 * service call into the network it runs in (loopback, private, link-local and shared ranges, cloud metadata). Closed
 * networks and tests allow private targets, or name hosts that may resolve to them.
 */
final class WebhookTargets {

    private WebhookTargets() {}

    /** Why a target may not be delivered to, in words for its owner; empty when it may. */
    static Optional<String> refusal(String target, boolean allowPrivate, List<String> allowedHosts) {
        URI uri;
        try {
            uri = new URI(target);
        } catch (java.net.URISyntaxException e) {
            return Optional.of("is not an address: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            return Optional.of("must be an https address");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("must name a host, with no user name, password or fragment");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowPrivate || allowedHosts.contains(host)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve: " + host);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("resolves to " + address.getHostAddress()
                        + ", which is not a public address; this service delivers only to the public internet");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xFF;
            int second = bytes[1] & 0xFF;
            return first != 0 // this network
                    && !(first == 100 && second >= 64 && second < 128) // shared (carrier-grade NAT)
                    && !(first == 192 && second == 0 && (bytes[2] & 0xFF) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xFF;
            return (first & 0xFE) != 0xFC; // unique local fc00::/7
        }
        return false;
    }
}
