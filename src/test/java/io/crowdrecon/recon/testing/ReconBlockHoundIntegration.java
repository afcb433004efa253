package io.crowdrecon.recon.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound must let through in this service's tests: brief, bounded locks inside libraries,
 * not I/O. Jackson guards the construction of a deserializer (once per type, the first time two
 * requests need it at the same moment) with a ReentrantLock.
 */
public class ReconBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside(
                "tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
    }
}
