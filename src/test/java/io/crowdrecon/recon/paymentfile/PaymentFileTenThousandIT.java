package io.crowdrecon.recon.paymentfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.payment.instruction.InstructionStatus;
import io.crowdrecon.recon.payment.instruction.InstructionType;
import io.crowdrecon.recon.payment.instruction.PaymentInstruction;
import io.crowdrecon.recon.payment.instruction.PaymentInstructions;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Issue 22 item 6: 10,000 instructions in one file. The file is built (streamed to a temporary file, then into the
 * database in chunks), served by {@code /content}, and read back as a stream: written to disk, validated against the
 * pain.001.001.09 schema and parsed with StAX, never held whole in the heap. The heap used before, during and after the
 * build is logged (a measurement, not an assertion: the JVM holds the whole service and its brokers).
 */
@ReconIntegrationTest
@TestPropertySource(properties = "recon.payment-files.enabled=true")
class PaymentFileTenThousandIT {

    private static final Logger log = LoggerFactory.getLogger(PaymentFileTenThousandIT.class);

    private static final int TRANSFERS = 10_000;
    private static final Duration BUILT = Duration.ofSeconds(120);

    @Fixture
    private static TestKafka kafka;

    @Fixture
    PaymentFlows flows;

    @LocalServerPort
    int port;

    @Autowired
    BuildPaymentFiles build;

    @Autowired
    PaymentInstructions instructions;

    @Autowired
    IdGenerator ids;

    @Test
    void tenThousandInstructionsGoIntoOneSchemaValidFileWithExactCountsAndSums() throws Exception {
        PortalId portal = PortalId.of(flows.portal().portalId());
        // Older than anything other tests of this context leave CREATED (a build takes the oldest 10,000 first), so
        // that the build takes exactly these.
        Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");
        List<PaymentInstruction> made = new ArrayList<>(TRANSFERS);
        BigDecimal expectedSum = BigDecimal.ZERO;
        for (int i = 1; i <= TRANSFERS; i++) {
            // 0.01 to 100.00, and a large one: the sum must be exact, not a double's
            BigDecimal amount = i == TRANSFERS ? new BigDecimal("999999999.99") : BigDecimal.valueOf(i, 2);
            expectedSum = expectedSum.add(amount);
            made.add(instruction(portal, amount, longAgo.plusMillis(i)));
        }
        for (int from = 0; from < TRANSFERS; from += 1_000) {
            instructions.addAll(made.subList(from, from + 1_000)).block(BUILT);
        }
        Set<String> expected = new HashSet<>();
        made.forEach(i -> expected.add(i.instructionId().value()));
        made.clear(); // not held by the test while the heap is measured

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0,
                20,
                TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        List<PaymentFile> built;
        try {
            built = Objects.requireNonNull(build.build().block(BUILT));
        } finally {
            sampler.shutdownNow();
        }
        long took = System.nanoTime() - started;
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();

        List<PaymentFile> ofThePortal = built.stream()
                .filter(f -> f.debtorIban().value().equals(flows.portal().collectionIban()))
                .toList();
        assertThat(ofThePortal).as("the portal's files").hasSize(1);
        PaymentFile file = ofThePortal.get(0);
        assertThat(file.numberOfTransactions()).isEqualTo(TRANSFERS);
        assertThat(file.controlSum()).isEqualByComparingTo(expectedSum);
        log.info(
                "{} transfers: build {} ms, file {} bytes; heap used {} MB before, {} MB at most during, {} MB after"
                        + " (after System.gc(); max heap {} MB)",
                TRANSFERS,
                TimeUnit.NANOSECONDS.toMillis(took),
                file.size(),
                before >> 20,
                peak.get() >> 20,
                after >> 20,
                memory.getHeapMemoryUsage().getMax() >> 20);

        Path downloaded = Files.createTempFile("crowdrecon-10k-", ".xml");
        try {
            // A plain WebClient: WebTestClient keeps every answer's whole body (for its assertions and the contract
            // check), which is what this test must not do.
            Flux<DataBuffer> body = WebClient.create("http://localhost:" + port)
                    .get()
                    .uri("/api/v1/ops/payment-files/" + file.paymentFileId() + "/content")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.OPS_KEY)
                    .retrieve()
                    .bodyToFlux(DataBuffer.class);
            DataBufferUtils.write(body, downloaded).block(BUILT);
            assertThat(Files.size(downloaded)).isEqualTo(file.size());

            Pain001Files.validate(Pain001Version.V09, downloaded);
            Read read = read(downloaded);
            assertThat(read.values().get("GrpHdr/NbOfTxs")).isEqualTo("10000");
            assertThat(read.values().get("PmtInf/NbOfTxs")).isEqualTo("10000");
            assertThat(new BigDecimal(read.values().get("GrpHdr/CtrlSum"))).isEqualByComparingTo(expectedSum);
            assertThat(new BigDecimal(read.values().get("PmtInf/CtrlSum"))).isEqualByComparingTo(expectedSum);
            assertThat(read.values().get("GrpHdr/CtrlSum"))
                    .isEqualTo(expectedSum.setScale(2).toPlainString());
            assertThat(read.sum()).isEqualByComparingTo(expectedSum);
            assertThat(read.transfers()).isEqualTo(TRANSFERS);
            // every instruction exactly once: as many transfers as distinct EndToEndIds, and those are ours
            assertThat(read.endToEndIds()).hasSize(TRANSFERS).isEqualTo(expected);
        } finally {
            Files.deleteIfExists(downloaded);
        }
    }

    /** What the StAX pass found: the header and group values, and per transfer its EndToEndId and amount. */
    private record Read(Map<String, String> values, int transfers, Set<String> endToEndIds, BigDecimal sum) {}

    private static Read read(Path file) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Map<String, String> values = new HashMap<>();
        Set<String> endToEndIds = new HashSet<>();
        int transfers = 0;
        BigDecimal sum = BigDecimal.ZERO;
        Deque<String> path = new ArrayDeque<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    String parent = path.peek();
                    path.push(name);
                    if (name.equals("CdtTrfTxInf")) {
                        transfers++;
                    } else if (name.equals("EndToEndId")) {
                        String id = xml.getElementText();
                        path.pop();
                        assertThat(endToEndIds.add(id))
                                .as("EndToEndId %s once", id)
                                .isTrue();
                    } else if (name.equals("InstdAmt")) {
                        assertThat(xml.getAttributeValue(null, "Ccy")).isEqualTo("EUR");
                        sum = sum.add(new BigDecimal(xml.getElementText()));
                        path.pop();
                    } else if ((name.equals("NbOfTxs") || name.equals("CtrlSum"))
                            && ("GrpHdr".equals(parent) || "PmtInf".equals(parent))) {
                        values.put(parent + "/" + name, xml.getElementText());
                        path.pop();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    path.pop();
                }
            }
            xml.close();
        }
        return new Read(values, transfers, endToEndIds, sum);
    }

    private PaymentInstruction instruction(PortalId portal, BigDecimal amount, Instant createdAt) {
        return PaymentInstruction.create(
                ids.nextInstructionId(),
                InstructionType.FEE_PAYOUT,
                PaymentChannel.BANK_TRANSFER,
                InstructionStatus.CREATED,
                amount,
                "EUR",
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
                createdAt);
    }
}
