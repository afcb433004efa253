package io.crowdrecon.recon.paymentfile.web;

import io.crowdrecon.recon.operator.Actor;
import io.crowdrecon.recon.operator.OpsJournal;
import io.crowdrecon.recon.paymentfile.BuildPaymentFiles;
import io.crowdrecon.recon.paymentfile.CarriedInstruction;
import io.crowdrecon.recon.paymentfile.PaymentFile;
import io.crowdrecon.recon.paymentfile.PaymentFileStatus;
import io.crowdrecon.recon.paymentfile.PaymentFiles;
import io.crowdrecon.recon.paymentfile.SendPaymentFile;
import io.crowdrecon.recon.platform.openapi.ApiErrors;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PaymentFileId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Ops build SEPA pain.001 payment files now, list them, read one and download its bytes. */
@RestController
@Tag(name = ApiTags.PAYMENT_FILES)
public class PaymentFileController {

    private static final String FILES_PATH = "/api/v1/ops/payment-files";

    private final BuildPaymentFiles build;
    private final SendPaymentFile send;
    private final PaymentFiles files;
    private final OpsJournal journal;
    private final boolean enabled;

    public PaymentFileController(
            BuildPaymentFiles build,
            SendPaymentFile send,
            PaymentFiles files,
            OpsJournal journal,
            @Value("${recon.payment-files.enabled:false}") boolean enabled) {
        this.build = build;
        this.send = send;
        this.files = files;
        this.journal = journal;
        this.enabled = enabled;
    }

    @Schema(
            name = "PaymentFileInstruction",
            description = "One payment instruction a file carries: its transfer's EndToEndId is the instruction id.",
            requiredProperties = {"instructionId", "amount", "currency", "creditorName", "creditorIban", "status"})
    public record InstructionResponse(
            String instructionId,
            BigDecimal amount,
            String currency,
            String creditorName,
            String creditorIban,
            @Schema(description = "The instruction's status now") String status) {

        static InstructionResponse of(CarriedInstruction i) {
            return new InstructionResponse(
                    i.instructionId().value(),
                    i.amount(),
                    i.currency(),
                    i.creditorName(),
                    i.creditorIban(),
                    i.status().name());
        }
    }

    @Schema(
            name = "PaymentFile",
            description = "A SEPA credit transfer file (pain.001) of one debtor account (a portal's collection account)"
                    + " and requested execution date. CREATED when built (its bytes never change), SENT once taken"
                    + " by the bank feed; ACCEPTED, PARTIALLY_ACCEPTED and REJECTED will come from the bank's pain.002"
                    + " status report.",
            requiredProperties = {
                "paymentFileId",
                "status",
                "debtorIban",
                "debtorName",
                "executionDate",
                "version",
                "messageId",
                "numberOfTransactions",
                "controlSum",
                "sha256",
                "sizeBytes",
                "createdDatetime"
            })
    public record PaymentFileResponse(
            String paymentFileId,
            PaymentFileStatus status,
            String debtorIban,
            String debtorName,
            @Schema(description = "The requested execution date (ReqdExctnDt): a TARGET2 business day")
                    LocalDate executionDate,
            @Schema(allowableValues = {"pain.001.001.09", "pain.001.001.03"}) String version,
            @Schema(description = "The file's MsgId: its id") String messageId,
            @Schema(description = "NbOfTxs") long numberOfTransactions,
            @Schema(description = "CtrlSum, in EUR") BigDecimal controlSum,
            @Schema(description = "Lower-case hex SHA-256 of the file's bytes") String sha256,
            long sizeBytes,
            Instant createdDatetime,
            @Nullable Instant sentDatetime,
            @Schema(description = "The operator who marked it SENT") @Nullable String sentBy,
            @Schema(description = "The instructions it carries, in file order (in a file's own answer only)") @Nullable
                    List<InstructionResponse> instructions) {

        static PaymentFileResponse of(PaymentFile f, @Nullable List<InstructionResponse> instructions) {
            return new PaymentFileResponse(
                    f.paymentFileId().value(),
                    f.status(),
                    f.debtorIban().value(),
                    f.debtorName(),
                    f.executionDate(),
                    f.version().label(),
                    f.messageId(),
                    f.numberOfTransactions(),
                    f.controlSum(),
                    f.sha256(),
                    f.size(),
                    f.createdAt(),
                    f.sentAt(),
                    f.sentBy(),
                    instructions);
        }
    }

    @Schema(
            name = "PaymentFileBuild",
            description = "The files one build made: none when no instruction was ready.",
            requiredProperties = {"files"})
    public record BuildResponse(List<PaymentFileResponse> files) {}

