package dev.answerline.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.server.TrustedProxy;
import java.net.InetAddress;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client address behind trusted proxies: only what they appended counts. */
class ClientAddressTest {

    private static String client(TrustedProxy proxy, String... headers) {
        HttpFields.Mutable fields = HttpFields.build();
        for (int i = 0; i < headers.length; i += 2) {
            fields.add(headers[i], headers[i + 1]);
        }
        InetAddress address = new ClientAddress(proxy).client(fields);
        return address == null ? "(connection)" : address.getHostAddress();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            one proxy: its entry                        | 203.0.113.7                        | 203.0.113.7
            a forged entry on the left is ignored       | 6.6.6.6, 203.0.113.7                | 203.0.113.7
            many forged entries                         | 1.1.1.1, 2.2.2.2, 3.3.3.3, 203.0.113.7 | 203.0.113.7
            spaces and a port                           | 6.6.6.6 ,  203.0.113.7:4711         | 203.0.113.7
            IPv6 in brackets with a port                | 6.6.6.6, [2001:db8::1]:4711         | 2001:db8:0:0:0:0:0:1
            not an address: the connection's            | 6.6.6.6, unknown                    | (connection)
            a host name is never looked up              | 6.6.6.6, evil.example               | (connection)
            an empty entry                              | '6.6.6.6, '                         | (connection)
            """)
    void oneTrustedProxyMeansTheRightmostEntry(String what, String header, String expected) {
        assertThat(client(TrustedProxy.xForwardedFor(1), "X-Forwarded-For", header)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            two hops: the second from the right          | 6.6.6.6, 198.51.100.2, 10.0.0.5 | 198.51.100.2
            fewer entries than proxies: not through both | 10.0.0.5                        | (connection)
            """)
    void moreTrustedProxiesCountFromTheRight(String what, String header, String expected) {
        assertThat(client(TrustedProxy.xForwardedFor(2), "X-Forwarded-For", header)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void severalHeaderLinesAreOneList() {
        assertThat(client(TrustedProxy.xForwardedFor(1), "X-Forwarded-For", "6.6.6.6", "X-Forwarded-For",
                "203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @org.junit.jupiter.api.Test
    void aClientWrittenForwardedHeaderIsIgnoredUnlessItIsTheConfiguredOne() {
        assertThat(client(TrustedProxy.xForwardedFor(1), "Forwarded", "for=6.6.6.6", "X-Forwarded-For",
                "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(client(TrustedProxy.xForwardedFor(1), "Forwarded", "for=6.6.6.6")).isEqualTo("(connection)");
        TrustedProxy forwarded = new TrustedProxy(1, TrustedProxy.Header.FORWARDED);
        assertThat(client(forwarded, "X-Forwarded-For", "6.6.6.6", "Forwarded",
                "for=6.6.6.6;proto=https, for=\"[2001:db8::7]:80\";by=10.0.0.1")).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(client(forwarded, "Forwarded", "for=6.6.6.6, proto=https")).isEqualTo("(connection)");
    }

    @org.junit.jupiter.api.Test
    void noTrustedProxyKeepsTheConnection() {
        assertThat(client(TrustedProxy.NONE, "X-Forwarded-For", "203.0.113.7")).isEqualTo("(connection)");
    }
}
