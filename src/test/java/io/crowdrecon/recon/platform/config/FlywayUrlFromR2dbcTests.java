package io.crowdrecon.recon.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The migrations' JDBC URL, derived from the service's R2DBC URL when none is configured. */
class FlywayUrlFromR2dbcTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            r2dbc:postgresql://db:5432/recon                                      | jdbc:postgresql://db:5432/recon
            r2dbc:pool:postgresql://db:5432/recon                                 | jdbc:postgresql://db:5432/recon
            r2dbc:postgresql://db/recon?maxSize=20&initialSize=4                  | jdbc:postgresql://db/recon
            r2dbc:postgresql://db/recon?sslMode=verify-full&sslRootCert=/ca/ca.crt | jdbc:postgresql://db/recon?sslmode=verify-full&sslrootcert=/ca/ca.crt
            r2dbc:postgresql://db/recon?maxSize=20&sslMode=require                | jdbc:postgresql://db/recon?sslmode=require
            r2dbc:postgresql://db/recon?schema=recon&sslCert=/c.pem&sslKey=/k.pem | jdbc:postgresql://db/recon?currentSchema=recon&sslcert=/c.pem&sslkey=/k.pem
            r2dbc:h2:mem:///recon                                                 |
            """)
    void keepsWhatSaysHowToReachAndTrustTheServer(String r2dbcUrl, String jdbcUrl) {
        assertThat(FlywayUrlFromR2dbc.toJdbcUrl(r2dbcUrl)).isEqualTo(jdbcUrl);
    }
}
