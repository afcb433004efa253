package io.crowdrecon.recon.testing;

import java.lang.reflect.Field;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ModifierSupport;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Fills the {@link Fixture} fields of a {@link ReconIntegrationTest}: one {@link TestKafka} per test class (opened
 * before its first test, closed after its last, shared by its flows), and before each test fresh helpers on the
 * context's {@link WebTestClient}, each flows object on a new portal.
 */
public final class ReconFixtures implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ReconFixtures.class);

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        for (Field field : fixtures(context.getRequiredTestClass(), ModifierSupport::isStatic)) {
            set(field, null, context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : fixtures(instance.getClass(), ModifierSupport::isNotStatic)) {
                set(field, instance, context);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestKafka kafka = context.getStore(NAMESPACE).remove(TestKafka.class, TestKafka.class);
        if (kafka != null) {
            kafka.close();
        }
    }

    private static List<Field> fixtures(Class<?> testClass, Predicate<Field> which) {
        return AnnotationSupport.findAnnotatedFields(testClass, Fixture.class).stream()
                .filter(which)
                .toList();
    }

    private static void set(Field field, Object instance, ExtensionContext context) throws IllegalAccessException {
        field.setAccessible(true);
        field.set(instance, make(field.getType(), context));
    }

    private static Object make(Class<?> type, ExtensionContext context) {
        if (type == TestKafka.class) {
            return kafka(context);
        }
        WebTestClient web = SpringExtension.getApplicationContext(context).getBean(WebTestClient.class);
        ApiClient api = new ApiClient(web);
        if (type == ApiClient.class) {
            return api;
        }
        if (type == OpsView.class) {
            return new OpsView(api);
        }
        if (type == BankFileApi.class) {
            return new BankFileApi(api);
        }
        if (type == CardGateway.class) {
            return new CardGateway(web, kafka(context));
        }
        if (type == PaymentFlows.class) {
            return new PaymentFlows(api, kafka(context));
        }
        if (type == CardFlows.class) {
            return new CardFlows(api, new CardGateway(web, kafka(context)), kafka(context));
        }
        if (type == CampaignFlows.class) {
            return new CampaignFlows(api, kafka(context));
        }
        throw new IllegalStateException("no fixture of type " + type.getName());
    }

    /** The test class's TestKafka, opened the first time one of its fixtures needs it. */
    private static TestKafka kafka(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().orElseThrow();
        }
        return classContext
                .getStore(NAMESPACE)
                .computeIfAbsent(TestKafka.class, type -> new TestKafka(), TestKafka.class);
    }
}
