package io.crowdrecon.recon.testing;

import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/** Points a test application context at the shared {@link TestInfrastructure}. */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("testInfrastructure", TestInfrastructure.springProperties()));
        TestInfrastructure.contextOpened();
        // Every answer a test's WebTestClient receives is checked against the OpenAPI document.
        context.getBeanFactory().registerSingleton("contractCheckingWebTestClient", (WebTestClientBuilderCustomizer)
                builder -> builder.filter(new ContractCheckingFilter()));
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                TestInfrastructure.contextClosed();
            }
        });
    }
}
