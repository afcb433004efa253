package io.crowdrecon.recon.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.ReviewItemId;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.OpsView;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestPortal;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The operators' dashboard at {@code /ops}, in a real headless Chromium: sign-in with the ops key,
 * live figures, the unidentified transfers, the review queue, sign-out and an expired session — and
 * not a single console error on the way.
 */
@ReconIntegrationTest
class DashboardBrowserIT {

    private static final Duration UI_TIMEOUT = Duration.ofSeconds(30);
    private static final Path OUTPUT = buildDirectory().resolve("dashboard");

    private static Chromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    @Autowired
    ReviewItems reviewItems;

    ApiClient api;
    OpsView ops;
    Chromium.Session browser;

    @BeforeAll
    static void startChromedriver() {
        chromium = Chromium.start(OUTPUT.resolve("chromedriver.log"));
    }

    @AfterAll
    static void stopChromedriver() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void openABrowser() {
        api = new ApiClient(web);
        ops = new OpsView(api);
        browser = chromium.newSession(1440, 1000);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOperatorWatchesAnUnidentifiedTransferArriveAndResolvesItsReviewItemWithoutAConsoleError() {
        TestPortal portal = api.newPortal();
        browser.open(dashboardUrl());
        signIn();
        long unidentifiedBefore = awaitTile("unidentified");
        long decidedBefore = awaitTile("decided");

        String description = "no reference " + UUID.randomUUID();
        portal.post("/sandbox/bank-transfers", Map.of("amount", new BigDecimal("42.17"), "description", description))
                .expectStatus()
                .isAccepted();

        await("the credit counted in the tiles").atMost(UI_TIMEOUT).untilAsserted(() -> {
            assertThat(tile("unidentified")).isGreaterThan(unidentifiedBefore);
            assertThat(tile("decided")).isGreaterThan(decidedBefore);
        });
        String transferId = await("the unidentified transfer")
                .atMost(UI_TIMEOUT)
                .until(() -> ops.unidentifiedDescribedAs(description), found -> found.size() == 1)
                .get(0)
                .get("unidentifiedTransferId")
                .asString();
        String transferRow = "#latest tr[data-transfer-id='" + transferId + "']";
        await("the transfer in the latest unidentified transfers")
                .atMost(UI_TIMEOUT)
                .until(
                        () -> browser.visibleText(transferRow),
                        text -> text != null && text.contains("MISSING_REFERENCE") && text.contains(description));
        assertThat(browser.visibleText("#reasons li[data-reason='MISSING_REFERENCE']"))
                .as("unidentified by reason")
                .isNotNull();

        // Without a payer IBAN the return waits for ops: a RETURN_IMPOSSIBLE item in the queue.
        String reviewItemId = await("the RETURN_IMPOSSIBLE review item")
                .atMost(UI_TIMEOUT)
                .until(() -> ops.reviewItemsAbout("RETURN_IMPOSSIBLE", transferId), items -> items.size() == 1)
                .get(0)
                .get("reviewItemId")
                .asString();
        String reviewRow = "#review tr[data-review-id='" + reviewItemId + "']";
        await("the item in the review queue")
                .atMost(UI_TIMEOUT)
                .until(
                        () -> browser.visibleText(reviewRow),
                        text -> text != null && text.contains("RETURN_IMPOSSIBLE"));

        String note = "Payer called: IBAN follows by e-mail";
        browser.type(reviewRow + " input[name='note']", note);
        browser.click(reviewRow + " button[type='submit']");

        await("the item leaves the open queue").atMost(UI_TIMEOUT).until(() -> browser.visibleText(reviewRow) == null);
        assertThat(browser.visibleText("#review-message")).contains("Resolved").contains(reviewItemId);
        JsonNode resolved =
                ops.reviewItemsAbout("RETURN_IMPOSSIBLE", transferId).get(0);
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.get("note").asString()).isEqualTo(note);
        await("the item stays out of the queue after the next refreshes")
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> browser.visibleText(reviewRow) == null);

        await("the chart has rates to draw")
                .atMost(UI_TIMEOUT)
                .until(() -> browser.script("return Number(document.getElementById('rate-chart').dataset.samples)")
                                .asInt()
                        >= 2);
        browser.script("window.scrollTo(0, 0)");
        browser.resize(1440, 1700);
        browser.screenshot(OUTPUT.resolve("ops-dashboard.png"));
        browser.resize(420, 2600);
        browser.screenshot(OUTPUT.resolve("ops-dashboard-narrow.png"));

        String storage = browser.script(
                        "return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie + location.href")
                .asString();
        assertThat(storage).as("the page keeps no key and sees no cookie").doesNotContain(ApiClient.OPS_KEY);
        assertThat(storage).doesNotContain("recon_ops_session");

