package io.crowdrecon.recon.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.PortalId;
import java.time.Instant;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PortalTests {

    static Stream<Arguments> creditors() {
        return Stream.of(
                Arguments.of("Crowd One", null, "Crowd One"),
                Arguments.of("Crowd One", "Banca Sella S.p.A.", "Banca Sella S.p.A."),
                Arguments.of("Crowd One", "Crowd One", "Crowd One"));
    }

    @ParameterizedTest(name = "{0} held by {1}: investors pay {2}")
    @MethodSource("creditors")
    void investorsPayTheCollectionAccountHolderDefaultingToThePortalsName(
            String name, @Nullable String holder, String creditor) {
        Portal portal = new Portal(
                new PortalId("PRT0000000000000001"),
                name,
                new Iban("IT60X0542811101000000123456"),
                new Iban("DE89370400440532013000"),
                Instant.EPOCH,
                holder);

        assertThat(portal.creditorName()).isEqualTo(creditor);
    }
}
