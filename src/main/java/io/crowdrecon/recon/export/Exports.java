package io.crowdrecon.recon.export;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Streams an export as CSV: the header row first (so that the first byte leaves at once, whatever the query costs),
 * then page after page of {@link #PAGE_SIZE} rows read by keyset. The next page is read only once the previous one has
 * been asked for by the writer, so at most a page or two are in memory whatever the export's size.
 */
public final class Exports {

    public static final int PAGE_SIZE = 1000;

    private final ExportRows rows;
    private final int pageSize;

    public Exports(ExportRows rows) {
        this(rows, PAGE_SIZE);
    }

    /** With another page size (tests cross page boundaries with small pages). */
    public Exports(ExportRows rows, int pageSize) {
        this.rows = rows;
        this.pageSize = pageSize;
    }

    /**
     * The CSV file, as chunks of UTF-8 bytes: the header, then one chunk per non-empty page. Completes after the
     * last page; errors if a read fails (the download then ends short, without its last CRLF-terminated row).
     */
    public Flux<byte[]> csv(ExportKind kind, ExportFilter filter) {
        return Flux.concat(
                Mono.fromCallable(() -> ExportCsv.header(kind)),
                pages(kind, filter).filter(page -> !page.isEmpty()).map(ExportCsv::rows));
    }

    private Flux<List<ExportRow>> pages(ExportKind kind, ExportFilter filter) {
        // expand (breadth first) subscribes to the next page's query only when the previous page has completed and
        // the writer still wants more: one page in flight, never the whole result.
        return rows.page(kind, filter, null, pageSize)
                .expand(page -> page.size() < pageSize
                        ? Mono.empty()
                        : rows.page(kind, filter, page.get(page.size() - 1), pageSize));
    }
}
