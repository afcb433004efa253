package io.crowdrecon.recon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.client.ApiClient;
import io.crowdrecon.client.ApiException;
import io.crowdrecon.client.api.CampaignsApi;
import io.crowdrecon.client.api.InvestorsApi;
import io.crowdrecon.client.api.OpsOnboardingApi;
import io.crowdrecon.client.api.OrdersApi;
import io.crowdrecon.client.api.PaymentsApi;
import io.crowdrecon.client.model.Campaign;
import io.crowdrecon.client.model.CampaignRequest;
import io.crowdrecon.client.model.CampaignStatus;
import io.crowdrecon.client.model.Company;
import io.crowdrecon.client.model.CreateCompanyRequest;
import io.crowdrecon.client.model.CreateOrderRequest;
import io.crowdrecon.client.model.CreatePortalRequest;
import io.crowdrecon.client.model.ErrorCode;
import io.crowdrecon.client.model.Investor;
import io.crowdrecon.client.model.InvestorAccount;
import io.crowdrecon.client.model.InvestorRequest;
import io.crowdrecon.client.model.InvestorType;
import io.crowdrecon.client.model.Moneyout;
import io.crowdrecon.client.model.MoneyoutType;
import io.crowdrecon.client.model.Order;
import io.crowdrecon.client.model.OrderChannel;
import io.crowdrecon.client.model.OrderPayment;
import io.crowdrecon.client.model.OrderStatus;
import io.crowdrecon.client.model.Portal;
import io.crowdrecon.client.model.Problem;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Java client generated at build time from {@code docs/openapi.json} (openapi-generator, library
 * {@code native}), used exactly as an integrator would: the README's first session, a bank credit
 * that pays the order, and errors read as typed problems. The document and the service must agree
 * on every path, status, field and enum value for this to pass.
 */
@ReconIntegrationTest
class GeneratedClientIT {

    private static TestKafka kafka;

    @LocalServerPort
    int port;

    @BeforeAll
    static void connectTheBankFeed() {
        kafka = new TestKafka();
    }

    @AfterAll
    static void disconnectTheBankFeed() {
        kafka.close();
    }

    @Test
    void runsTheFirstSessionAndSeesTheOrderPaid() throws ApiException {
        String collectionIban = Ibans.randomGerman();
        Portal portal = new OpsOnboardingApi(client(io.crowdrecon.recon.testing.ApiClient.OPS_KEY))
                .createPortal(
                        new CreatePortalRequest()
                                .name("Crowd One " + UUID.randomUUID())
                                .collectionIban(collectionIban)
                                .feeAccountIban(Ibans.randomGerman()),
                        null);
        assertThat(portal.getApiKey()).startsWith("crk_");
        Company company = new OpsOnboardingApi(client(io.crowdrecon.recon.testing.ApiClient.OPS_KEY))
                .createCompany(
                        new CreateCompanyRequest()
                                .portalId(portal.getPortalId())
                                .name("ACME Srl")
                                .fiscalCode("12345678903")
                                .iban(Ibans.randomGerman()),
                        UUID.randomUUID().toString());

        ApiClient asPortal = client(portal.getApiKey());
        CampaignsApi campaigns = new CampaignsApi(asPortal);
        Campaign campaign = campaigns.createCampaign(
                new CampaignRequest()
                        .companyId(company.getCompanyId())
                        .name("Seed")
                        .targetAmountMin(new BigDecimal("1000"))
                        .targetAmountMax(new BigDecimal("100000"))
                        .currency("EUR")
                        .expectedClosingDate(LocalDate.now().plusMonths(6)),
                null);
        assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.CREATED);
        assertThat(campaigns.openCampaign(campaign.getCampaignId()).getStatus()).isEqualTo(CampaignStatus.OPEN);

