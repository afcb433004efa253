package io.crowdrecon.recon.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.shared.PortalId;
import org.junit.jupiter.api.Test;

class SqlTests {

    @Test
    void readsAStoredIdAsItsTypedId() {
        assertThat(Sql.id("PRT23456789ABCDEFGH", PortalId::of)).isEqualTo(PortalId.of("PRT23456789ABCDEFGH"));
    }

    @Test
    void readsANullColumnAsNoId() {
        assertThat(Sql.id(null, PortalId::of)).isNull();
    }

    // Rows from before ids were typed may hold '' where a producer sent an empty header; reading one names no id
    // rather than failing the page it is on with a 5xx.
    @Test
    void readsABlankColumnAsNoId() {
        assertThat(Sql.id("", PortalId::of)).isNull();
        assertThat(Sql.id("  ", PortalId::of)).isNull();
    }
}
