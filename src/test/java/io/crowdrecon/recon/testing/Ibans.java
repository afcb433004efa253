package io.crowdrecon.recon.testing;

import java.math.BigInteger;
import java.util.concurrent.ThreadLocalRandom;

/** Valid random IBANs for tests (German format: DEkk + 18 digits). */
public final class Ibans {

    private Ibans() {}

    public static String randomGerman() {
        StringBuilder bban = new StringBuilder();
        for (int i = 0; i < 18; i++) {
            bban.append(ThreadLocalRandom.current().nextInt(10));
        }
        // check digits: 98 - (bban + "DE00" as digits) mod 97, with D=13, E=14
        int check =
                98 - new BigInteger(bban + "131400").mod(BigInteger.valueOf(97)).intValue();
        return String.format("DE%02d%s", check, bban);
    }

    /** The same IBAN as a person would type it: lower case, in groups of four. */
    public static String asTyped(String iban) {
        StringBuilder typed = new StringBuilder();
        for (int i = 0; i < iban.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                typed.append(' ');
            }
            typed.append(Character.toLowerCase(iban.charAt(i)));
        }
        return typed.toString();
    }
}
