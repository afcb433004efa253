package io.crowdrecon.recon.unidentified.web;

import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.unidentified.UnidentifiedFilter;
import io.crowdrecon.recon.unidentified.UnidentifiedTransferData;
import io.crowdrecon.recon.unidentified.UnidentifiedTransfers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Unidentified transfers: a portal sees those credited to its collection IBAN or naming its card orders; ops see all. */
@RestController
public class UnidentifiedTransferController {

    private final UnidentifiedTransfers transfers;

    public UnidentifiedTransferController(UnidentifiedTransfers transfers) {
        this.transfers = transfers;
    }

    @GetMapping("/api/v1/unidentified-transfers")
    Mono<Page<UnidentifiedTransferData>> ofPortal(
            Caller caller,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String candidateOrderId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return list(caller.portalId(), reason, status, candidateOrderId, from, to, page, size);
    }

    @GetMapping("/api/v1/ops/unidentified-transfers")
    Mono<Page<UnidentifiedTransferData>> all(
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String candidateOrderId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return list(null, reason, status, candidateOrderId, from, to, page, size);
    }

    private Mono<Page<UnidentifiedTransferData>> list(
            String portalId,
            String reason,
            String status,
            String candidateOrderId,
            String from,
            String to,
            Integer page,
            Integer size) {
        return Mono.fromCallable(() -> new Object[] {
                    UnidentifiedFilter.parse(reason, status, candidateOrderId, from, to), PageRequest.of(page, size)
                })
                .flatMap(args -> transfers.page(portalId, (UnidentifiedFilter) args[0], (PageRequest) args[1]))
                .map(result -> result.map(UnidentifiedTransferData::of));
    }
}
