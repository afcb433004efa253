package io.crowdrecon.recon.payment.web;

import io.crowdrecon.recon.operator.Actor;
import io.crowdrecon.recon.operator.OpsJournal;
import io.crowdrecon.recon.payment.instruction.InstructionDesk;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.payment.instruction.PaymentInstructions;
import io.crowdrecon.recon.platform.openapi.ApiErrors;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.UnidentifiedTransferId;
import io.crowdrecon.recon.shared.Validation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Operators and payment instructions: list and look them up, re-issue a failed one, give a held return its IBAN, and
 * approve or reject one awaiting approval (four eyes).
 */
@RestController
@Tag(name = ApiTags.REVIEW)
public class OpsInstructionController {

    private final PaymentInstructions instructions;
    private final InstructionDesk desk;
    private final OpsJournal journal;

    public OpsInstructionController(PaymentInstructions instructions, InstructionDesk desk, OpsJournal journal) {
        this.instructions = instructions;
        this.desk = desk;
        this.journal = journal;
    }

    /** Optional body of a re-issue: another destination IBAN, and a note for the ops log. */
    @Schema(description = "Optional: another destination IBAN for the new instruction, a note for the ops log")
    public record ReissueRequest(
            @Schema(example = "DE89370400440532013000") @Nullable String iban,
            @Schema(
                            description = "At most 4,096 characters; recorded in the ops log",
                            example = "Payee gave a new IBAN")
                    @Nullable
                    String note) {}

    @Schema(
            description = "Where to return a transfer that came without a usable payer IBAN",
            requiredProperties = "iban")
    public record ReturnIbanRequest(
            @Schema(example = "DE89370400440532013000") String iban,
            @Schema(
                            description = "At most 4,096 characters; recorded in the ops log",
                            example = "IBAN confirmed by phone")
                    @Nullable
                    String note) {}

    /** Optional body of an approval: a note for the ops log. */
    @Schema(description = "Optional: a note for the ops log")
    public record ApproveRequest(
            @Schema(
                            description = "At most 4,096 characters; recorded in the ops log",
                            example = "Checked with the company")
                    @Nullable
                    String note) {}

    /** Body of a rejection: why, for the ops log and the review item. */
    @Schema(description = "Why the payment is rejected", requiredProperties = "note")
    public record RejectRequest(
            @Schema(
                            description = "1 to 4,096 characters; recorded in the ops log and the review item",
                            example = "IBAN does not belong to the company")
                    String note) {}

    @GetMapping("/api/v1/ops/instructions")
    @Operation(
            operationId = "listInstructions",
            summary = "List payment instructions",
            description = "Payment instructions, newest first; `status=AWAITING_APPROVAL` lists those an approver must"
                    + " approve or reject.")
    Mono<Page<PaymentInstructionResponse>> list(
            @Parameter(schema = @Schema(implementation = InstructionStatus.class))
                    @RequestParam(required = false)
                    @Nullable
                    String status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return Mono.fromCallable(() -> PageRequest.of(page, size))
                .flatMap(request -> instructions.page(status(status), request))
                .map(result -> result.map(PaymentInstructionResponse::of));
    }

    @GetMapping("/api/v1/ops/instructions/{instructionId}")
    @Operation(
            operationId = "getInstruction",
            summary = "Get a payment instruction",
            description = "One payment instruction, with the re-issues it links to.")
    Mono<PaymentInstructionResponse> instruction(@PathVariable String instructionId) {
        return instructions
                .byId(InstructionId.of(instructionId))
                .map(PaymentInstructionResponse::of)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Instruction", instructionId)));
    }

    @PutMapping("/api/v1/ops/instructions/{instructionId}/reissued")
    @Operation(
            operationId = "reissueInstruction",
            summary = "Re-issue a failed instruction",
            description = "A FAILED instruction gets a linked new one (to another IBAN if given); answers the new one.")
    @ApiErrors(ErrorCode.ILLEGAL_TRANSITION)
    Mono<PaymentInstructionResponse> reissue(
            @PathVariable String instructionId,
            @RequestBody(required = false) @Nullable ReissueRequest request,
            Caller caller) {
        return note(request == null ? null : request.note())
                .flatMap(note -> journal.recorded(
                        new OpsJournal.Write(
                                actor(caller),
                                "reissueInstruction",
                                "PaymentInstruction",
                                instructionId,
                                note.orElse(null)),
                        () -> desk.reissue(
                                InstructionId.of(instructionId),
                                request == null ? null : request.iban(),
                                actor(caller))))
                .map(PaymentInstructionResponse::of);
    }

