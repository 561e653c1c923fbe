package dev.courseline.enquiry.abuse;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The client a request comes from: the peer's address, or, when the peer is a trusted proxy, the nearest address in
 * {@code X-Forwarded-For} that is not itself a trusted proxy. A header from any other peer is ignored, since anyone
 * can write one.
 */
@Component
public class ClientAddresses {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Cidr> trusted;

    public ClientAddresses(AbuseProperties properties) {
        this.trusted = properties.trustedProxies() == null
                ? List.of()
                : properties.trustedProxies().stream().map(String::strip).filter(s -> !s.isEmpty())
                        .map(Cidr::parse).toList();
    }

    public String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        if (peer == null) {
            return "unknown";
        }
        if (!isTrusted(peer)) {
            return name(peer);
        }
        List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
        InetAddress client = peer;
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(forwarded.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return name(client);
    }

    /** One name per machine: a browser on this host may come over ::1 and a script over 127.0.0.1. */
    private static String name(InetAddress address) {
        return address.isLoopbackAddress() ? "loopback" : address.getHostAddress();
    }

    boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(cidr -> cidr.contains(address));
    }

    /** An IP literal, never a host name (which would cost a DNS look-up chosen by the client). */
    static InetAddress literal(String text) {
        String value = text.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || value.length() > 45 || !IP_LITERAL.matcher(value).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("enquiry.abuse.trusted-proxies: not an address or CIDR: " + text);
            }
            byte[] bytes = address.getAddress();
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1).strip());
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("enquiry.abuse.trusted-proxies: bad prefix length: " + text);
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
