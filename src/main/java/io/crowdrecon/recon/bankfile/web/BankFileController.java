package io.crowdrecon.recon.bankfile.web;

import io.crowdrecon.recon.bankfile.BankFileFormat;
import io.crowdrecon.recon.bankfile.BankFileItem.Direction;
import io.crowdrecon.recon.bankfile.BankFileStatus;
import io.crowdrecon.recon.bankfile.BankFiles;
import io.crowdrecon.recon.bankfile.BankFiles.BankFile;
import io.crowdrecon.recon.bankfile.BankStatements;
import io.crowdrecon.recon.bankfile.BankStatements.BankStatement;
import io.crowdrecon.recon.bankfile.BankStatements.EntryOutcome;
import io.crowdrecon.recon.bankfile.BankStatements.StatementEntry;
import io.crowdrecon.recon.bankfile.BookBankFile;
import io.crowdrecon.recon.bankfile.StatementKind;
import io.crowdrecon.recon.operator.Actor;
import io.crowdrecon.recon.operator.OpsJournal;
import io.crowdrecon.recon.operator.OpsLogEntry;
import io.crowdrecon.recon.platform.kafka.Topics;
import io.crowdrecon.recon.platform.openapi.ApiErrors;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.BankFileId;
import io.crowdrecon.recon.shared.BankStatementId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Ops post the bank's files (camt.052/053/054, MT940) and read what became of them and of each statement. */
@RestController
@Tag(name = ApiTags.BANK_FILES)
public class BankFileController {

    /** What a bank file may be posted as: its bytes, whatever the format (read from the content). */
    static final Set<String> FILE_TYPES = Set.of("application/xml", "text/xml", "text/plain");

    private final BookBankFile bookBankFile;
    private final BankFiles files;
    private final BankStatements statements;
    private final OpsJournal journal;

    public BankFileController(
            BookBankFile bookBankFile, BankFiles files, BankStatements statements, OpsJournal journal) {
        this.bookBankFile = bookBankFile;
        this.files = files;
        this.statements = statements;
        this.journal = journal;
    }

    @Schema(
            name = "BankFileReceipt",
            description = "What became of a posted bank file. The same file again answers the first file's id with"
                    + " repeated = true.",
            requiredProperties = {"bankFileId", "status", "repeated"})
    public record ReceiptResponse(
            String bankFileId, @Nullable BankFileFormat format, BankFileStatus status, boolean repeated) {}

    @Schema(
            name = "BankFile",
            description = "A bank file received, its statements, reports or notifications, and what became of them.",
            requiredProperties = {
                "bankFileId",
                "status",
                "source",
                "sizeBytes",
                "sha256",
                "statementCount",
                "entryCount",
                "accounts",
                "receivedDatetime"
            })
    public record BankFileResponse(
            String bankFileId,
            BankFileStatus status,
            @Nullable BankFileFormat format,
            @Schema(description = "The ISO 20022 message version, such as 001.08; null for MT940") @Nullable
                    String version,
            @Nullable String messageId,
            @Schema(allowableValues = {"API", "KAFKA"}) String source,
            long sizeBytes,
            String sha256,
            @Schema(description = "Why the file was REJECTED") @Nullable String reason,
            int statementCount,
            int entryCount,
            @Schema(description = "The accounts its statements are of") List<String> accounts,
            @Schema(
                            description =
                                    "Its statements, reports or notifications, in file order (in a file's own answer"
                                            + " only)")
                    @Nullable
                    List<BankStatementResponse> statements,
            Instant receivedDatetime,
            @Nullable Instant bookedDatetime) {

        static BankFileResponse of(BankFile file, List<BankStatement> sections, boolean withSections) {
            return new BankFileResponse(
                    file.bankFileId().value(),
                    file.status(),
                    file.format(),
                    file.version(),
                    file.messageId(),
                    file.source(),
                    file.sizeBytes(),
                    file.sha256(),
                    file.reason(),
                    file.statements(),
                    file.entries(),
                    sections.stream().map(BankStatement::account).distinct().toList(),
                    withSections
                            ? sections.stream().map(BankStatementResponse::of).toList()
                            : null,
                    file.receivedAt(),
                    file.bookedAt());
        }
    }

