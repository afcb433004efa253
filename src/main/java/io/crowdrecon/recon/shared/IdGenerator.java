package io.crowdrecon.recon.shared;

import java.util.random.RandomGenerator;

/**
 * Prefixed, opaque identifiers (SPEC.md section 2): the prefix then 16 characters from an
 * unambiguous alphabet (no 0/O, 1/I/L), about 80 bits of randomness.
 */
public final class IdGenerator {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final int LENGTH = 16;

    private final RandomGenerator random;

    public IdGenerator(RandomGenerator random) {
        this.random = random;
    }

    public String next(IdPrefix prefix) {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return prefix.prefix() + new String(chars);
    }

    public OrderId nextOrderId() {
        return OrderId.generate(random);
    }
}
