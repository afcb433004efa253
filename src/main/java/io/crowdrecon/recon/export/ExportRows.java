package io.crowdrecon.recon.export;

import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** The rows of the money tables, as the exports read them: one page at a time, in keyset order. */
public interface ExportRows {

    /**
     * The next page of {@code kind} matching {@code filter}, ordered by {@code (at, key)}.
     *
     * @param after the last row of the previous page; null for the first page
     * @param size at most this many rows
     * @return emits the page (empty when no row is left); never completes empty
     */
    Mono<List<ExportRow>> page(ExportKind kind, ExportFilter filter, @Nullable ExportRow after, int size);
}