    @Schema(
            name = "BankStatement",
            description = "One account statement (camt.053, MT940), report (camt.052) or notification (camt.054) of a"
                    + " booked file. A statement of a collection account is reconciled with the books: RECONCILED (no"
                    + " exception, difference 0), BREAKS, or INVALID (it does not add up: nothing of it was booked);"
                    + " the others are BOOKED.",
            requiredProperties = {
                "bankStatementId",
                "bankFileId",
                "kind",
                "account",
                "entryCount",
                "creditsSum",
                "debitsSum",
                "matched",
                "missed",
                "missedSum",
                "notOnStatement",
                "notOnStatementSum",
                "mismatched",
                "unexpectedDebits",
                "unexpectedDebitsSum",
                "status",
                "bookedDatetime"
            })
    public record BankStatementResponse(
            String bankStatementId,
            String bankFileId,
            StatementKind kind,
            String account,
            @Schema(description = "The portal whose collection account it is; null for an unknown account") @Nullable
                    String portalId,
            @Schema(description = "The bank's statement id (camt Id, MT940 :20:)") @Nullable String statementId,
            @Nullable String messageId,
            @Nullable Long sequenceNumber,
            @Nullable Long legalSequenceNumber,
            @Nullable Integer pageNumber,
            @Nullable LocalDate fromDate,
            @Nullable LocalDate toDate,
            @Nullable String currency,
            @Nullable BigDecimal openingBalance,
            @Nullable LocalDate openingDate,
            @Nullable BigDecimal closingBalance,
            @Nullable LocalDate closingDate,
            int entryCount,
            BigDecimal creditsSum,
            BigDecimal debitsSum,
            @Schema(description = "Credits the books held alike") int matched,
            @Schema(description = "Credits never notified, decided from the statement (MISSED_NOTIFICATION)")
                    int missed,
            BigDecimal missedSum,
            @Schema(
                            description =
                                    "Credits in the books that the statement lacks (NOT_ON_STATEMENT: their moneyouts"
                                            + " HELD)")
                    int notOnStatement,
            BigDecimal notOnStatementSum,
            @Schema(description = "Credits the books hold otherwise (STATEMENT_MISMATCH)") int mismatched,
            int unexpectedDebits,
            BigDecimal unexpectedDebitsSum,
            @Schema(
                            description =
                                    "The books' closing balance: previous closing + credits decided − our instructions"
                                            + " executed in the period")
                    @Nullable
                    BigDecimal expectedClosingBalance,
            @Schema(description = "Bank closing − expected closing") @Nullable BigDecimal difference,
            @Schema(description = "What the exceptions account for; equals difference when they are complete") @Nullable
                    BigDecimal explained,
            @Schema(allowableValues = {"RECONCILED", "BREAKS", "INVALID", "BOOKED"}) String status,
            @Schema(description = "What made it INVALID or BREAKS, one line each") @Nullable String problems,
            Instant bookedDatetime) {

        static BankStatementResponse of(BankStatement s) {
            return new BankStatementResponse(
                    s.bankStatementId().value(),
                    s.bankFileId().value(),
                    s.kind(),
                    s.account(),
                    s.portalId() == null ? null : s.portalId().value(),
                    s.statementId(),
                    s.messageId(),
                    s.sequenceNumber(),
                    s.legalSequenceNumber(),
                    s.pageNumber(),
                    s.fromDate(),
                    s.toDate(),
                    s.currency(),
                    s.openingBalance(),
                    s.openingDate(),
                    s.closingBalance(),
                    s.closingDate(),
                    s.entries(),
                    s.creditsSum(),
                    s.debitsSum(),
                    s.matched(),
                    s.missed(),
                    s.missedSum(),
                    s.notOnStatement(),
                    s.notOnStatementSum(),
                    s.mismatched(),
                    s.unexpectedDebits(),
                    s.unexpectedDebitsSum(),
                    s.expectedClosingBalance(),
                    s.difference(),
                    s.explained(),
                    s.status(),
                    s.problems(),
                    s.bookedAt());
        }
    }

