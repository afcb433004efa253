package io.crowdrecon.recon.bankfile;

import java.io.InputStream;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A received bank file, readable as many times as booking needs (a first pass checks it, a second
 * books it) without holding it in memory: a temporary file for an upload, the record's bytes for
 * Kafka.
 *
 * @param sha256 the SHA-256 of its bytes: the same bytes are the same file
 * @param sizeBytes its length
 * @param source {@code API} or {@code KAFKA}
 * @param sourceDetail where it came from, for a person (the Kafka record's coordinates)
 * @param content opens a fresh stream of its bytes each time; blocking, so called off the event loops
 */
public record BankFileSource(
        byte[] sha256, long sizeBytes, String source, String sourceDetail, Supplier<InputStream> content) {

    public BankFileSource {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(content, "content");
        sha256 = sha256.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }
}
