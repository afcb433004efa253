package io.crowdrecon.recon.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.shared.ErrorCode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;

class RequestTextFilterTests {

    static Stream<Arguments> encodings() {
        return Stream.of(
                // raw, decoded (null: refused)
                Arguments.of("TRX1234567890123428", "TRX1234567890123428"),
                Arguments.of("Zo%C3%AB", "Zoë"),
                Arguments.of("%F0%9F%92%B8", "\uD83D\uDCB8"),
                Arguments.of("a%20b", "a b"),
                Arguments.of("%00", "\u0000"), // valid UTF-8: the control check refuses it
                Arguments.of("%ED%A0%80", null), // an encoded surrogate
                Arguments.of("%FF", null),
                Arguments.of("%C0%AF", null), // an overlong '/'
                Arguments.of("%E2%82", null), // cut short
                Arguments.of("%", null),
                Arguments.of("%zz", null),
                Arguments.of("%4", null));
    }

    @ParameterizedTest
    @MethodSource("encodings")
    void decodesPercentEncodedUtf8Strictly(String raw, String decoded) {
        assertThat(RequestTextFilter.decoded(raw, false).orElse(null)).isEqualTo(decoded);
    }

    @Test
    void readsAPlusAsASpaceOnlyInAQuery() {
        assertThat(RequestTextFilter.decoded("a+b", true)).contains("a b");
        assertThat(RequestTextFilter.decoded("a+b", false)).contains("a+b");
    }

    static Stream<Arguments> paths() {
        return Stream.of(
                Arguments.of("/api/v1/orders/TRX1234567890123428", null),
                Arguments.of("/api/v1/orders/anything%20at%20all", null),
                Arguments.of("/api/v1/orders/%00", ErrorCode.NOT_FOUND),
                Arguments.of("/api/v1/orders/%0A", ErrorCode.NOT_FOUND),
                Arguments.of("/api/v1/orders/%ED%A0%80/payment", ErrorCode.NOT_FOUND),
                Arguments.of("/api/v1/orders/%FF", ErrorCode.NOT_FOUND),
                Arguments.of("/api/v1/orders/%C0%AF", ErrorCode.NOT_FOUND));
    }

    @ParameterizedTest
    @MethodSource("paths")
    void refusesAPathNoResourceCanHave(String path, ErrorCode refusal) {
        assertThat(RequestTextFilter.pathRefusal(path).map(RequestTextFilter.Refusal::code))
                .isEqualTo(java.util.Optional.ofNullable(refusal));
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                // raw query, refused, what the detail names
                Arguments.of("status=OPEN&page=2", false, null),
                Arguments.of("candidateOrderId=TRX1234567890123428", false, null),
                Arguments.of("orderId=TRX1234567890123428&campaignId=COL23456789ABCDEFGH", false, null),
                Arguments.of("reason=%E2%80%AEabc", false, null), // RTL mark: odd, not harmful
                Arguments.of("status=%00", true, "status"),
                Arguments.of("status=%FF", true, "status"),
                Arguments.of("status=%ED%A0%80", true, "status"),
                Arguments.of("%00=1", true, "name"),
                Arguments.of("candidateOrderId=TRX1234567890123429", true, "candidateOrderId"),
                Arguments.of("candidateOrderId=", true, "candidateOrderId"),
                Arguments.of("orderId=%00", true, "orderId"),
                Arguments.of("campaignId=COL0000000000000000", true, "campaignId"),
                Arguments.of("page=1&orderId=..%2F", true, "orderId"));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void refusesAQueryParameterThatIsNoTextOrNoId(String query, boolean refused, String named) {
        var refusal = RequestTextFilter.queryRefusal(query);

        assertThat(refusal.isPresent()).isEqualTo(refused);
        refusal.ifPresent(r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
            assertThat(r.detail()).contains(named);
        });
    }

    static Stream<Arguments> headers() {
        return Stream.of(
                // path, header, value, refusal
                Arguments.of("/api/v1/orders", "Idempotency-Key", "order-42", null),
                Arguments.of("/api/v1/orders", "Idempotency-Key", "k".repeat(255), null),
                Arguments.of("/api/v1/orders", "Idempotency-Key", "k".repeat(256), ErrorCode.INVALID_PARAMETER),
                Arguments.of("/api/v1/orders", "Idempotency-Key", "", ErrorCode.INVALID_PARAMETER),
                Arguments.of("/api/v1/orders", "Idempotency-Key", "a b", ErrorCode.INVALID_PARAMETER),
                Arguments.of("/api/v1/orders", "Idempotency-Key", "\u00e9t\u00e9", ErrorCode.INVALID_PARAMETER),
                Arguments.of("/api/v1/orders", "Idempotency-Key", "a\u0001", ErrorCode.INVALID_PARAMETER),
                Arguments.of("/api/v1/orders/events", "Last-Event-ID", "42", null),
                Arguments.of("/api/v1/orders/events", "Last-Event-ID", "", null),
                Arguments.of("/api/v1/orders/events", "Last-Event-ID", "4".repeat(65), ErrorCode.INVALID_PARAMETER),
                Arguments.of("/api/v1/orders/events", "Last-Event-ID", "\u00ff", ErrorCode.INVALID_PARAMETER),
                Arguments.of("/api/v1/webhooks/card", "X-Portal-Id", "PRT23456789ABCDEFGH", null),
                Arguments.of("/api/v1/webhooks/card", "X-Portal-Id", "PRT-1", ErrorCode.UNAUTHORIZED),
                Arguments.of("/api/v1/webhooks/card", "X-Portal-Id", "\u00ff", ErrorCode.UNAUTHORIZED),
                Arguments.of("/api/v1/orders", "X-Portal-Id", "anything", null));
    }

    @ParameterizedTest
    @MethodSource("headers")
    void refusesAHeaderTheServiceReadsWhenItCannotBeWhatItNames(
            String path, String header, String value, ErrorCode refusal) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(header, value);

        assertThat(RequestTextFilter.headerRefusal(path, headers).map(RequestTextFilter.Refusal::code))
                .isEqualTo(java.util.Optional.ofNullable(refusal));
    }
}
