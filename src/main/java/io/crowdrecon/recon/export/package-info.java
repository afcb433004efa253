/**
 * Exports for accounting: the CSV files a portal's accountant (or an operator, across portals) downloads for a
 * period: moneyins, refunds, unidentified transfers, payment instructions and moneyouts. {@link
 * io.crowdrecon.recon.export.ExportKind} lists each file's columns, {@link io.crowdrecon.recon.export.ExportPeriod}
 * validates the period, {@link io.crowdrecon.recon.export.ExportCsv} writes RFC 4180 lines and {@link
 * io.crowdrecon.recon.export.Exports} streams the rows page after page. Guarded by {@code ExportCsvTests}, {@code
 * ExportPeriodTests} and {@code ExportsIT}.
 */
@NullMarked
package io.crowdrecon.recon.export;

import org.jspecify.annotations.NullMarked;
