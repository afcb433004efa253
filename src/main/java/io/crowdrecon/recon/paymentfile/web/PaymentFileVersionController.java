package io.crowdrecon.recon.paymentfile.web;

import io.crowdrecon.recon.operator.Actor;
import io.crowdrecon.recon.operator.OpsJournal;
import io.crowdrecon.recon.paymentfile.DebtorAccounts;
import io.crowdrecon.recon.paymentfile.Pain001Version;
import io.crowdrecon.recon.platform.openapi.ApiErrors;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Validation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Ops set the pain.001 version a portal's bank takes for the files of its collection account. */
@RestController
@Tag(name = ApiTags.PAYMENT_FILES)
public class PaymentFileVersionController {

    private final DebtorAccounts accounts;
    private final OpsJournal journal;

    public PaymentFileVersionController(DebtorAccounts accounts, OpsJournal journal) {
        this.accounts = accounts;
        this.journal = journal;
    }

    @Schema(
            name = "SetPaymentFileVersionRequest",
            description = "The pain.001 version of the portal's payment files.",
            requiredProperties = {"version"})
    public record SetVersionRequest(
            @Schema(allowableValues = {"pain.001.001.09", "pain.001.001.03"}) @Nullable String version) {}

    @Schema(
            name = "PortalPaymentFileVersion",
            description = "The pain.001 version of a portal's payment files.",
            requiredProperties = {"portalId", "version"})
    public record VersionResponse(
            String portalId, @Schema(allowableValues = {"pain.001.001.09", "pain.001.001.03"}) String version) {}

    @PutMapping("/api/v1/ops/portals/{portalId}/payment-file-version")
    @Operation(
            operationId = "setPaymentFileVersion",
            summary = "Set a portal's pain.001 version",
            description = "The pain.001 version of the files that debit the portal's collection account, from the next"
                    + " build on: pain.001.001.09 (the default, the EPC's since the 2019 rulebook) or pain.001.001.03"
                    + " (for a bank that still wants it). Files already built keep their version and bytes.")
    @ApiErrors(ErrorCode.NOT_FOUND)
    Mono<VersionResponse> setVersion(
            @PathVariable String portalId, @RequestBody SetVersionRequest request, Caller caller) {
        return Mono.fromCallable(() -> version(request.version()))
                .flatMap(version -> journal.recorded(
                        new OpsJournal.Write(actor(caller), "setPaymentFileVersion", "Portal", portalId, null),
                        () -> accounts.setVersion(PortalId.of(portalId), version)
                                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Portal", portalId)))))
                .map(version -> new VersionResponse(portalId, version.label()));
    }

    private static Pain001Version version(@Nullable String label) {
        Validation v = Validation.start();
        Pain001Version version = null;
        if (v.required("version", label) != null) {
            version = Pain001Version.ofLabel(label).orElse(null);
            if (version == null) {
                v.add(
                        "version",
                        "must be one of "
                                + Arrays.stream(Pain001Version.values())
                                        .map(Pain001Version::label)
                                        .toList());
            }
        }
        v.throwIfInvalid();
        return v.checked(version);
    }

    private static Actor actor(Caller caller) {
        Caller.Operator operator = caller.operatorOrFail();
        return Actor.of(operator.operatorId(), operator.name(), operator.role());
    }
}
