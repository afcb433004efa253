package io.crowdrecon.recon.paymentfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.outbox.EventLog;
import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.payment.instruction.InstructionType;
import io.crowdrecon.recon.payment.instruction.PaymentInstruction;
import io.crowdrecon.recon.payment.instruction.PaymentInstructionMessage;
import io.crowdrecon.recon.payment.instruction.PaymentInstructions;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.PaymentFileId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Building pain.001 files from instructions made by the real flows (a cancelled paid order is refunded by bank
 * transfer), against the embedded PostgreSQL: schema-valid content stored in chunks, exact control sums, one review
 * item for what SEPA cannot carry, and one file, never two, when two builds run at once.
 */
@ReconIntegrationTest
@TestPropertySource(properties = "recon.payment-files.enabled=true")
class PaymentFileBuildIT {

    private static final Duration BUILT = Duration.ofSeconds(60);

    @Fixture
    private static TestKafka kafka;

    @Fixture
    PaymentFlows flows;

    @Autowired
    BuildPaymentFiles build;

    @Autowired
    PaymentFiles files;

    @Autowired
    PaymentInstructions instructions;

    @Autowired
    DatabaseClient database;

    @Autowired
    IdGenerator ids;

    @Autowired
    Clock clock;

    @Autowired
    EventLog events;

    @Autowired
    Transactions transactions;

    @Test
    void gathersTheRefundsOfAPortalIntoOneSchemaValidFileWithExactControlSums() throws Exception {
        List<String> refunds = List.of(refundedInstruction(), refundedInstruction());

        List<PaymentFile> built = build.build().block(BUILT);

        PaymentFile file = fileCarrying(Objects.requireNonNull(built), refunds.get(0));
        assertThat(file.status()).isEqualTo(PaymentFileStatus.CREATED);
        assertThat(file.messageId()).isEqualTo(file.paymentFileId().value()).startsWith("PFL");
        assertThat(file.version()).isEqualTo(Pain001Version.V09);
        assertThat(file.debtorIban().value())
                .isEqualTo(collectionIban(flows.portal().portalId()));
        assertThat(file.executionDate())
                .isEqualTo(BuildPaymentFiles.executionDate(file.createdAt(), ZoneId.of("Europe/Brussels")));
        assertThat(files.instructionIds(file.paymentFileId())
                        .map(InstructionId::value)
                        .collectList()
                        .block(BUILT))
                .containsExactlyElementsOf(refunds);
        assertThat(file.numberOfTransactions()).isEqualTo(2);
        assertThat(file.controlSum()).isEqualByComparingTo("2200.00");

        byte[] content = content(file.paymentFileId());
        assertThat(content.length).isEqualTo(file.size());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
                .isEqualTo(file.sha256());
        Pain001Files.validate(Pain001Version.V09, content);
        Document xml = Pain001Files.parse(content);
        assertThat(Pain001Files.text(xml, "//GrpHdr/MsgId")).isEqualTo(file.messageId());
        assertThat(Pain001Files.text(xml, "//GrpHdr/NbOfTxs")).isEqualTo("2");
        assertThat(Pain001Files.text(xml, "//GrpHdr/CtrlSum")).isEqualTo("2200.00");
        assertThat(Pain001Files.text(xml, "//PmtInf/PmtInfId")).isEqualTo(file.paymentFileId() + "-1");
        assertThat(Pain001Files.text(xml, "//PmtInf/CtrlSum")).isEqualTo("2200.00");
        assertThat(Pain001Files.sum(Pain001Files.texts(xml, "//CdtTrfTxInf/Amt/InstdAmt")))
                .isEqualByComparingTo("2200.00");
        assertThat(Pain001Files.texts(xml, "//CdtTrfTxInf/PmtId/EndToEndId")).containsExactlyElementsOf(refunds);
        assertThat(Pain001Files.text(xml, "//PmtInf/ReqdExctnDt/Dt"))
                .isEqualTo(file.executionDate().toString());
        assertThat(Pain001Files.text(xml, "//PmtInf/DbtrAgt/FinInstnId/Othr/Id"))
                .isEqualTo("NOTPROVIDED");
        for (String refund : refunds) {
            // still CREATED: an instruction leaves its file's CREATED only when the file is sent
            assertThat(flows.instruction(refund).get("status").asString()).isEqualTo("CREATED");
        }
    }

