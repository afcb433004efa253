package io.crowdrecon.recon.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The stream of an export: header first, every page once in keyset order, the next page read only when wanted. */
class ExportsTests {

    private static final ExportFilter FILTER = new ExportFilter(
            ExportPeriod.of(
                    LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-07")),
            null,
            null);

    /** {@code total} rows, one a second, read by keyset like the database does; counts the queries run. */
    private static final class CountedRows implements ExportRows {

        private final int total;
        private final AtomicInteger queries = new AtomicInteger();

        CountedRows(int total) {
            this.total = total;
        }

        @Override
        public Mono<List<ExportRow>> page(ExportKind kind, ExportFilter filter, @Nullable ExportRow after, int size) {
            return Mono.fromCallable(() -> {
                queries.incrementAndGet();
                int first = after == null ? 0 : Integer.parseInt(after.key()) + 1;
                List<ExportRow> page = new ArrayList<>();
                for (int i = first; i < Math.min(total, first + size); i++) {
                    page.add(new ExportRow(
                            Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i), String.valueOf(i), List.of(i, "r")));
                }
                return page;
            });
        }
    }

    @Test
    void streamsTheHeaderThenEveryRowOnceInOrderAcrossPages() {
        CountedRows rows = new CountedRows(10);

        String csv = new Exports(rows, 3)
                .csv(ExportKind.MONEYINS, FILTER)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .collectList()
                .map(chunks -> String.join("", chunks))
                .block();

        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.get(0)).startsWith("moneyinId,orderId,");
        assertThat(lines.subList(1, lines.size()))
                .containsExactly("0,r", "1,r", "2,r", "3,r", "4,r", "5,r", "6,r", "7,r", "8,r", "9,r");
        // 3 + 3 + 3 + 1: the short page ends it
        assertThat(rows.queries).hasValue(4);
    }

    @Test
    void writesNoEmptyChunkWhenTheLastPageIsFull() {
        CountedRows rows = new CountedRows(6);

        StepVerifier.create(new Exports(rows, 3).csv(ExportKind.REFUNDS, FILTER))
                .expectNextCount(3)
                .verifyComplete();
        // the third query finds nothing: no empty chunk is written
        assertThat(rows.queries).hasValue(3);
    }

    @Test
    void sendsTheHeaderBeforeAnyQueryAndReadsTheNextPageOnlyWhenTheWriterAsks() {
        CountedRows rows = new CountedRows(100);

        StepVerifier.create(new Exports(rows, 10).csv(ExportKind.MONEYOUTS, FILTER), 0)
                .thenRequest(1)
                .assertNext(header ->
                        assertThat(new String(header, StandardCharsets.UTF_8)).startsWith("moneyoutId"))
                .then(() -> assertThat(rows.queries).hasValue(0))
                .thenRequest(1)
                .expectNextCount(1)
                .then(() -> assertThat(rows.queries).hasValueLessThanOrEqualTo(2))
                .thenRequest(1)
                .expectNextCount(1)
                .then(() -> assertThat(rows.queries).hasValueLessThanOrEqualTo(3))
                .thenCancel()
                .verify();
    }
}
