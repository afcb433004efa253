package io.crowdrecon.recon.bankfile.read;

import io.crowdrecon.recon.bankfile.BankFileFormat;
import io.crowdrecon.recon.bankfile.UnreadableBankFileException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which camt message a document is, from the namespace of its message element
 * ({@code urn:iso:std:iso:20022:tech:xsd:camt.053.001.08}), never from a file name.
 *
 * @param format camt.052, camt.053 or camt.054
 * @param version the message version, {@code 001.02} to {@code 001.08}
 */
record CamtMessage(BankFileFormat format, String version) {

    static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";

    private static final Pattern ISO_20022 =
            Pattern.compile(Pattern.quote(NAMESPACE_PREFIX) + "([a-z]{4}\\.\\d{3})\\.(\\d{3}\\.\\d{2})");
    private static final int OLDEST_VERSION = 2;
    private static final int NEWEST_VERSION = 8;
    private static final String READ =
            "crowdrecon reads camt.052, camt.053 and camt.054 in versions .001.02 to .001.08";

    /**
     * The camt message whose element is {@code localName} in {@code namespace}.
     *
     * @throws UnreadableBankFileException if it is no ISO 20022 message, another message, an unsupported version, or
     *     an element that does not belong to its namespace's message
     */
    static CamtMessage of(String namespace, String localName) {
        Matcher matcher = ISO_20022.matcher(namespace);
        if (!matcher.matches()) {
            throw new UnreadableBankFileException("not an ISO 20022 camt message: element " + localName
                    + (namespace.isEmpty() ? " has no namespace" : " is in namespace '" + namespace + "'")
                    + "; expected a namespace such as " + NAMESPACE_PREFIX + "camt.053.001.08");
        }
        String name = matcher.group(1);
        String version = matcher.group(2);
        BankFileFormat format = formatNamed(name);
        if (format == null) {
            throw new UnreadableBankFileException(
                    name + "." + version + " is not a bank-to-customer statement, report or notification: " + READ);
        }
        int minor = Integer.parseInt(version.substring(4));
        if (!version.startsWith("001.") || minor < OLDEST_VERSION || minor > NEWEST_VERSION) {
            throw new UnreadableBankFileException(
                    name + "." + version + " is a version crowdrecon does not read: " + READ);
        }
        CamtMessage message = new CamtMessage(format, version);
        if (!message.messageElement().equals(localName)) {
            throw new UnreadableBankFileException(
                    "a " + name + " document holds " + message.messageElement() + ", not " + localName);
        }
        return message;
    }

    /** The message's own element: {@code BkToCstmrAcctRpt}, {@code BkToCstmrStmt} or {@code BkToCstmrDbtCdtNtfctn}. */
    String messageElement() {
        return switch (format) {
            case CAMT_052 -> "BkToCstmrAcctRpt";
            case CAMT_053 -> "BkToCstmrStmt";
            case CAMT_054 -> "BkToCstmrDbtCdtNtfctn";
            case MT940, PAIN_002 -> throw new IllegalStateException(format + " is no camt message");
        };
    }

    /** The element of one account's part: {@code Rpt}, {@code Stmt} or {@code Ntfctn}. */
    String statementElement() {
        return switch (format) {
            case CAMT_052 -> "Rpt";
            case CAMT_053 -> "Stmt";
            case CAMT_054 -> "Ntfctn";
            case MT940, PAIN_002 -> throw new IllegalStateException(format + " is no camt message");
        };
    }

    /** The name the standard gives it, such as {@code camt.053.001.08}. */
    String name() {
        return switch (format) {
                    case CAMT_052 -> "camt.052.";
                    case CAMT_053 -> "camt.053.";
                    case CAMT_054 -> "camt.054.";
                    case MT940, PAIN_002 -> throw new IllegalStateException(format + " is no camt message");
                }
                + version;
    }

    private static @Nullable BankFileFormat formatNamed(String name) {
        return switch (name) {
            case "camt.052" -> BankFileFormat.CAMT_052;
            case "camt.053" -> BankFileFormat.CAMT_053;
            case "camt.054" -> BankFileFormat.CAMT_054;
            default -> null;
        };
    }
}