        browser.click("#sign-out");
        await("back to the sign-in form")
                .atMost(UI_TIMEOUT)
                .until(
                        () -> browser.visibleText("#sign-in-message"),
                        text -> text != null && text.contains("signed out"));
        assertThat(browser.isVisible("#dashboard")).isFalse();

        assertThat(browser.severeLogEntries()).as("console errors").isEmpty();
    }

    @Test
    void anExpiredSessionSendsTheOperatorBackToSignIn() {
        browser.open(dashboardUrl());
        signIn();
        awaitTile("decided");

        browser.deleteCookie("recon_ops_session");

        await("the session-expired message")
                .atMost(UI_TIMEOUT)
                .until(() -> browser.visibleText("#sign-in-message"), text -> text != null && text.contains("expired"));
        assertThat(browser.isVisible("#dashboard")).isFalse();
        assertThat(browser.isVisible("#ops-key")).isTrue();
        // The console does show the refused request: proof that console errors are seen at all.
        assertThat(browser.severeLogEntries())
                .as("only the refused request that revealed the expiry")
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry).contains("401"));

        signIn();
        awaitTile("decided");
    }

    @Test
    void aViewerSeesWhoIsSignedInAndTheQueueWithoutItsResolveControls() {
        String name = "Vera Viewer " + UUID.randomUUID().toString().substring(0, 8);
        String key = ApiClient.body(
                        api.post(ApiClient.OPS_KEY, "/api/v1/ops/operators", Map.of("name", name, "role", "VIEWER"))
                                .expectStatus()
                                .isCreated())
                .get("apiKey")
                .asString();
        String reviewItemId = IdGenerator.threadLocal().nextReviewItemId().value();
        reviewItems
                .addAll(List.of(ReviewItem.open(
                        ReviewItemId.of(reviewItemId),
                        ReviewKind.PAYER_MISMATCH,
                        null,
                        null,
                        null,
                        "for the viewer",
                        java.time.Instant.now())))
                .block(Duration.ofSeconds(10));

        browser.open(dashboardUrl());
        signIn(key);

        await("who is signed in")
                .atMost(UI_TIMEOUT)
                .until(
                        () -> browser.visibleText("#signed-in-as"),
                        text -> text != null && text.equals("Signed in as " + name + " (VIEWER)"));
        String reviewRow = "#review tr[data-review-id='" + reviewItemId + "']";
        await("the item in the review queue")
                .atMost(UI_TIMEOUT)
                .until(() -> browser.visibleText(reviewRow), text -> text != null && text.contains("PAYER_MISMATCH"));
        assertThat(browser.script(
                                "return document.querySelector(arguments[0]).disabled",
                                reviewRow + " button[type='submit']")
                        .asBoolean())
                .as("a viewer's resolve button is disabled")
                .isTrue();
        assertThat(browser.script(
                                "return document.querySelector(arguments[0]).disabled",
                                reviewRow + " input[name='note']")
                        .asBoolean())
                .isTrue();
        assertThat(browser.severeLogEntries()).as("console errors").isEmpty();
    }

    private void signIn() {
        signIn(ApiClient.OPS_KEY);
        assertThat(browser.visibleText("#signed-in-as")).isEqualTo("Signed in as bootstrap (ADMIN)");
    }

    private void signIn(String key) {
        await("the sign-in form").atMost(UI_TIMEOUT).until(() -> browser.isVisible("#ops-key"));
        browser.type("#ops-key", key);
        browser.click("#sign-in-submit");
        await("the dashboard").atMost(UI_TIMEOUT).until(() -> browser.isVisible("#tiles"));
        assertThat(browser.isVisible("#sign-in")).isFalse();
        assertThat(browser.script("return document.getElementById('ops-key').value")
                        .asString())
                .as("the key leaves the form once sent")
                .isEmpty();
    }

    /** The value of a tile once the first figures are in. */
    private long awaitTile(String name) {
        return await("tile " + name).atMost(UI_TIMEOUT).until(() -> tile(name), value -> value >= 0);
    }

    /** A tile's exact count, or -1 before the first figures. */
    private long tile(String name) {
        String value = browser.script(
                        "return document.querySelector(`[data-tile='${arguments[0]}'] .tile-value`).dataset.value",
                        name)
                .asString();
        return value.isEmpty() ? -1 : Long.parseLong(value);
    }

    private String dashboardUrl() {
        return "http://localhost:" + port + "/ops";
    }

    /** The Maven build directory ({@code target}, or {@code -Dbuild.dir}): the parent of test-classes. */
    private static Path buildDirectory() {
        try {
            return Path.of(DashboardBrowserIT.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
