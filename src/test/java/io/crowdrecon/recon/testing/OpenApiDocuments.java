package io.crowdrecon.recon.testing;

import org.springframework.test.web.reactive.server.WebTestClient;

/** Reading {@code /v3/api-docs} in a test: the document outgrew WebTestClient's default 256 KB buffer (issue 22). */
public final class OpenApiDocuments {

    private static final int DOCUMENT_BYTES = 4 * 1024 * 1024;

    private OpenApiDocuments() {}

    /** {@code web}, able to read the whole document. */
    public static WebTestClient reader(WebTestClient web) {
        return web.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(DOCUMENT_BYTES))
                .build();
    }
}
