package io.crowdrecon.recon.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class RequestJsonTests {

    private static final JsonMapper APPLICATION = JsonMapper.builder().build();
    private static final JsonMapper REQUESTS = RequestJson.mapper(APPLICATION);

    record Split(String orderId, Integer companyAmountToExecute) {}

    record Body(
            String name,
            String companyId,
            String campaignId,
            String instructionId,
            String notificationId,
            List<String> ordersToExecute,
            Split orderToSplit) {}

    static Stream<Arguments> refused() {
        return Stream.of(
                // body, field, message
                Arguments.of("{\"name\":\"a\\u0000b\"}", "name", "must not contain a NUL character"),
                Arguments.of("{\"name\":\"\\ud800\"}", "name", "must not contain an unpaired surrogate"),
                Arguments.of("{\"notificationId\":\"\\udc00x\"}", "notificationId", "unpaired surrogate"),
                Arguments.of("{\"companyId\":\"USR0000000000000000\"}", "companyId", "not a well-formed id: USR"),
                Arguments.of("{\"campaignId\":\"../\"}", "campaignId", "not a well-formed id: COL"),
                Arguments.of("{\"instructionId\":\"PI-1\"}", "instructionId", "not a well-formed id: PI"),
                Arguments.of(
                        "{\"ordersToExecute\":[\"TRX1234567890123428\",\"TRX1234567890123429\"]}",
                        "ordersToExecute[1]",
                        "TRX and 16 digits"),
                Arguments.of("{\"ordersToExecute\":[\"\\u0000\"]}", "ordersToExecute[0]", "NUL"),
                Arguments.of("{\"orderToSplit\":{\"orderId\":\"TRX\"}}", "orderToSplit.orderId", "TRX and 16 digits"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesAStringThatNoFieldMayHoldOrAnIdOfTheWrongShape(String json, String field, String message) {
        assertThatThrownBy(() -> REQUESTS.readValue(json, Body.class))
                .isInstanceOfSatisfying(RequestJson.RejectedText.class, rejected -> {
                    assertThat(path(rejected)).isEqualTo(field);
                    assertThat(rejected.reason()).contains(message);
                });
    }

    @Test
    void readsWellFormedTextAndIdsAsTheApplicationDoes() {
        String json =
                """
                {"name":"Zoë 💸 \\u202E","companyId":"USR23456789ABCDEFGH","campaignId":"  ",
                 "instructionId":"PI23456789ABCDEFGH","notificationId":"N-1",
                 "ordersToExecute":["TRX1234567890123428"],"orderToSplit":{"orderId":"TRX9876543210987606"}}
                """;

        Body body = REQUESTS.readValue(json, Body.class);

        assertThat(body).isEqualTo(APPLICATION.readValue(json, Body.class));
        assertThat(body.campaignId()).isBlank(); // blank is absent: the request's own validation says "is required"
    }

    @Test
    void leavesTheApplicationsMapperAsItWas() {
        assertThat(APPLICATION.readValue("{\"name\":\"a\\u0000b\"}", Body.class).name())
                .isEqualTo("a\u0000b");
    }

    private static String path(DatabindException error) {
        StringBuilder path = new StringBuilder();
        for (var reference : error.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