    @PostMapping(FILES_PATH)
    @Operation(
            operationId = "buildPaymentFiles",
            summary = "Build payment files now",
            description = "Gathers every CREATED bank-transfer instruction in no file yet into pain.001 files, one per"
                    + " portal collection account, for the next TARGET2 business day, as the scheduled cut-off does."
                    + " An instruction no SEPA file can carry (not in EUR, no collection account, a creditor IBAN or"
                    + " name the file cannot hold) stays CREATED with a PAYMENT_FILE_REFUSED review item. Two builds at"
                    + " once make one set of files. 409 PAYMENT_FILES_DISABLED while RECON_PAYMENT_FILES_ENABLED is"
                    + " false.")
    @ApiResponse(
            responseCode = "200",
            description = "The files built, possibly none",
            content = @Content(schema = @Schema(implementation = BuildResponse.class)))
    @ApiErrors(ErrorCode.PAYMENT_FILES_DISABLED)
    Mono<BuildResponse> buildNow(Caller caller) {
        if (!enabled) {
            return Mono.error(new DomainException(
                    ErrorCode.PAYMENT_FILES_DISABLED,
                    "Payment files are off (RECON_PAYMENT_FILES_ENABLED=false): instructions leave as events"));
        }
        return journal.recorded(
                        new OpsJournal.Write(actor(caller), "buildPaymentFiles", "PaymentFile", null, null),
                        built -> built.isEmpty()
                                ? null
                                : String.join(
                                        ",",
                                        built.stream()
                                                .map(f -> f.paymentFileId().value())
                                                .toList()),
                        build::build)
                .map(built -> new BuildResponse(
                        built.stream().map(f -> PaymentFileResponse.of(f, null)).toList()));
    }

    @GetMapping(FILES_PATH)
    @Operation(
            operationId = "listPaymentFiles",
            summary = "List payment files",
            description = "Every payment file built, newest first, optionally of one status.")
    Mono<Page<PaymentFileResponse>> list(
            @Parameter(description = "Only files in this status") @RequestParam(required = false) @Nullable
                    PaymentFileStatus status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return Mono.fromCallable(() -> PageRequest.of(page, size))
                .flatMap(request -> files.page(status, request))
                .map(result -> new Page<>(
                        result.items().stream()
                                .map(f -> PaymentFileResponse.of(f, null))
                                .toList(),
                        result.page(),
                        result.size(),
                        result.total()));
    }

    @GetMapping(FILES_PATH + "/{paymentFileId}")
    @Operation(
            operationId = "getPaymentFile",
            summary = "Get a payment file",
            description = "One payment file: its status, debtor, execution date, version, MsgId, NbOfTxs, CtrlSum,"
                    + " SHA-256 and the instructions it carries.")
    Mono<PaymentFileResponse> file(@PathVariable String paymentFileId) {
        PaymentFileId id = PaymentFileId.of(paymentFileId);
        return files.byId(id)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Payment file", paymentFileId)))
                .flatMap(file -> files.carried(id)
                        .map(InstructionResponse::of)
                        .collectList()
                        .map(instructions -> PaymentFileResponse.of(file, instructions)));
    }

    @GetMapping(FILES_PATH + "/{paymentFileId}/content")
    @Operation(
            operationId = "getPaymentFileContent",
            summary = "Download a payment file",
            description = "The file's pain.001 XML exactly as built (its SHA-256 is the file's sha256), streamed from"
                    + " the database chunk by chunk.")
    @ApiResponse(
            responseCode = "200",
            description = "The pain.001 XML",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = "string", format = "binary")))
    Mono<ResponseEntity<Flux<DataBuffer>>> content(@PathVariable String paymentFileId) {
        PaymentFileId id = PaymentFileId.of(paymentFileId);
        return files.byId(id)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Payment file", paymentFileId)))
                .map(file -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_XML)
                        .contentLength(file.size())
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename(paymentFileId + ".xml")
                                        .build()
                                        .toString())
                        .body(files.content(id).map(DefaultDataBufferFactory.sharedInstance::wrap)));
    }

    @PutMapping(FILES_PATH + "/{paymentFileId}/sent")
    @Operation(
            operationId = "markPaymentFileSent",
            summary = "Mark a payment file sent",
            description = "The bank feed took the file (CREATED → SENT): every instruction it carries that is still"
                    + " CREATED becomes SENT, and the bank's answer (a pain.002 status report, or a DEBIT on a"
                    + " statement) is awaited. Recorded in the ops log with the operator as sentBy. A file not CREATED"
                    + " (sent before): 409 ILLEGAL_TRANSITION.")
    @ApiErrors(ErrorCode.ILLEGAL_TRANSITION)
    Mono<PaymentFileResponse> sent(@PathVariable String paymentFileId, Caller caller) {
        PaymentFileId id = PaymentFileId.of(paymentFileId);
        Actor actor = actor(caller);
        return journal.recorded(
                        new OpsJournal.Write(actor, "markPaymentFileSent", "PaymentFile", paymentFileId, null),
                        () -> send.sent(id, actor.operatorId().value()))
                .flatMap(file -> files.carried(id)
                        .map(InstructionResponse::of)
                        .collectList()
                        .map(instructions -> PaymentFileResponse.of(file, instructions)));
    }

    private static Actor actor(Caller caller) {
        Caller.Operator operator = caller.operatorOrFail();
        return Actor.of(operator.operatorId(), operator.name(), operator.role());
    }
}
