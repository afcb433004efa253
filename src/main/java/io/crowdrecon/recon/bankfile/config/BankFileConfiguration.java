package io.crowdrecon.recon.bankfile.config;

import io.crowdrecon.recon.bankfile.persistence.R2dbcBankFiles;
import io.crowdrecon.recon.bankfile.persistence.R2dbcBankStatements;
import io.crowdrecon.recon.bankfile.persistence.R2dbcStatementBooks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Bank files: where received files, their statements and the books they are checked against are kept. */
@Configuration(proxyBeanMethods = false)
public class BankFileConfiguration {

    @Bean
    R2dbcBankFiles bankFiles(DatabaseClient database) {
        return new R2dbcBankFiles(database);
    }

    @Bean
    R2dbcBankStatements bankStatements(DatabaseClient database) {
        return new R2dbcBankStatements(database);
    }

    @Bean
    R2dbcStatementBooks statementBooks(DatabaseClient database) {
        return new R2dbcStatementBooks(database);
    }
}
