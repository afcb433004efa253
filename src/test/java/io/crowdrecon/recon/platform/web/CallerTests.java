package io.crowdrecon.recon.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.shared.PortalId;
import org.junit.jupiter.api.Test;

class CallerTests {

    private static final byte[] KEY_HASH = new byte[32];

    @Test
    void aPortalCallerGivesItsPortalId() {
        assertThat(Caller.portal(PortalId.of("PRT_1"), KEY_HASH).portalIdOrFail())
                .isEqualTo(PortalId.of("PRT_1"));
    }

    @Test
    void theOperatorOnAPortalPathIsARoutingBugNotANullPortalId() {
        Caller ops = Caller.ops(KEY_HASH);

        assertThat(ops.portalId()).isNull();
        assertThatThrownBy(ops::portalIdOrFail)
                .isInstanceOf(NullPointerException.class)
                .hasMessage("a portal path is called by a portal");
    }
}
