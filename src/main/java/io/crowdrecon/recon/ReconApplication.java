package io.crowdrecon.recon;

import io.crowdrecon.recon.platform.migration.MigrateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ReconApplication {

    public static void main(String[] args) {
        if (MigrateCommand.isRequested(args)) {
            System.exit(MigrateCommand.run(args));
        }
        SpringApplication.run(ReconApplication.class, args);
    }
}