    @Test
    void neverGathersABankTransferThatWasAlreadyAnnouncedAsARequestedEvent() {
        // As the service did with the switch off (or before it was switched on): the refund's requested event went out
        // through the outbox, so an adapter paying from events may have paid it already.
        String announced = refundedInstruction();
        PaymentInstruction instruction = Objects.requireNonNull(
                instructions.byId(InstructionId.of(announced)).block(BUILT));
        events.append(List.of(PaymentInstructionMessage.requested(instruction))).block(BUILT);
        String fresh = refundedInstruction();

        List<PaymentFile> built = Objects.requireNonNull(build.build().block(BUILT));

        List<String> carried = built.stream()
                .flatMap(file -> Objects.requireNonNull(files.instructionIds(file.paymentFileId())
                                .map(InstructionId::value)
                                .collectList()
                                .block(BUILT))
                        .stream())
                .toList();
        assertThat(carried).contains(fresh).doesNotContain(announced);
        assertThat(flows.instruction(announced).get("status").asString()).isEqualTo("CREATED");
    }

    @Test
    void storesAFileOfManyTransfersInChunksAndServesTheSameBytesBack() throws Exception {
        // about 330 bytes a transfer: 1000 transfers make more than four 64 KB chunks
        PortalId portal = PortalId.of(flows.portal().portalId());
        List<PaymentInstruction> made = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            made.add(instruction(portal, "EUR", "0.01"));
        }
        instructions.addAll(made).block(BUILT);
        List<String> many = made.stream().map(i -> i.instructionId().value()).toList();

        PaymentFile file = fileCarrying(Objects.requireNonNull(build.build().block(BUILT)), many.get(0));

