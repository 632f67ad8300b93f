package dev.answerline.server.internal;

import dev.answerline.server.TrustedProxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Gives each request the client address that the trusted proxies report: the entry the outermost trusted
 * proxy appended to its header, counted from the right, since everything to its left is what the client
 * sent. Requests without enough entries (they did not pass every trusted proxy) keep the address of the
 * connection. Only the configured header is read: a client-written {@code Forwarded} never overrides the
 * proxy's {@code X-Forwarded-For}, nor the reverse.
 */
public final class ClientAddress implements HttpConfiguration.Customizer {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    private final TrustedProxy proxy;

    public ClientAddress(TrustedProxy proxy) {
        this.proxy = proxy;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        InetAddress client = client(request.getHeaders());
        if (client == null) {
            return request;
        }
        ConnectionMetaData metaData = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
            private final InetSocketAddress remote = new InetSocketAddress(client, 0);

            @Override
            public SocketAddress getRemoteSocketAddress() {
                return remote;
            }
        };
        return new Request.Wrapper(request) {
            @Override
            public ConnectionMetaData getConnectionMetaData() {
                return metaData;
            }
        };
    }

    /** The address the outermost trusted proxy saw, or null to keep the connection's. */
    InetAddress client(HttpFields headers) {
        List<String> entries = new ArrayList<>();
        // several header lines are one list, in order (RFC 9110, 5.3)
        for (String line : headers.getValuesList(proxy.header().fieldName())) {
            for (String entry : line.split(",", -1)) {
                entries.add(entry.strip());
            }
        }
        int at = entries.size() - proxy.hops();
        if (proxy.hops() == 0 || at < 0) {
            return null;
        }
        String entry = entries.get(at);
        return literal(proxy.header() == TrustedProxy.Header.FORWARDED ? forwardedFor(entry) : entry);
    }

    /** The {@code for=} parameter of one {@code Forwarded} element, unquoted; null without one. */
    private static String forwardedFor(String element) {
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase("for")) {
                String value = pair.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return null;
    }

    /**
     * An IP address written as a literal, with or without a port ({@code 192.0.2.1:4711},
     * {@code [2001:db8::1]:4711}); null for anything else, such as {@code unknown} or a host name, which is
     * never looked up.
     */
    static InetAddress literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        String address = text;
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0) {
                return null;
            }
            address = address.substring(1, close);
        } else if (address.indexOf(':') == address.lastIndexOf(':') && address.indexOf(':') > 0) {
            address = address.substring(0, address.indexOf(':'));
        }
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            return null;
        }
        try {
            // a literal: parsed, never resolved
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
