package io.crowdrecon.recon.bankfile.read;

import io.crowdrecon.recon.bankfile.BankFileItem.Direction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What an MT940 {@code :86:} (information to account owner) says about its {@code :61:}, read from the three shapes
 * banks write it in:
 *
 * <ol>
 *   <li>German DK (formerly ZKA) structured: a three-digit business transaction code (GVC) and {@code ?nn}
 *       subfields, {@code 166?00SEPA-GUTSCHRIFT?109310?20EREF+…?21SVWZ+…?30BIC?31IBAN?32Name}, with SEPA identifiers
 *       ({@code EREF+}, {@code SVWZ+}, …) opening purpose lines {@code ?20}–{@code ?29}, {@code ?60}–{@code ?63};
 *   <li>slash-keyed structured, as Dutch banks write it: {@code /TRTP/SEPA OVERBOEKING/IBAN/…/NAME/…/REMI/USTD//…/};
 *   <li>free text, any other bank: all of it is the unstructured remittance.
 * </ol>
 *
 * <p>Both structured shapes are cut into 65-character lines (the DK subfields into 27 characters) wherever the limit
 * falls, mid-word included, so their lines are joined without a separator; free-text lines are joined with a space.
 * The counterparty is the debtor of a credit and the creditor of a debit. Text is kept as the bank wrote it, only
 * trimmed at its ends.
 *
 * @param transactionCode the DK business transaction code (GVC) such as {@code 166}; null for the other shapes
 * @param bookingText DK {@code ?00} ({@code SEPA-GUTSCHRIFT}), slash-keyed {@code /TRTP/}; null when absent
 * @param endToEndId {@code EREF+} or {@code /EREF/}, as written ({@code NOTPROVIDED} included)
 * @param unstructured {@code SVWZ+} (else the purpose text before any identifier), {@code /REMI/USTD//}, or the free
 *     text
 * @param structuredReferences {@code /REMI/STRD/CUR/…}
 * @param returnReason for a return, the ISO reason code ({@code /RTRN/MS03/}, or a code such as {@code AC04} in the
 *     text of a {@code ?00} or {@code /TRTP/} that says return); {@code NARR} (ISO's "reason given as narrative")
 *     when the bank says return but gives no code; null for anything else
 */
record Mt940Information(
        @Nullable String transactionCode,
        @Nullable String bookingText,
        @Nullable String endToEndId,
        @Nullable String debtorName,
        @Nullable String debtorIban,
        @Nullable String creditorName,
        @Nullable String creditorIban,
        List<String> unstructured,
        List<String> structuredReferences,
        @Nullable String returnReason) {

    static final Mt940Information NONE =
            new Mt940Information(null, null, null, null, null, null, null, List.of(), List.of(), null);

    /** When a bank says return but gives no reason code. */
    static final String NARRATIVE_REASON = "NARR";

    private static final Pattern DK_START = Pattern.compile("[0-9]{3}\\?[0-9]{2}");
    private static final Pattern DK_SUBFIELD = Pattern.compile("\\?([0-9]{2})");
    private static final Pattern SEPA_IDENTIFIER =
            Pattern.compile("(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC|COAM|OAMT|BREF|RREF)\\+");
    private static final Set<String> SLASH_KEYS = Set.of(
            "TRTP",
            "IBAN",
            "BIC",
            "NAME",
            "REMI",
            "EREF",
            "CSID",
            "MARF",
            "RTRN",
            "ORDP",
            "BENM",
            "ID",
            "CNTP",
            "ULTD",
            "ULTC",
            "ULTB",
            "PURP",
            "ADDR",
            "PREF",
            "KREF",
            "ISDT",
            "SVCL",
            "CDTRREF",
            "CDTRREFTP",
            "FX",
            "BUSP");
    private static final Set<String> PARTY_KEYS = Set.of("ORDP", "BENM", "ULTD", "ULTC", "ULTB");
    private static final Set<String> PARTY_SUBKEYS = Set.of("NAME", "ID", "IBAN", "BIC", "ADDR");
    private static final Pattern RETURN_WORDS = Pattern.compile(
            "RETOUR|RETURN|RTRN|RUECKUEBERWEISUNG|RÜCKÜBERWEISUNG|RUECKLASTSCHRIFT|RÜCKLASTSCHRIFT|RUECKGABE|RÜCKGABE");
    // The ISO 20022 return reasons SEPA uses that cannot be mistaken for a word of a name or a text.
    private static final Pattern REASON_CODE = Pattern.compile(
            "(?<![A-Z0-9])(AC0[1-6]|AC13|AG0[12]|AM0[1-9]|BE0[1-7]|ED05|FF0[1-9]|MD0[1-7]|MS0[23]|RC01|RR0[1-4]|SL01)"
                    + "(?![A-Z0-9])");

    Mt940Information {
        unstructured = unstructured == null ? List.of() : List.copyOf(unstructured);
        structuredReferences = structuredReferences == null ? List.of() : List.copyOf(structuredReferences);
    }

    /** What the {@code :86:} lines say of an entry going {@code direction}; {@link #NONE} for no lines. */
    static Mt940Information read(@Nullable List<String> lines, Direction direction) {
        if (lines == null || lines.isEmpty()) {
            return NONE;
        }
        String joined = String.join("", lines);
        if (DK_START.matcher(joined).lookingAt()) {
            return readDk(joined, direction);
        }
        if (startsWithSlashKey(joined)) {
            return readSlashKeyed(joined, direction);
        }
        String text =
                String.join(" ", lines.stream().map(String::strip).toList()).strip();
        return new Mt940Information(
                null, null, null, null, null, null, null, text.isEmpty() ? List.of() : List.of(text), List.of(), null);
    }

    private static Mt940Information readDk(String joined, Direction direction) {
        String code = joined.substring(0, 3);
        Map<String, StringBuilder> subfields = new LinkedHashMap<>();
        List<String> purposeLines = new ArrayList<>();
        Matcher separator = DK_SUBFIELD.matcher(joined);
        separator.find(3);
        while (true) {
            String key = separator.group(1);
            int start = separator.end();
            boolean more = separator.find();
            String value = joined.substring(start, more ? separator.start() : joined.length());
            if (isPurposeLine(key)) {
                purposeLines.add(value);
            } else {
                subfields.computeIfAbsent(key, k -> new StringBuilder()).append(value);
            }
            if (!more) {
                break;
            }
        }
        // A SEPA identifier opens a purpose line; its value runs on over the lines after it until the next one.
        Map<String, StringBuilder> identified = new LinkedHashMap<>();
        StringBuilder purposeText = new StringBuilder();
        StringBuilder current = purposeText;
        for (String line : purposeLines) {
            Matcher identifier = SEPA_IDENTIFIER.matcher(line);
            if (identifier.lookingAt()) {
                current = identified.computeIfAbsent(identifier.group(1), k -> new StringBuilder());
                current.append(line.substring(identifier.end()));
            } else {
                current.append(line);
            }
        }
        String bookingText = text(subfields.get("00"));
        String remittance = identified.containsKey("SVWZ") ? text(identified.get("SVWZ")) : text(purposeText);
        String name = text(join(subfields.get("32"), subfields.get("33")));
        String iban = ibanOrNull(text(subfields.get("31")));
        if (iban == null) {
            iban = ibanOrNull(text(identified.get("IBAN")));
        }
        String returnReason = null;
        if (saysReturn(bookingText)) {
            String reasonKey = text(subfields.get("34"));
            returnReason = reasonCodeIn(String.join("", purposeLines) + (reasonKey == null ? "" : " " + reasonKey));
        }
        return withCounterparty(
                code,
                bookingText,
                text(identified.get("EREF")),
                name,
                iban,
                direction,
                remittance == null ? List.of() : List.of(remittance),
                List.of(),
                returnReason);
    }

    private static Mt940Information readSlashKeyed(String joined, Direction direction) {
        List<String[]> pairs = slashPairs(joined);
        String bookingText = null;
        String endToEndId = null;
        String returnReason = null;
        List<String> unstructured = new ArrayList<>();
        List<String> structured = new ArrayList<>();
        String party = null;
        String[] counterparty = new String[2];
        String[] debtor = new String[2];
        String[] creditor = new String[2];
        for (String[] pair : pairs) {
            String key = pair[0];
            String value = stripSlashes(pair[1]);
            if (PARTY_KEYS.contains(key)) {
                party = key;
                continue;
            }
            if (!PARTY_SUBKEYS.contains(key)) {
                party = null;
            }
            // ORDP names the ordering party (the debtor), BENM the beneficiary (the creditor); the ultimate parties
            // (ULTD, ULTC, ULTB) are no party a transaction of ours carries.
            String[] target = party == null
                    ? counterparty
                    : party.equals("ORDP") ? debtor : party.equals("BENM") ? creditor : null;
            switch (key) {
                case "TRTP" -> bookingText = emptyToNull(value);
                case "EREF" -> endToEndId = emptyToNull(value);
                case "RTRN" -> returnReason = reasonOf(value);
                case "REMI" -> remittance(value, unstructured, structured);
                case "NAME" -> {
                    if (target != null) {
                        target[0] = emptyToNull(value);
                    }
                }
                case "IBAN" -> {
                    if (target != null) {
                        target[1] = ibanOrNull(value);
                    }
                }
                case "CNTP" -> {
                    // ING: /CNTP/IBAN/BIC/name/city/
                    String[] parts = value.split("/", -1);
                    counterparty[1] = ibanOrNull(parts[0].strip());
                    counterparty[0] = parts.length > 2 ? emptyToNull(parts[2]) : null;
                }
                default -> {
                    // CSID, MARF, BIC, ID, ADDR and the rest: nothing a transaction of ours carries.
                }
            }
        }
        if (returnReason == null && saysReturn(bookingText)) {
            returnReason = reasonCodeIn(joined);
        }
        if (direction == Direction.CREDIT) {
            fill(debtor, counterparty);
        } else {
            fill(creditor, counterparty);
        }
        return new Mt940Information(
                null,
                bookingText,
                endToEndId,
                debtor[0],
                debtor[1],
                creditor[0],
                creditor[1],
                unstructured,
                structured,
                returnReason);
    }

    /**
     * The {@code /KEY/value} pairs in order: a value runs to the next {@code /KEY/} of a known key, so a value may
     * hold slashes ({@code /REMI/USTD//text/}).
     */
    private static List<String[]> slashPairs(String joined) {
        List<String[]> pairs = new ArrayList<>();
        int keyAt = 0;
        while (keyAt >= 0) {
            int slash = joined.indexOf('/', keyAt + 1);
            String key = joined.substring(keyAt + 1, slash);
            int valueStart = slash + 1;
            int next = nextKey(joined, valueStart);
            pairs.add(new String[] {key, joined.substring(valueStart, next < 0 ? joined.length() : next)});
            keyAt = next;
        }
        return pairs;
    }

    /** Where the next {@code /KEY/} of a known key starts at or after {@code from}; -1 when none does. */
    private static int nextKey(String text, int from) {
        for (int i = text.indexOf('/', from); i >= 0; i = text.indexOf('/', i + 1)) {
            int end = text.indexOf('/', i + 1);
            if (end > i + 1 && SLASH_KEYS.contains(text.substring(i + 1, end))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWithSlashKey(String joined) {
        if (joined.isEmpty() || joined.charAt(0) != '/') {
            return false;
        }
        int end = joined.indexOf('/', 1);
        return end > 1 && SLASH_KEYS.contains(joined.substring(1, end));
    }

    private static void remittance(String value, List<String> unstructured, List<String> structured) {
        if (value.startsWith("USTD//") || value.equals("USTD")) {
            String text = value.substring(Math.min(value.length(), 6)).strip();
            if (!text.isEmpty()) {
                unstructured.add(text);
            }
        } else if (value.startsWith("STRD/")) {
            // /REMI/STRD/CUR/<reference>/: the reference is the last part.
            String[] parts = value.split("/");
            String reference = parts[parts.length - 1].strip();
            if (parts.length > 1 && !reference.isEmpty()) {
                structured.add(reference);
            }
        } else if (!value.isBlank()) {
            unstructured.add(value.strip());
        }
    }

    private static Mt940Information withCounterparty(
            String code,
            @Nullable String bookingText,
            @Nullable String endToEndId,
            @Nullable String name,
            @Nullable String iban,
            Direction direction,
            List<String> unstructured,
            List<String> structured,
            @Nullable String returnReason) {
        boolean credit = direction == Direction.CREDIT;
        return new Mt940Information(
                code,
                bookingText,
                endToEndId,
                credit ? name : null,
                credit ? iban : null,
                credit ? null : name,
                credit ? null : iban,
                unstructured,
                structured,
                returnReason);
    }

    private static void fill(String[] party, String[] counterparty) {
        if (party[0] == null) {
            party[0] = counterparty[0];
        }
        if (party[1] == null) {
            party[1] = counterparty[1];
        }
    }

    private static boolean isPurposeLine(String key) {
        int n = Integer.parseInt(key);
        return (n >= 20 && n <= 29) || (n >= 60 && n <= 63);
    }

    private static boolean saysReturn(@Nullable String text) {
        return text != null
                && RETURN_WORDS.matcher(text.toUpperCase(Locale.ROOT)).find();
    }

    private static String reasonOf(String rtrn) {
        String code = rtrn.split("/", 2)[0].strip();
        return code.isEmpty() ? NARRATIVE_REASON : code;
    }

    private static String reasonCodeIn(String text) {
        Matcher code = REASON_CODE.matcher(text.toUpperCase(Locale.ROOT));
        return code.find() ? code.group(1) : NARRATIVE_REASON;
    }

    private static @Nullable String ibanOrNull(@Nullable String text) {
        return text != null && Mt940Values.isIban(text.strip()) ? text.strip() : null;
    }

    private static @Nullable StringBuilder join(@Nullable StringBuilder a, @Nullable StringBuilder b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : new StringBuilder(a).append(b);
    }

    private static @Nullable String text(@Nullable CharSequence value) {
        return value == null ? null : emptyToNull(value.toString());
    }

    private static String stripSlashes(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '/') {
            end--;
        }
        return value.substring(0, end);
    }

    private static @Nullable String emptyToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
