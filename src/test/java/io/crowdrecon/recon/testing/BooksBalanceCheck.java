package io.crowdrecon.recon.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The check of {@link TheBooksBalanceAfterEachTest}, through the context's own server (a second instance a test started
 * may be closed by then).
 */
public final class BooksBalanceCheck implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        WebTestClient web = SpringExtension.getApplicationContext(context).getBean(WebTestClient.class);
        new OpsView(new ApiClient(web)).assertNoBreach();
    }
}