        assertThat(chunkCount(file.paymentFileId())).isGreaterThan(3);
        byte[] content = content(file.paymentFileId());
        assertThat(content.length).isEqualTo(file.size());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
                .isEqualTo(file.sha256());
        Pain001Files.validate(Pain001Version.V09, content);
        assertThat(file.numberOfTransactions()).isEqualTo(1000);
        assertThat(file.controlSum()).isEqualByComparingTo("10.00");
        assertThat(files.instructionIds(file.paymentFileId())
                        .map(InstructionId::value)
                        .collectList()
                        .block(BUILT))
                .containsExactlyInAnyOrderElementsOf(many);
    }

    @Test
    void leavesANonEuroInstructionCreatedWithOneReviewItemHoweverManyBuildsRun() {
        PortalId portal = PortalId.of(flows.portal().portalId());
        PaymentInstruction francs = insert(portal, "CHF", "150.00");

        List<PaymentFile> first = Objects.requireNonNull(build.build().block(BUILT));
        List<PaymentFile> second = Objects.requireNonNull(build.build().block(BUILT));

        assertThat(fileOf(francs.instructionId())).isNull();
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(flows.instruction(francs.instructionId().value())
                        .get("status")
                        .asString())
                .isEqualTo("CREATED");
        List<Map<String, Object>> items = database.sql(
                        "SELECT kind, status, detail FROM review_item WHERE subject_id = :id")
                .bind("id", francs.instructionId().value())
                .fetch()
                .all()
                .collectList()
                .block(BUILT);
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.get("kind")).isEqualTo("PAYMENT_FILE_REFUSED");
            assertThat(item.get("status")).isEqualTo("OPEN");
            assertThat((String) item.get("detail")).contains("SEPA carries euros");
        });
        // Refused and reviewed, it is not read again at every cut-off (10,000 of them would fill every build); once
        // ops resolve the item it is back in line.
        assertThat(readyIds()).doesNotContain(francs.instructionId());
        database.sql("UPDATE review_item SET status = 'RESOLVED' WHERE subject_id = :id")
                .bind("id", francs.instructionId().value())
                .then()
                .block(BUILT);
        assertThat(readyIds()).contains(francs.instructionId());
    }

    private List<InstructionId> readyIds() {
        // Read in a transaction that ends at once: the candidates are read FOR UPDATE SKIP LOCKED.
        return Objects.requireNonNull(transactions
                .inTransaction(() -> instructions
                        .readyForPaymentFiles(1_000_000)
                        .map(PaymentInstruction::instructionId)
                        .collectList())
                .block(BUILT));
    }

    @Test
    void twoBuildsAtOnceMakeOneFileAndPutEachInstructionInExactlyOne() {
        PortalId portal = PortalId.of(flows.portal().portalId());
        List<InstructionId> mine = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            mine.add(insert(portal, "EUR", "10.00").instructionId());
        }

        List<List<PaymentFile>> both =
                Mono.zip(build.build(), build.build(), (a, b) -> List.of(a, b)).block(BUILT);

        List<PaymentFile> all =
                Objects.requireNonNull(both).stream().flatMap(List::stream).toList();
        List<PaymentFile> ofThisPortal = all.stream()
                .filter(f -> f.debtorIban().value().equals(collectionIban(portal.value())))
                .toList();
        assertThat(ofThisPortal).hasSize(1);
        List<String> carried = files.instructionIds(ofThisPortal.get(0).paymentFileId())
                .map(InstructionId::value)
                .collectList()
                .block(BUILT);
        assertThat(carried)
                .containsExactlyInAnyOrderElementsOf(
                        mine.stream().map(InstructionId::value).toList());
        for (InstructionId id : mine) {
            assertThat(fileOf(id)).isEqualTo(ofThisPortal.get(0).paymentFileId().value());
        }
    }

    private String refundedInstruction() {
        String orderId = flows.newOrder(Ibans.randomGerman());
        flows.pay(orderId, Ibans.randomGerman());
        flows.portal().put("/orders/" + orderId + "/cancelled").expectStatus().isOk();
        JsonNode refund = flows.refund(orderId);
        return refund.get("instructionId").asString();
    }

    private PaymentInstruction insert(PortalId portal, String currency, String amount) {
        PaymentInstruction instruction = instruction(portal, currency, amount);
        instructions.addAll(List.of(instruction)).block(BUILT);
        return instruction;
    }

    private PaymentInstruction instruction(PortalId portal, String currency, String amount) {
        return PaymentInstruction.create(
                ids.nextInstructionId(),
                InstructionType.FEE_PAYOUT,
                PaymentChannel.BANK_TRANSFER,
                InstructionStatus.CREATED,
                new BigDecimal(amount),
                currency,
                Ibans.randomGerman(),
                "Ørsted Müller GmbH",
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

    private PaymentFile fileCarrying(List<PaymentFile> built, String instructionId) {
        String fileId = fileOf(new InstructionId(instructionId));
        assertThat(fileId).as("the file of " + instructionId).isNotNull();
        return built.stream()
                .filter(f -> f.paymentFileId().value().equals(fileId))
                .findFirst()
                .orElseThrow();
    }

    private String fileOf(InstructionId instructionId) {
        return database.sql("SELECT payment_file_id FROM payment_file_instruction WHERE instruction_id = :id")
                .bind("id", instructionId.value())
                .map(row -> row.get(0, String.class))
                .one()
                .block(BUILT);
    }

    private String collectionIban(String portalId) {
        return database.sql("SELECT collection_iban FROM portal WHERE portal_id = :id")
                .bind("id", portalId)
                .map(row -> row.get(0, String.class))
                .one()
                .block(BUILT);
    }

    private long chunkCount(PaymentFileId fileId) {
        return database.sql("SELECT count(*) FROM payment_file_chunk WHERE payment_file_id = :id")
                .bind("id", fileId.value())
                .map(row -> row.get(0, Long.class))
                .one()
                .block(BUILT);
    }

    private byte[] content(PaymentFileId fileId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.content(fileId).doOnNext(out::writeBytes).blockLast(BUILT);
        return out.toByteArray();
    }
}