    @PutMapping("/api/v1/ops/instructions/{instructionId}/approved")
    @Operation(
            operationId = "approveInstruction",
            summary = "Approve a payment awaiting approval",
            description =
                    "AWAITING_APPROVAL → CREATED: the instruction is sent to the bank or gateway. An approver other"
                            + " than the operator who caused it (a re-issue, a given IBAN): else 403 FOUR_EYES.")
    @ApiErrors({ErrorCode.FOUR_EYES, ErrorCode.ILLEGAL_TRANSITION})
    Mono<PaymentInstructionResponse> approve(
            @PathVariable String instructionId,
            @RequestBody(required = false) @Nullable ApproveRequest request,
            Caller caller) {
        return note(request == null ? null : request.note())
                .flatMap(note -> journal.recorded(
                        new OpsJournal.Write(
                                actor(caller),
                                "approveInstruction",
                                "PaymentInstruction",
                                instructionId,
                                note.orElse(null)),
                        () -> desk.approve(InstructionId.of(instructionId), actor(caller), note.orElse(null))))
                .map(PaymentInstructionResponse::of);
    }

    @PutMapping("/api/v1/ops/instructions/{instructionId}/rejected")
    @Operation(
            operationId = "rejectInstruction",
            summary = "Reject a payment awaiting approval",
            description =
                    "AWAITING_APPROVAL → FAILED (failureReason APPROVAL_REJECTED) with an APPROVAL_REJECTED review"
                            + " item; no money moves, and the instruction can be re-issued. Same approvers as an approval.")
    @ApiErrors({ErrorCode.FOUR_EYES, ErrorCode.ILLEGAL_TRANSITION})
    Mono<PaymentInstructionResponse> reject(
            @PathVariable String instructionId, @RequestBody RejectRequest request, Caller caller) {
        return Mono.fromCallable(() -> {
                    Validation v = Validation.start();
                    String note = v.text("note", request.note(), true, 4096);
                    v.throwIfInvalid();
                    return v.checked(note);
                })
                .flatMap(note -> journal.recorded(
                        new OpsJournal.Write(
                                actor(caller), "rejectInstruction", "PaymentInstruction", instructionId, note),
                        () -> desk.reject(InstructionId.of(instructionId), actor(caller), note)))
                .map(PaymentInstructionResponse::of);
    }

    @PutMapping("/api/v1/ops/unidentified-transfers/{unidentifiedTransferId}/return-iban")
    @Operation(
            operationId = "giveReturnIban",
            summary = "Give a held return its IBAN",
            description = "A transfer whose return is ON_HOLD (no usable payer IBAN) is returned to this IBAN.")
    @ApiErrors(ErrorCode.ILLEGAL_TRANSITION)
    Mono<UnidentifiedTransferResponse> returnIban(
            @PathVariable String unidentifiedTransferId, @RequestBody ReturnIbanRequest request, Caller caller) {
        return note(request.note())
                .flatMap(note -> journal.recorded(
                        new OpsJournal.Write(
                                actor(caller),
                                "giveReturnIban",
                                "UnidentifiedTransfer",
                                unidentifiedTransferId,
                                note.orElse(null)),
                        () -> desk.giveReturnIban(
                                UnidentifiedTransferId.of(unidentifiedTransferId), request.iban(), actor(caller))))
                .map(UnidentifiedTransferResponse::of);
    }

    /** The request's optional note, checked: at most 4,096 characters. */
    private static Mono<Optional<String>> note(@Nullable String note) {
        return Mono.fromCallable(() -> {
            Validation v = Validation.start();
            String checked = v.text("note", note, false, 4096);
            v.throwIfInvalid();
            return Optional.ofNullable(checked);
        });
    }

    private static @Nullable InstructionStatus status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return InstructionStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new DomainException(
                    ErrorCode.INVALID_PARAMETER,
                    "status must be one of " + Arrays.toString(InstructionStatus.values()));
        }
    }

    private static Actor actor(Caller caller) {
        Caller.Operator operator = caller.operatorOrFail();
        return Actor.of(operator.operatorId(), operator.name(), operator.role());
    }
}
