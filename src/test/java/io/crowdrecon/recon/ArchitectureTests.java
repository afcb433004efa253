package io.crowdrecon.recon;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.crowdrecon.recon.bankfile.StatementArithmetic;
import io.crowdrecon.recon.finalization.Finalization;
import io.crowdrecon.recon.finalization.FinalizationDecision;
import io.crowdrecon.recon.matching.CreditBatch;
import io.crowdrecon.recon.matching.CreditMatcher;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.order.OrderTransitions;
import io.crowdrecon.recon.order.StatusChange;
import io.crowdrecon.recon.payment.card.CardEventDecision;
import io.crowdrecon.recon.payment.card.ChargebackDecision;
import io.crowdrecon.recon.payment.instruction.BankDebitDecision;
import io.crowdrecon.recon.payment.moneyout.Settlement;
import io.crowdrecon.recon.payment.refund.RefundDecision;
import io.crowdrecon.recon.platform.config.BackgroundLoops;
import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.statement.LedgerBuilder;
import io.crowdrecon.recon.statement.StatementBuilder;
import io.crowdrecon.recon.stream.OrderEventStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.context.SmartLifecycle;

/**
 * The layout rules of STYLE.md, checked on the production classes: a capability's own package (its domain: types,
 * ports, use cases) knows no framework or driver, those live in its {@code config}, {@code persistence}, {@code web}
 * and {@code kafka} adapters; the matching core is plain Java; nothing blocks on a publisher; nothing talks JDBC (the
 * migrations run through Flyway).
 */
class ArchitectureTests {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            // Not ImportOption.Predefined.DO_NOT_INCLUDE_TESTS: it knows only target/test-classes, not -Dbuild.dir.
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("io.crowdrecon.recon");

    /**
     * Ports whose moves take another proof of the table than its row: an order's moves take StatusChanges, which only
     * OrderTransitions makes ({@link #anOrdersStatusChangesOnlyAlongItsTable}).
     */
    private static final Set<String> PORTS_MOVED_BY_STATUS_CHANGES = Set.of("Orders");

    /**
     * Ids that are not ours to type: what a bank, a card gateway or a client states (its notification, message,
     * statement and end-to-end references, an instruction or order id it claims before it is looked up), and the
     * outbox's and stream's own cursors.
     */
    private static final Set<String> STATED_NOT_OURS = Set.of(
            "notificationId",
            "originalNotificationId",
            "returnOfNotificationId",
            "rawNotificationId",
            "messageId",
            "statementId",
            "endToEndId",
            "transactionId",
            "paymentInformationId",
            "returnOfInstructionId",
            "candidateOrderId",
            "cardOrderId",
            "sourcePortalId",
            "creditedPortalId",
            "eventId",
            "lastEventId",
            "groupInstanceId",
            // an id of any kind, named by its kind beside it
            "subjectId",
            "objectId");

    /**
     * Records of what someone else states, as stated: a bank's entry, debit or status report, a card gateway's event, a portal's
     * order request or finalization plan. Their ids are typed when they are looked up; a malformed one names nothing.
     */
    private static final Set<String> AS_STATED = Set.of(
            "BankFileItem$Transaction",
            "BankFileItem$StatusReport",
            "BankFileItem$PaymentInformationStatus",
            "BankFileItem$TransactionStatus",
            "EntryNotification$InstructionExecuted",
            "EntryNotification$InstructionReturned",
            "StatementReconciliation$BookExecution",
            "BankNotification$Debit",
            "BankDebit",
            "CreditDecision$InstructionReturned",
            "CardEvent",
            "PlaceOrder",
            "FinalizationPlan$OrderSplit");

    /** Event shapes: what goes out on Kafka and the stream, keyed by plain strings like the messages they carry. */
    private static final Set<String> EVENT_SHAPES = Set.of(
            "OrderStatusChanged", "PaymentInstructionStatusChanged", "OutboundEvent", "StoredEvent", "EventFilter");

    private static final Set<String> BLOCKING_METHODS =
            Set.of("block", "blockOptional", "blockFirst", "blockLast", "toIterable", "toStream", "toFuture");

