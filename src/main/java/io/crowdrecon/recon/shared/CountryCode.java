package io.crowdrecon.recon.shared;

import java.util.Locale;
import java.util.Set;

/**
 * ISO 3166-1 alpha-2 country codes, as the JDK knows them ({@link Locale#getISOCountries(Locale.IsoCountryCode)}):
 * two upper-case letters naming an assigned country, such as {@code IT} or {@code DE}.
 */
public final class CountryCode {

    private static final Set<String> ASSIGNED = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private CountryCode() {}

    /** Whether {@code code} is exactly an assigned ISO 3166-1 alpha-2 code, in upper case ({@code "it"} is not). */
    public static boolean isIsoAlpha2(String code) {
        return code != null && ASSIGNED.contains(code);
    }
}
