package io.crowdrecon.recon.payment.web;

import io.crowdrecon.recon.payment.instruction.InstructionDesk;
import io.crowdrecon.recon.payment.instruction.PaymentInstructions;
import io.crowdrecon.recon.platform.openapi.ApiErrors;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.UnidentifiedTransferId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Operators and payment instructions: look one up, re-issue a failed one, give a held return its IBAN. */
@RestController
@Tag(name = ApiTags.REVIEW)
public class OpsInstructionController {

    private final PaymentInstructions instructions;
    private final InstructionDesk desk;

    public OpsInstructionController(PaymentInstructions instructions, InstructionDesk desk) {
        this.instructions = instructions;
        this.desk = desk;
    }

    /** Optional body of a re-issue: another destination IBAN. */
    @Schema(description = "Optional: another destination IBAN for the new instruction")
    public record ReissueRequest(@Schema(example = "DE89370400440532013000") String iban) {}

    @Schema(
            description = "Where to return a transfer that came without a usable payer IBAN",
            requiredProperties = "iban")
    public record ReturnIbanRequest(@Schema(example = "DE89370400440532013000") String iban) {}

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
            @PathVariable String instructionId, @RequestBody(required = false) ReissueRequest request) {
        return desk.reissue(InstructionId.of(instructionId), request == null ? null : request.iban())
                .map(PaymentInstructionResponse::of);
    }

    @PutMapping("/api/v1/ops/unidentified-transfers/{unidentifiedTransferId}/return-iban")
    @Operation(
            operationId = "giveReturnIban",
            summary = "Give a held return its IBAN",
            description = "A transfer whose return is ON_HOLD (no usable payer IBAN) is returned to this IBAN.")
    @ApiErrors(ErrorCode.ILLEGAL_TRANSITION)
    Mono<UnidentifiedTransferResponse> returnIban(
            @PathVariable String unidentifiedTransferId, @RequestBody ReturnIbanRequest request) {
        return desk.giveReturnIban(UnidentifiedTransferId.of(unidentifiedTransferId), request.iban())
                .map(UnidentifiedTransferResponse::of);
    }
}