    /** The pure decisions that hold the money rules (issue 21), and what they no longer do on bare amounts. */
    private static final List<Class<?>> MONEY_DECISIONS = List.of(
            CreditMatcher.class,
            CreditBatch.class,
            Settlement.class,
            Finalization.class,
            FinalizationDecision.class,
            RefundDecision.class,
            CardEventDecision.class,
            ChargebackDecision.class,
            BankDebitDecision.class,
            StatementArithmetic.class,
            StatementBuilder.class,
            LedgerBuilder.class);

    private static final Set<String> BIG_DECIMAL_ARITHMETIC =
            Set.of("add", "subtract", "multiply", "divide", "negate", "compareTo", "signum", "min", "max", "equals");

    /** A capability's adapters: everything else of a capability, sub-packages included, is its domain. */
    private static final String[] ADAPTERS = {
        "io.crowdrecon.recon.platform..",
        "io.crowdrecon.recon.embedded..",
        "..config..",
        "..persistence..",
        "..web..",
        "..kafka.."
    };

    @Test
    void aCapabilitysDomainPackageDependsOnNoFrameworkOrDriver() {
        // "..", not ".*": a domain's sub-packages (ingest.card, bankfile.read) are domain too.
        noClasses()
                .that()
                .resideInAPackage("io.crowdrecon.recon..")
                .and()
                .resideOutsideOfPackages(ADAPTERS)
                .and()
                .doNotHaveSimpleName("ReconApplication")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "io.r2dbc..", "org.apache.kafka..", "reactor.kafka..")
                .check(PRODUCTION);
    }

    @Test
    void onlyTheWebAdaptersDescribeTheApi() {
        // The API's shapes (…Response) carry the OpenAPI annotations; domain records and Kafka messages know no HTTP.
        noClasses()
                .that()
                .resideInAPackage("io.crowdrecon.recon..")
                .and()
                .resideOutsideOfPackages(ADAPTERS)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.swagger..")
                .because("STYLE.md: HTTP and Kafka DTOs never double as domain types")
                .check(PRODUCTION);
    }

    @Test
    void nothingDependsOnIngest() {
        // Ingest is the outermost ring: it hands bank and card input to the capabilities, which never call back.
        noClasses()
                .that()
                .resideOutsideOfPackage("io.crowdrecon.recon.ingest..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.crowdrecon.recon.ingest..")
                .check(PRODUCTION);
    }

    @Test
    void noCapabilityDependsOnTheAdaptersOfAnother() {
        Set<String> sharedRowMappers = Set.of(
                // The live stream and the webhooks read the outbox's event_log; one mapper of its rows serves all.
                "R2dbcEventHistory -> R2dbcRelayStore", "R2dbcDeliveries -> R2dbcRelayStore");
        // classes(), not noClasses(): noClasses() inverts the condition's events, and a condition that reports
        // violations then passes whatever it finds. platform is the shared base (Caller, Sql), not a capability.
        classes()
                .should(
                        new ArchCondition<JavaClass>(
                                "not depend on the web, kafka or persistence adapters of another capability") {
                            @Override
                            public void check(JavaClass origin, ConditionEvents events) {
                                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                                    JavaClass target = dependency.getTargetClass();
                                    String targetCapability = capabilityOf(target.getPackageName());
                                    if (targetCapability != null
                                            && !targetCapability.equals("platform")
                                            && !sharedRowMappers.contains(
                                                    origin.getSimpleName() + " -> " + target.getSimpleName())
                                            && isAdapter(target.getPackageName())
                                            && !targetCapability.equals(capabilityOf(origin.getPackageName()))) {
                                        events.add(
                                                SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                                    }
                                }
                            }
                        })
                .check(PRODUCTION);
    }

    /** The capability a package belongs to ({@code order} for {@code io.crowdrecon.recon.order.web}); null outside. */
    private static String capabilityOf(String packageName) {
        String base = "io.crowdrecon.recon.";
        if (!packageName.startsWith(base)) {
            return null;
        }
        String rest = packageName.substring(base.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static boolean isAdapter(String packageName) {
        return packageName.matches(".*\\.(web|kafka|persistence)(\\..*)?");
    }

    @Test
    void anOrdersStatusChangesOnlyAlongItsTable() {
        // An order's status is set only from a StatusChange (Order.moved, Orders.move); the table makes every move.
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(OrderTransitions.class.getName())
                .and()
                .doNotHaveFullyQualifiedName(StatusChange.class.getName())
                .and()
                .resideOutsideOfPackage("io.crowdrecon.recon.order.persistence..")
                .should()
                .callConstructor(StatusChange.class, OrderStatus.class, OrderStatus.class, String.class, Instant.class)
                .because("a move is made by OrderTransitions.change, which refuses what the table does not list; "
                        + "persistence only reads history back")
                .check(PRODUCTION);
    }

    @Test
    void oneRunnerRunsTheBackgroundLoops() {
        classes()
                .that()
                .implement(SmartLifecycle.class)
                .should()
                .haveFullyQualifiedName(BackgroundLoops.class.getName())
                .because("capabilities declare BackgroundLoop.Sources; one runner starts, restarts and drains them")
                .check(PRODUCTION);
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(BackgroundLoops.class.getName())
                .and()
                .doNotHaveFullyQualifiedName(OrderEventStream.class.getName())
                .should()
                .callMethodWhere(new DescribedPredicate<JavaMethodCall>("subscribe() to a publisher") {
                    @Override
                    public boolean test(JavaMethodCall call) {
                        return call.getName().equals("subscribe")
                                && call.getTargetOwner().isAssignableTo(Publisher.class);
                    }
                })
                .because("a loop is started by the runner; a live stream subscribes to the fan-out only to buffer"
                        + " it while its history is replayed (OrderEventStream)")
                .check(PRODUCTION);
    }

    @Test
    void capabilitiesDependOnEachOtherWithoutCycles() {
        // A capability and everything under it (its adapters too) is one slice; platform and shared are slices as well.
        slices().matching("io.crowdrecon.recon.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void theMatchingCoreIsPlainJavaOverDomainTypes() {
        classes()
                .that()
                .haveSimpleName("CreditMatcher")
                .or()
                .haveSimpleName("ReferenceExtractor")
                .or()
                .haveSimpleName("CreditDecision")
                .or()
                .haveSimpleName("CreditBatch")
                .should()
                .onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..")
                        .or(JavaClass.Predicates.resideInAnyPackage("io.crowdrecon.recon..")
                                .and(JavaClass.Predicates.resideOutsideOfPackages(ADAPTERS))))
                .check(PRODUCTION);
    }

    @Test
    void theMoneyDecisionsAddAndCompareMoneyNotBareAmounts() {
        // Issue 21: in the decisions, money is summed and compared as Money, in one currency, its scale checked.
        noClasses()
                .that(new DescribedPredicate<JavaClass>("are a money decision (nested classes and lambdas included)") {
                    @Override
                    public boolean test(JavaClass javaClass) {
                        String name = javaClass.getName();
                        return MONEY_DECISIONS.stream()
                                .anyMatch(decision ->
                                        name.equals(decision.getName()) || name.startsWith(decision.getName() + "$"));
                    }
                })
                .should()
                .callMethodWhere(new DescribedPredicate<JavaMethodCall>("BigDecimal arithmetic or comparison") {
                    @Override
                    public boolean test(JavaMethodCall call) {
                        return call.getTargetOwner().isEquivalentTo(BigDecimal.class)
                                && BIG_DECIMAL_ARITHMETIC.contains(call.getName());
                    }
                })
                .because("Money refuses another currency and keeps the currency's minor digits")
                .check(PRODUCTION);
    }

    @Test
    void onlyALifecyclesTransitionTableWritesItsRows() {
        // A status moves only along a row (a Transition) that the ports take: the rows come from the tables alone.
        noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Transitions")
                .should()
                .callConstructorWhere(new DescribedPredicate<JavaConstructorCall>("a new transition row") {
                    @Override
                    public boolean test(JavaConstructorCall call) {
                        return call.getTargetOwner().isEquivalentTo(Transition.class);
                    }
                })
                .check(PRODUCTION);
    }

    @Test
    void aLifecyclesStoreMovesItOnlyAlongARowOfItsTable() {
        // The ports take the table's row, never a target status: a move the table refuses is refused before any write,
        // and the store guards its update with the row's from.
        methods()
                .that()
                .areDeclaredInClassesThat(new DescribedPredicate<JavaClass>("are a domain port") {
                    @Override
                    public boolean test(JavaClass port) {
                        return port.isInterface()
                                && !isAdapter(port.getPackageName())
                                && !PORTS_MOVED_BY_STATUS_CHANGES.contains(port.getSimpleName());
                    }
                })
                .and()
                .haveNameMatching("move.*|booked|rejected|setDestination")
                .should(new ArchCondition<JavaMethod>("take the row of a transition table") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        if (method.getRawParameterTypes().stream().noneMatch(t -> t.isEquivalentTo(Transition.class))) {
                            events.add(SimpleConditionEvent.violated(
                                    method, method.getFullName() + " moves a status without a Transition row"));
                        }
                    }
                })
                .check(PRODUCTION);
    }

    @Test
    void noProductionCodeBlocksOnAPublisher() {
        noClasses()
                .should()
                .callMethodWhere(new DescribedPredicate<JavaMethodCall>("a blocking call on a Publisher") {
                    @Override
                    public boolean test(JavaMethodCall call) {
                        return BLOCKING_METHODS.contains(call.getName())
                                && call.getTargetOwner().isAssignableTo(Publisher.class);
                    }
                })
                .check(PRODUCTION);
    }

    @Test
    void noProductionCodeTalksJdbc() {
        // But the schema migrations: Flyway runs them over JDBC on the main thread, before the service starts
        // (or in the migrate command), and hands its callbacks (the runtime role's grants) a JDBC connection.
        noClasses()
                .that()
                .resideOutsideOfPackage("io.crowdrecon.recon.platform.migration..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "org.postgresql..")
                .check(PRODUCTION);
    }

    @Test
    void everyPackageOfProductionCodeIsNullMarked() {
        // NullAway checks only @NullMarked code (-XepOpt:NullAway:OnlyNullMarked): a package without it is unchecked.
        Set<String> unmarked = new TreeSet<>();
        JavaPackage root = PRODUCTION.getPackage("io.crowdrecon.recon");
        Set<JavaPackage> packages = new HashSet<>(root.getSubpackagesInTree());
        packages.add(root);
        for (JavaPackage p : packages) {
            boolean hasCode =
                    p.getClasses().stream().anyMatch(c -> !c.getSimpleName().equals("package-info"));
            if (hasCode && !p.isAnnotatedWith(NullMarked.class)) {
                unmarked.add(p.getName());
            }
        }
        assertThat(unmarked)
                .as("packages without @NullMarked in their package-info.java")
                .isEmpty();
    }

    @Test
    void aDomainRecordHoldsItsIdsTyped() {
        // A String id compiles against any other String: an OrderId where a CampaignId is due does not.
        Set<String> untyped = new TreeSet<>();
        for (JavaClass c : PRODUCTION) {
            boolean record = c.getRawSuperclass()
                    .map(s -> s.isEquivalentTo(Record.class))
                    .orElse(false);
            boolean shape = c.getSimpleName().endsWith("Message")
                    || c.getSimpleName().endsWith("Response")
                    || c.getSimpleName().endsWith("Request");
            String name = c.getName().substring(c.getPackageName().length() + 1);
            if (!record || shape || inAnAdapter(c) || AS_STATED.contains(name) || EVENT_SHAPES.contains(name)) {
                continue;
            }
            c.getFields().stream()
                    .filter(ArchitectureTests::isUntypedId)
                    .forEach(f -> untyped.add(c.getName() + "." + f.getName()));
        }
        assertThat(untyped)
                .as("String ids in domain records (type them, or list a stated id in STATED_NOT_OURS)")
                .isEmpty();
    }

    private static boolean isUntypedId(JavaField f) {
        return !f.getModifiers().contains(JavaModifier.STATIC)
                && f.getName().endsWith("Id")
                && f.getRawType().isEquivalentTo(String.class)
                && !STATED_NOT_OURS.contains(f.getName());
    }

    private static boolean inAnAdapter(JavaClass c) {
        return JavaClass.Predicates.resideInAnyPackage(ADAPTERS).test(c);
    }
}
