package io.crowdrecon.recon.paymentfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.payment.instruction.InstructionType;
import io.crowdrecon.recon.payment.instruction.PaymentInstruction;
import io.crowdrecon.recon.payment.instruction.PaymentInstructions;
import io.crowdrecon.recon.paymentfile.config.PaymentFileCutOff;
import io.crowdrecon.recon.platform.config.BackgroundLoops;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The cut-off schedule with payment files on (its own application context, a cut-off every second): an instruction
 * ready to go lands in a file without anyone asking.
 */
@ReconIntegrationTest
@TestPropertySource(properties = {"recon.payment-files.enabled=true", "recon.payment-files.schedule=* * * * * *"})
class PaymentFileCutOffIT {

    private static final Duration GATHERED = Duration.ofSeconds(30);

    @Fixture
    private static TestKafka kafka;

    @Fixture
    PaymentFlows flows;

    @Autowired
    PaymentInstructions instructions;

    @Autowired
    BackgroundLoops loops;

    @Autowired
    DatabaseClient database;

    @Autowired
    IdGenerator ids;

    @Autowired
    Clock clock;

    @Test
    void gathersAReadyInstructionIntoAFileAtTheNextCutOffWithoutAnyRequest() {
        assertThat(loops.names()).contains(PaymentFileCutOff.NAME);
        PaymentInstruction payout = instruction(PortalId.of(flows.portal().portalId()));
        instructions.addAll(List.of(payout)).block(GATHERED);

        String fileId = await().atMost(GATHERED)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> fileOf(payout), id -> id != null);

        List<String> carried = database.sql(
                        "SELECT instruction_id FROM payment_file_instruction WHERE payment_file_id = :id")
                .bind("id", fileId)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block(GATHERED);
        assertThat(carried).containsExactly(payout.instructionId().value());
        String debtor = database.sql("SELECT debtor_iban FROM payment_file WHERE payment_file_id = :id")
                .bind("id", fileId)
                .map(row -> row.get(0, String.class))
                .one()
                .block(GATHERED);
        assertThat(debtor).isEqualTo(flows.portal().collectionIban());
    }

    private String fileOf(PaymentInstruction instruction) {
        return database.sql("SELECT payment_file_id FROM payment_file_instruction WHERE instruction_id = :id")
                .bind("id", instruction.instructionId().value())
                .map(row -> row.get(0, String.class))
                .one()
                .block(GATHERED);
    }

    private PaymentInstruction instruction(PortalId portal) {
        return PaymentInstruction.create(
                ids.nextInstructionId(),
                InstructionType.FEE_PAYOUT,
                PaymentChannel.BANK_TRANSFER,
                InstructionStatus.CREATED,
                new BigDecimal("12.34"),
                "EUR",
                Ibans.randomGerman(),
                "Fee Payee",
                null,
                "Fee payout",
                portal,
                null,
                null,
                null,
                null,
                null,
                null,
                clock.instant());
    }
}
