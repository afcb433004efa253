package io.crowdrecon.recon.export;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of an export: its keyset position and its cells, one per {@link ExportKind#columns() column}.
 *
 * @param at when the row was created (received, for a transfer): the first sort key
 * @param key the row's id: the second sort key, for rows of the same instant
 * @param cells String, Instant, Money, BigDecimal or null, as {@link ExportCsv} writes them
 */
public record ExportRow(Instant at, String key, List<@Nullable Object> cells) {

    public ExportRow {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(key, "key");
        cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
    }
}
