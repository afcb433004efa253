package io.crowdrecon.recon.paymentfile;

/**
 * The two pain.001 versions SEPA banks take: {@link #V09} (the EPC's since the 2019 rulebook) and {@link #V03} (the
 * 2009 one many banks still accept). They differ, for a SEPA credit transfer, only in the namespace, the requested
 * execution date ({@code ReqdExctnDt/Dt} in 09, a bare date in 03) and the BIC element ({@code BICFI} in 09,
 * {@code BIC} in 03).
 */
public enum Pain001Version {
    V03("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"),
    V09("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");

    private final String namespace;

    Pain001Version(String namespace) {
        this.namespace = namespace;
    }

    /** The version as the API and the database spell it: {@code pain.001.001.09} or {@code pain.001.001.03}. */
    public String label() {
        return namespace.substring(namespace.lastIndexOf(':') + 1);
    }

    /** The version labelled {@code label} ({@link #label()}); empty for any other text. */
    public static java.util.Optional<Pain001Version> ofLabel(@org.jspecify.annotations.Nullable String label) {
        for (Pain001Version version : values()) {
            if (version.label().equals(label)) {
                return java.util.Optional.of(version);
            }
        }
        return java.util.Optional.empty();
    }

    /** The XML namespace of the version's {@code Document}. */
    public String namespace() {
        return namespace;
    }
}
