package io.crowdrecon.recon.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.outbox.StoredEvent;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which events a stream's filter lets through: the same rule the event log query applies in SQL. */
class EventFilterTests {

    private static final String ORDERS = "recon.order-events";
    private static final String MONEYOUTS = "recon.moneyouts";

    static Stream<Arguments> cases() {
        EventFilter portal = EventFilter.portal("P1", ORDERS, null, null);
        EventFilter portalCampaign = EventFilter.portal("P1", ORDERS, "C1", null);
        EventFilter portalOrder = EventFilter.portal("P1", ORDERS, null, "O1");
        EventFilter opsCampaign = EventFilter.ops("C1", null);
        EventFilter opsOrder = EventFilter.ops(null, "O1");
        EventFilter opsBoth = EventFilter.ops("C1", "O1");
        return Stream.of(
                Arguments.of("portal, its own order event", portal, event("P1", ORDERS, "C1", "O1"), true),
                Arguments.of("portal, another portal's", portal, event("P2", ORDERS, "C1", "O1"), false),
                Arguments.of("portal, an event of no portal", portal, event(null, ORDERS, "C1", "O1"), false),
                Arguments.of("portal, another topic", portal, event("P1", MONEYOUTS, "C1", "O1"), false),
                Arguments.of("portal campaign, that campaign", portalCampaign, event("P1", ORDERS, "C1", "O9"), true),
                Arguments.of("portal campaign, another", portalCampaign, event("P1", ORDERS, "C2", "O1"), false),
                Arguments.of("portal campaign, no campaign", portalCampaign, event("P1", ORDERS, null, "O1"), false),
                Arguments.of("portal order, that order", portalOrder, event("P1", ORDERS, "C9", "O1"), true),
                Arguments.of("portal order, another portal's", portalOrder, event("P2", ORDERS, "C1", "O1"), false),
                Arguments.of(
                        "ops campaign, any portal and topic", opsCampaign, event("P2", MONEYOUTS, "C1", null), true),
                Arguments.of("ops campaign, another", opsCampaign, event("P1", ORDERS, "C2", "O1"), false),
                Arguments.of("ops order, any portal", opsOrder, event(null, MONEYOUTS, null, "O1"), true),
                Arguments.of("ops order, another", opsOrder, event("P1", ORDERS, "C1", "O2"), false),
                Arguments.of("ops both, both match", opsBoth, event("P1", ORDERS, "C1", "O1"), true),
                Arguments.of("ops both, campaign differs", opsBoth, event("P1", ORDERS, "C2", "O1"), false),
                Arguments.of("everything", EventFilter.EVERYTHING, event(null, MONEYOUTS, null, null), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void letsThroughExactlyTheEventsOfItsPortalTopicCampaignAndOrder(
            String name, EventFilter filter, StoredEvent event, boolean passes) {
        assertThat(filter.test(event)).isEqualTo(passes);
    }

    @Test
    void refusesAPortalFilterWithoutItsPortal() {
        assertThatThrownBy(() -> EventFilter.portal(null, ORDERS, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static StoredEvent event(String portalId, String topic, String campaignId, String orderId) {
        return new StoredEvent(
                1,
                "id",
                topic,
                "key",
                "type",
                "/portals/" + portalId,
                portalId,
                orderId,
                campaignId,
                "{}",
                Instant.EPOCH);
    }
}
