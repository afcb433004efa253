package io.crowdrecon.recon.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Where a webhook may go (issue 24 item 1: https only, never loopback, link-local or private ranges). */
class UrlPolicyTests {

    private static final UrlPolicy.Settings PRODUCTION = new UrlPolicy.Settings(false, false);
    private static final UrlPolicy.Settings EMBEDDED = new UrlPolicy.Settings(true, true);

    @ParameterizedTest(name = "{0}: production {1}, embedded {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            https://hooks.portal.example/recon       | -                     | -
            HTTPS://hooks.portal.example:8443/a?b=c  | -                     | -
            http://hooks.portal.example/recon        | must be https         | -
            ftp://hooks.portal.example/recon         | must be https         | must be http or https
            /relative/path                           | must be https         | must be http or https
            https:///no-host                         | has no host           | has no host
            https://user:pass@hooks.example/         | must not carry credentials | must not carry credentials
            https://hooks.example/#part              | must not have a fragment | must not have a fragment
            https://hooks example/                   | is not a URL          | is not a URL
            """)
    void checksTheShapeOfAUrl(String url, String production, String embedded) {
        assertThat(UrlPolicy.refusal(url, PRODUCTION).orElse("-")).isEqualTo(production);
        assertThat(UrlPolicy.refusal(url, EMBEDDED).orElse("-")).isEqualTo(embedded);
    }

    static Stream<Arguments> addresses() {
        return Stream.of(
                Arguments.of("93.184.215.14", true),
                Arguments.of("8.8.8.8", true),
                Arguments.of("2606:4700:4700::1111", true),
                Arguments.of("127.0.0.1", false),
                Arguments.of("127.1.2.3", false),
                Arguments.of("0.0.0.0", false),
                Arguments.of("0.1.2.3", false),
                Arguments.of("10.0.0.1", false),
                Arguments.of("172.16.0.1", false),
                Arguments.of("172.31.255.255", false),
                Arguments.of("172.32.0.1", true),
                Arguments.of("192.168.1.1", false),
                Arguments.of("169.254.169.254", false), // cloud metadata
                Arguments.of("100.64.0.1", false),
                Arguments.of("100.128.0.1", true),
                Arguments.of("198.18.0.1", false),
                Arguments.of("224.0.0.1", false),
                Arguments.of("255.255.255.255", false),
                Arguments.of("::1", false),
                Arguments.of("::", false),
                Arguments.of("fe80::1", false),
                Arguments.of("fc00::1", false),
                Arguments.of("fd12:3456::1", false),
                Arguments.of("ff02::1", false),
                Arguments.of("2001:db8::1", false),
                Arguments.of("::ffff:127.0.0.1", false),
                Arguments.of("::ffff:169.254.169.254", false),
                Arguments.of("::ffff:8.8.8.8", true),
                Arguments.of("::127.0.0.1", false),
                Arguments.of("64:ff9b::a00:1", false), // NAT64 of 10.0.0.1
                Arguments.of("64:ff9b::808:808", true),
                Arguments.of("2002:a00:1::1", false), // 6to4 of 10.0.0.1
                Arguments.of("2002:808:808::1", true));
    }

    @ParameterizedTest(name = "{0} public: {1}")
    @MethodSource("addresses")
    void refusesEveryAddressThatIsNotPublicUnlessPrivateIsAllowed(String literal, boolean isPublic) throws Exception {
        InetAddress address = InetAddress.getByName(literal);
        assertThat(UrlPolicy.isPublic(address)).isEqualTo(isPublic);
        assertThat(UrlPolicy.refusal(address, PRODUCTION).isPresent()).isEqualTo(!isPublic);
        if (!isPublic) {
            assertThat(UrlPolicy.refusal(address, PRODUCTION))
                    .contains("resolves to " + address.getHostAddress() + ", which is not a public address");
        }
        assertThat(UrlPolicy.refusal(address, EMBEDDED)).isEmpty();
    }
}
