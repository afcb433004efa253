package io.crowdrecon.recon.shared;

import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Prefixed, opaque identifiers (SPEC.md section 2) in the shapes of {@link IdPrefix}: the prefix then
 * {@value IdPrefix#LENGTH} characters of {@link IdPrefix#ALPHABET} (no 0/O, 1/I/L), about 80 bits of randomness; an
 * order id is an {@link OrderId}. Ids are not secrets (access is decided by the API key, never by knowing an id), so a
 * fast per-thread generator is enough; API keys and webhook secrets come from a SecureRandom elsewhere.
 */
public final class IdGenerator {

    private static final char[] ALPHABET = IdPrefix.ALPHABET.toCharArray();

    private final Supplier<RandomGenerator> random;

    public IdGenerator(Supplier<RandomGenerator> random) {
        this.random = random;
    }

    /** Ids from the current thread's {@link java.util.concurrent.ThreadLocalRandom}. */
    public static IdGenerator threadLocal() {
        return new IdGenerator(java.util.concurrent.ThreadLocalRandom::current);
    }

    public String next(IdPrefix prefix) {
        if (prefix == IdPrefix.ORDER) {
            return nextOrderId().value();
        }
        RandomGenerator generator = random.get();
        char[] chars = new char[IdPrefix.LENGTH];
        for (int i = 0; i < IdPrefix.LENGTH; i++) {
            chars[i] = ALPHABET[generator.nextInt(ALPHABET.length)];
        }
        return prefix.prefix() + new String(chars);
    }

    public OrderId nextOrderId() {
        return OrderId.generate(random.get());
    }

    public PortalId nextPortalId() {
        return new PortalId(next(PortalId.KIND));
    }

    public CompanyId nextCompanyId() {
        return new CompanyId(next(CompanyId.KIND));
    }

    public CampaignId nextCampaignId() {
        return new CampaignId(next(CampaignId.KIND));
    }

    public InvestorId nextInvestorId() {
        return new InvestorId(next(InvestorId.KIND));
    }

    public MoneyinId nextMoneyinId() {
        return new MoneyinId(next(MoneyinId.KIND));
    }

    public MoneyoutId nextMoneyoutId() {
        return new MoneyoutId(next(MoneyoutId.KIND));
    }

    public RefundId nextRefundId() {
        return new RefundId(next(RefundId.KIND));
    }

    public UnidentifiedTransferId nextUnidentifiedTransferId() {
        return new UnidentifiedTransferId(next(UnidentifiedTransferId.KIND));
    }

    public CashoutId nextCashoutId() {
        return new CashoutId(next(CashoutId.KIND));
    }

    public InstructionId nextInstructionId() {
        return new InstructionId(next(InstructionId.KIND));
    }

    public ReviewItemId nextReviewItemId() {
        return new ReviewItemId(next(ReviewItemId.KIND));
    }

    public BankFileId nextBankFileId() {
        return new BankFileId(next(BankFileId.KIND));
    }

    public BankStatementId nextBankStatementId() {
        return new BankStatementId(next(BankStatementId.KIND));
    }

    public OperatorId nextOperatorId() {
        return new OperatorId(next(OperatorId.KIND));
    }

    public PaymentFileId nextPaymentFileId() {
        return new PaymentFileId(next(PaymentFileId.KIND));
    }

    public HoldId nextHoldId() {
        return new HoldId(next(HoldId.KIND));
    }

    public WebhookEndpointId nextWebhookEndpointId() {
        return new WebhookEndpointId(next(WebhookEndpointId.KIND));
    }

    public WebhookDeliveryId nextWebhookDeliveryId() {
        return new WebhookDeliveryId(next(WebhookDeliveryId.KIND));
    }
}