    @Schema(
            name = "BankStatementEntry",
            description = "One entry of a statement (one transaction of a batch entry), and what became of it.",
            requiredProperties = {"entryIndex", "transactionIndex", "direction", "amount", "currency", "outcome"})
    public record EntryResponse(
            int entryIndex,
            int transactionIndex,
            Direction direction,
            BigDecimal amount,
            String currency,
            @Nullable LocalDate bookingDate,
            @Nullable String bankReference,
            @Schema(description = "The notification it corresponds to") @Nullable String notificationId,
            EntryOutcome outcome,
            @Nullable String detail) {

        static EntryResponse of(StatementEntry e) {
            return new EntryResponse(
                    e.entryIndex(),
                    e.transactionIndex(),
                    e.direction(),
                    e.amount(),
                    e.currency(),
                    e.bookingDate(),
                    e.bankReference(),
                    e.notificationId(),
                    e.outcome(),
                    e.detail());
        }
    }

    @PostMapping(FILES_PATH)
    @Operation(
            operationId = "postBankFile",
            summary = "Post a bank file",
            description = "A camt.052, camt.053 or camt.054 (versions .001.02 to .001.08) or an MT940 file, as the bank"
                    + " sent it (raw body, application/xml or text/plain, at most 50 MB). It is read, its entries"
                    + " decided and its statements reconciled in one transaction before the answer; the same file"
                    + " again answers the first file's id. A file that cannot be read is recorded REJECTED and"
                    + " answered 422 BANK_FILE_REJECTED with the reason.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = "application/xml",
                                        schema = @Schema(type = "string", format = "binary")),
                                @Content(mediaType = "text/plain", schema = @Schema(type = "string", format = "binary"))
                            }))
    @ApiResponse(
            responseCode = "202",
            description = "Booked (or booked before: repeated)",
            headers = @Header(name = "Location", description = "The file's URL", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = ReceiptResponse.class)))
    @ApiErrors(ErrorCode.BANK_FILE_REJECTED)
    Mono<ResponseEntity<ReceiptResponse>> post(ServerHttpRequest request, Caller caller) {
        MediaType type = request.getHeaders().getContentType();
        if (type == null || !FILE_TYPES.contains(type.getType() + "/" + type.getSubtype())) {
            return Mono.error(new DomainException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "A bank file is posted as its raw bytes with Content-Type application/xml or text/plain"));
        }
        return Mono.usingWhen(
                        ReceivedUpload.receive(request.getBody(), Topics.MAX_BANK_FILE_BYTES, "API"),
                        upload -> journal.recordedAfter(
                                new OpsJournal.Write(actor(caller), "postBankFile", "BankFile", null, null),
                                receipt -> receipt.bankFileId().value(),
                                receipt -> receipt.status() == BankFileStatus.REJECTED
                                        ? ErrorCode.BANK_FILE_REJECTED.name()
                                        : OpsLogEntry.OK,
                                () -> bookBankFile.book(upload.source())),
                        ReceivedUpload::delete)
                .flatMap(receipt -> receipt.status() == BankFileStatus.REJECTED
                        ? Mono.error(new DomainException(
                                ErrorCode.BANK_FILE_REJECTED,
                                "Bank file " + receipt.bankFileId().value() + " was REJECTED: " + receipt.reason()))
                        : Mono.just(ResponseEntity.accepted()
                                .location(URI.create(
                                        FILES_PATH + "/" + receipt.bankFileId().value()))
                                .body(new ReceiptResponse(
                                        receipt.bankFileId().value(),
                                        receipt.format(),
                                        receipt.status(),
                                        receipt.repeated()))));
    }

    @GetMapping(FILES_PATH)
    @Operation(
            operationId = "listBankFiles",
            summary = "List bank files",
            description = "Every bank file received, whatever became of it, newest first.")
    Mono<Page<BankFileResponse>> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Mono.fromCallable(() -> PageRequest.of(page, size))
                .flatMap(files::page)
                .flatMap(result -> reactor.core.publisher.Flux.fromIterable(result.items())
                        .concatMap(file -> statements
                                .ofFile(file.bankFileId())
                                .collectList()
                                .map(sections -> BankFileResponse.of(file, sections, false)))
                        .collectList()
                        .map(items -> new Page<>(items, result.page(), result.size(), result.total())));
    }

    @GetMapping(FILES_PATH + "/{bankFileId}")
    @Operation(
            operationId = "getBankFile",
            summary = "Get a bank file",
            description = "One bank file: its format, accounts, statements with what became of their entries, and"
                    + " why it was REJECTED.")
    Mono<BankFileResponse> file(@PathVariable String bankFileId) {
        return files.byId(BankFileId.of(bankFileId))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Bank file", bankFileId)))
                .flatMap(file -> statements
                        .ofFile(BankFileId.of(bankFileId))
                        .collectList()
                        .map(sections -> BankFileResponse.of(file, sections, true)));
    }

    @GetMapping("/api/v1/ops/bank-statements")
    @Operation(
            operationId = "listBankStatements",
            summary = "List bank statements",
            description = "Statements, reports and notifications of booked files, newest closing date first, by"
                    + " account and closing date (from and to inclusive, yyyy-MM-dd).")
    Mono<Page<BankStatementResponse>> statements(
            @Parameter(description = "The account's IBAN (electronic format) or other id")
                    @RequestParam(required = false)
                    String account,
            @Parameter(schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String from,
            @Parameter(schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Mono.fromCallable(() -> new Filter(
                        account == null || account.isBlank()
                                ? null
                                : account.replace(" ", "").toUpperCase(java.util.Locale.ROOT),
                        QueryParameters.date("from", from),
                        QueryParameters.date("to", to),
                        PageRequest.of(page, size)))
                .flatMap(filter -> statements.page(filter.account(), filter.from(), filter.to(), filter.page()))
                .map(result -> result.map(BankStatementResponse::of));
    }

    @GetMapping("/api/v1/ops/bank-statements/{bankStatementId}")
    @Operation(
            operationId = "getBankStatement",
            summary = "Get a bank statement",
            description = "One statement with its reconciliation: matched, missed, not on statement, mismatched,"
                    + " unexpected debits, expected closing balance, difference and what explains it.")
    Mono<BankStatementResponse> statement(@PathVariable String bankStatementId) {
        return statements
                .byId(BankStatementId.of(bankStatementId))
                .map(BankStatementResponse::of)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Bank statement", bankStatementId)));
    }

    @GetMapping("/api/v1/ops/bank-statements/{bankStatementId}/entries")
    @Operation(
            operationId = "listBankStatementEntries",
            summary = "List a statement's entries",
            description = "The statement's entries in file order, each with the notification it corresponds to and"
                    + " what became of it.")
    Mono<Page<EntryResponse>> entries(
            @PathVariable String bankStatementId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Mono.fromCallable(() -> PageRequest.of(page, size))
                .flatMap(request -> statements
                        .byId(BankStatementId.of(bankStatementId))
                        .switchIfEmpty(Mono.error(() -> DomainException.notFound("Bank statement", bankStatementId)))
                        .then(statements.entries(BankStatementId.of(bankStatementId), request)))
                .map(result -> result.map(EntryResponse::of));
    }

    @Schema(
            name = "BankAccountStatus",
            description = "A collection account and its last booked statement.",
            requiredProperties = {"account", "lastStatement"})
    public record AccountResponse(String account, @Nullable String portalId, BankStatementResponse lastStatement) {}

    @GetMapping("/api/v1/ops/bank-accounts")
    @Operation(
            operationId = "listBankAccounts",
            summary = "List collection accounts with their last statement",
            description = "Per collection account that has a booked statement, the last one (by closing date) and"
                    + " its status: what the dashboard shows.")
    Mono<List<AccountResponse>> accounts() {
        return statements
                .lastPerAccount()
                .map(s -> new AccountResponse(
                        s.account(), s.portalId() == null ? null : s.portalId().value(), BankStatementResponse.of(s)))
                .collectList();
    }

    private record Filter(
            @Nullable String account, @Nullable LocalDate from, @Nullable LocalDate to, PageRequest page) {}

    private static final String FILES_PATH = "/api/v1/ops/bank-files";

    private static Actor actor(Caller caller) {
        Caller.Operator operator = caller.operatorOrFail();
        return Actor.of(operator.operatorId(), operator.name(), operator.role());
    }
}