        Investor investor = new InvestorsApi(asPortal)
                .createInvestor(
                        new InvestorRequest()
                                .type(InvestorType.NATURAL_PERSON)
                                .name("Mario")
                                .surname("Rossi")
                                .country("IT"),
                        null);
        String payerIban = Ibans.randomGerman();
        OrdersApi orders = new OrdersApi(asPortal);
        Order order = orders.createOrder(
                new CreateOrderRequest()
                        .investorId(investor.getInvestorId())
                        .companyId(company.getCompanyId())
                        .campaignId(campaign.getCampaignId())
                        .investorAccount(new InvestorAccount()
                                .iban(payerIban)
                                .holderName("Mario")
                                .holderSurname("Rossi"))
                        .totalAmount(new BigDecimal("1100"))
                        .orderAmount(new BigDecimal("1000"))
                        .feeAmount(new BigDecimal("100"))
                        .currency("EUR")
                        .channel(OrderChannel.MONEY_TRANSFER),
                null);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CREATED);
        assertThat(order.getPaymentInstructions().getIban()).isEqualTo(collectionIban);
        assertThat(order.getPaymentInstructions().getDescription()).contains(order.getOrderId());
        assertThat(orders.markOrderWaiting(order.getOrderId()).getStatus()).isEqualTo(OrderStatus.WAITING);

        Credits.Credit credit = Credits.to(collectionIban)
                .amount("1100.00")
                .description("Pagamento " + order.getOrderId())
                .payerIban(payerIban);
        kafka.send(Credits.TOPIC, credit.notificationId(), credit.json());
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> orders.getOrder(order.getOrderId()).getStatus() == OrderStatus.ACCOUNTED);

        OrderPayment payment = new PaymentsApi(asPortal).getOrderPayment(order.getOrderId());
        assertThat(payment.getMoneyin().getAmount()).isEqualByComparingTo("1100");
        List<Moneyout> moneyouts = payment.getMoneyouts().stream()
                .sorted(Comparator.comparing(Moneyout::getType))
                .toList();
        assertThat(moneyouts).extracting(Moneyout::getType).containsExactly(MoneyoutType.COMPANY, MoneyoutType.FEE);
        assertThat(moneyouts.get(0).getAmount()).isEqualByComparingTo("1000");
        assertThat(moneyouts.get(1).getAmount()).isEqualByComparingTo("100");
        assertThat(orders.getOrder(order.getOrderId()).getStatusHistory())
                .extracting(change -> change.getStatus())
                .containsExactly(OrderStatus.CREATED, OrderStatus.WAITING, OrderStatus.ACCOUNTED);
    }

    @Test
    void readsErrorsAsTypedProblems() throws Exception {
        ApiClient asOps = client(io.crowdrecon.recon.testing.ApiClient.OPS_KEY);
        ApiException invalid = catchThrowableOfType(ApiException.class, () -> new OpsOnboardingApi(asOps)
                .createPortal(
                        new CreatePortalRequest()
                                .name("Bad IBANs")
                                .collectionIban("not an iban")
                                .feeAccountIban(Ibans.randomGerman()),
                        null));
        assertThat(invalid.getCode()).isEqualTo(400);
        assertThat(invalid.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
        Problem problem = asOps.getObjectMapper().readValue(invalid.getResponseBody(), Problem.class);
        assertThat(problem.getCode()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(problem.getErrors())
                .anySatisfy(error -> assertThat(error.getField()).isEqualTo("collectionIban"));

        ApiException missing = catchThrowableOfType(
                ApiException.class, () -> new OpsOnboardingApi(asOps).getPortal("PRT7Q2M9K4P8X3W6N5R"));
        assertThat(missing.getCode()).isEqualTo(404);
        assertThat(asOps.getObjectMapper()
                        .readValue(missing.getResponseBody(), Problem.class)
                        .getCode())
                .isEqualTo(ErrorCode.NOT_FOUND);

        ApiException unauthenticated = catchThrowableOfType(
                ApiException.class, () -> new OrdersApi(client("crk_not-a-key")).getOrder("TRX1234567890123428"));
        assertThat(unauthenticated.getCode()).isEqualTo(401);
        assertThat(asOps.getObjectMapper()
                        .readValue(unauthenticated.getResponseBody(), Problem.class)
                        .getCode())
                .isEqualTo(ErrorCode.UNAUTHORIZED);
    }

    /** The generated client against this test's server, sending {@code key} as the bearer key. */
    private ApiClient client(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        client.setReadTimeout(Duration.ofSeconds(30));
        return client;
    }
}
