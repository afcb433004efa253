package io.crowdrecon.recon.portal.web;

import io.crowdrecon.recon.operator.Actor;
import io.crowdrecon.recon.operator.OpsJournal;
import io.crowdrecon.recon.platform.openapi.ApiErrors;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.portal.Onboarding;
import io.crowdrecon.recon.portal.PortalSettings;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.PortalId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Ops read and set a portal's investor-protection periods (issue 23, item 5). */
@RestController
@Tag(name = ApiTags.ONBOARDING)
public class PortalSettingsController {

    private final Onboarding onboarding;
    private final OpsJournal journal;

    public PortalSettingsController(Onboarding onboarding, OpsJournal journal) {
        this.onboarding = onboarding;
        this.journal = journal;
    }

    @Schema(
            name = "PortalSettingsRequest",
            description = "Every setting, each required: a PUT replaces them all.",
            requiredProperties = {"reflectionPeriod", "clearingBusinessDays", "cardClearingPeriod"})
    public record SettingsRequest(
            @Schema(
                            description = "ISO-8601 duration from PT0S to P30D: how long after its creation a"
                                    + " non-sophisticated investor's order may be revoked",
                            example = "P4D")
                    @Nullable
                    String reflectionPeriod,
            @Schema(
                            description = "0 to 10: TARGET2 business days after a transfer's booking date before it"
                                    + " clears",
                            example = "2")
                    @Nullable
                    Integer clearingBusinessDays,
            @Schema(
                            description =
                                    "ISO-8601 duration from PT0S to P30D: how long after a card capture it" + " clears",
                            example = "PT0S")
                    @Nullable
                    String cardClearingPeriod) {}

    @Schema(
            name = "PortalSettings",
            description = "A portal's investor-protection periods; whole days are written P4D.",
            requiredProperties = {"portalId", "reflectionPeriod", "clearingBusinessDays", "cardClearingPeriod"})
    public record SettingsResponse(
            String portalId,
            @Schema(example = "P4D") String reflectionPeriod,
            @Schema(example = "2") int clearingBusinessDays,
            @Schema(example = "PT0S") String cardClearingPeriod) {

        static SettingsResponse of(String portalId, PortalSettings settings) {
            return new SettingsResponse(
                    portalId,
                    PortalSettings.written(settings.reflectionPeriod()),
                    settings.clearingBusinessDays(),
                    PortalSettings.written(settings.cardClearingPeriod()));
        }
    }

    @GetMapping("/api/v1/ops/portals/{portalId}/settings")
    @Operation(
            operationId = "getPortalSettings",
            summary = "Get a portal's settings",
            description = "The portal's reflection period and clearing periods.")
    @ApiErrors(ErrorCode.NOT_FOUND)
    Mono<SettingsResponse> settings(@PathVariable String portalId) {
        return onboarding.settings(PortalId.of(portalId)).map(settings -> SettingsResponse.of(portalId, settings));
    }

    @PutMapping("/api/v1/ops/portals/{portalId}/settings")
    @Operation(
            operationId = "setPortalSettings",
            summary = "Set a portal's settings",
            description =
                    "Replaces the portal's reflection period and clearing periods. A new reflection period applies"
                            + " to orders created from now on (an order's period is fixed when it is created); the clearing"
                            + " periods apply to every finalization from now on.")
    @ApiErrors(ErrorCode.NOT_FOUND)
    Mono<SettingsResponse> setSettings(
            @PathVariable String portalId, @RequestBody SettingsRequest request, Caller caller) {
        return Mono.fromCallable(() -> PortalSettings.validate(
                        request.reflectionPeriod(), request.clearingBusinessDays(), request.cardClearingPeriod()))
                .flatMap(settings -> journal.recorded(
                        new OpsJournal.Write(actor(caller), "setPortalSettings", "Portal", portalId, null),
                        () -> onboarding.replaceSettings(PortalId.of(portalId), settings)))
                .map(settings -> SettingsResponse.of(portalId, settings));
    }

    private static Actor actor(Caller caller) {
        Caller.Operator operator = caller.operatorOrFail();
        return Actor.of(operator.operatorId(), operator.name(), operator.role());
    }
}
