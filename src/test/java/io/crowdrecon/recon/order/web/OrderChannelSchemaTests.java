package io.crowdrecon.recon.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.order.OrderChannel;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OrderChannelSchemaTests {

    @Test
    void documentsEveryChannelNameAndEveryAliasAndNothingElse() {
        assertThat(Arrays.stream(OrderChannelSchema.values()).map(Enum::name))
                .containsExactlyInAnyOrderElementsOf(Stream.concat(
                                Arrays.stream(OrderChannel.values()).map(Enum::name), OrderChannel.aliases().stream())
                        .toList());
    }
}
