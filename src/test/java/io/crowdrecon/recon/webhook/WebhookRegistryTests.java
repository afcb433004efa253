package io.crowdrecon.recon.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.FieldError;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.shared.Transition;
import io.crowdrecon.recon.shared.WebhookDeliveryId;
import io.crowdrecon.recon.shared.WebhookEndpointId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class WebhookRegistryTests {

    private static final UrlPolicy.Settings PRODUCTION = new UrlPolicy.Settings(false, false);
    private static final UrlPolicy.Settings EMBEDDED = new UrlPolicy.Settings(true, true);
    private static final String ORDER_STATUS = "crowdrecon.order.status-changed.v1";
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final PortalId PORTAL = PortalId.of("PRT23456789ABCDEFGH");

    // --- the request checks, as a table

    static Stream<Arguments> refusedRequests() {
        List<String> one = List.of(ORDER_STATUS);
        return Stream.of(
                Arguments.of("no url", PRODUCTION, null, one, "url", "is required"),
                Arguments.of("blank url", PRODUCTION, "  ", one, "url", "is required"),
                Arguments.of(
                        "too long",
                        PRODUCTION,
                        "https://example.com/" + "a".repeat(2048),
                        one,
                        "url",
                        "is longer than 2048 characters"),
                Arguments.of("not a URL", PRODUCTION, "https://exa mple.com/", one, "url", "is not a URL"),
                Arguments.of("a control", PRODUCTION, "https://example.com/\u0000", one, "url", "is not a URL"),
                Arguments.of("relative", PRODUCTION, "/hooks", one, "url", "must be https"),
                Arguments.of("http in production", PRODUCTION, "http://example.com/", one, "url", "must be https"),
                Arguments.of("ftp with http allowed", EMBEDDED, "ftp://example.com/", one, "url", "must be http"),
                Arguments.of(
                        "credentials",
                        PRODUCTION,
                        "https://user:pw@example.com/",
                        one,
                        "url",
                        "must not carry credentials"),
                Arguments.of(
                        "a fragment", PRODUCTION, "https://example.com/#x", one, "url", "must not have a fragment"),
                Arguments.of("no host", PRODUCTION, "https:///hooks", one, "url", "has no host"),
                Arguments.of("no event types", PRODUCTION, "https://example.com/", null, "eventTypes", "at least one"),
                Arguments.of(
                        "empty event types",
                        PRODUCTION,
                        "https://example.com/",
                        List.of(),
                        "eventTypes",
                        "at least one"),
                Arguments.of(
                        "an unknown type",
                        PRODUCTION,
                        "https://example.com/",
                        List.of("order.created"),
                        "eventTypes[0]",
                        "order.created is not one of [crowdrecon.order.status-changed.v1"),
                Arguments.of(
                        "a repeated type",
                        PRODUCTION,
                        "https://example.com/",
                        List.of(ORDER_STATUS, ORDER_STATUS),
                        "eventTypes[1]",
                        "repeats " + ORDER_STATUS),
                Arguments.of(
                        "a null type",
                        PRODUCTION,
                        "https://example.com/",
                        Arrays.asList(ORDER_STATUS, null),
                        "eventTypes[1]",
                        "is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void refusesABadRequestNamingTheField(
            String label,
            UrlPolicy.Settings settings,
            @Nullable String url,
            @Nullable List<@Nullable String> eventTypes,
            String field,
            String message) {
        Throwable refusal = catchThrowable(
                () -> EndpointRequestCheck.checked(new EndpointRequestCheck.Request(url, eventTypes, null), settings));

        assertThat(refusal).isInstanceOf(DomainException.class);
        DomainException problem = (DomainException) refusal;
        assertThat(problem.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly(field);
        assertThat(problem.errors().get(0).message()).contains(message);
    }

    @Test
    void refusesADescriptionOver1024Characters() {
        Throwable refusal = catchThrowable(() -> EndpointRequestCheck.checked(
                new EndpointRequestCheck.Request("https://example.com/", List.of(ORDER_STATUS), "d".repeat(1025)),
                PRODUCTION));

        assertThat(((DomainException) refusal).errors())
                .extracting(FieldError::field)
                .containsExactly("description");
    }

    @Test
    void acceptsEveryKnownTypeAndKeepsTheHost() {
        EndpointRequestCheck.Checked checked = EndpointRequestCheck.checked(
                new EndpointRequestCheck.Request(
                        "https://[2001:4860::8888]:8443/hooks?x=1", WebhookEventTypes.ALL, null),
                PRODUCTION);

        assertThat(checked.host()).isEqualTo("[2001:4860::8888]");
        assertThat(checked.eventTypes()).isEqualTo(WebhookEventTypes.ALL);
        assertThat(checked.description()).isNull();
    }

    static Stream<Arguments> addresses() {
        return Stream.of(
                Arguments.of("127.0.0.1", PRODUCTION, "resolves to 127.0.0.1"),
                Arguments.of("169.254.169.254", PRODUCTION, "resolves to 169.254.169.254"),
                Arguments.of("10.1.2.3", PRODUCTION, "resolves to 10.1.2.3"),
                Arguments.of("::1", PRODUCTION, "resolves to 0:0:0:0:0:0:0:1"),
                Arguments.of("8.8.8.8", PRODUCTION, null),
                Arguments.of("127.0.0.1", EMBEDDED, null));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("addresses")
    void refusesAHostWithANonPublicAddressInProduction(
            String address, UrlPolicy.Settings settings, @Nullable String refusal) throws UnknownHostException {
        List<InetAddress> resolved = List.of(InetAddress.getByName("8.8.4.4"), InetAddress.getByName(address));

        assertThat(EndpointRequestCheck.addressRefusal("hooks.example.com", resolved, settings))
                .isEqualTo(java.util.Optional.ofNullable(
                        refusal == null
                                ? null
                                : "url's host hooks.example.com " + refusal + ", which is not a public address"));
    }

    @Test
    void refusesAHostWithoutAddresses() {
        assertThat(EndpointRequestCheck.addressRefusal("nowhere.invalid", List.of(), PRODUCTION))
                .contains("url's host nowhere.invalid does not resolve to any address");
    }

    // --- the registry, with a stub resolver and in-memory stores

    static Stream<Arguments> productionRefusals() {
        return Stream.of(
                Arguments.of("http://127.0.0.1/", ErrorCode.VALIDATION_FAILED, "must be https"),
                Arguments.of("https://127.0.0.1/", ErrorCode.WEBHOOK_URL_NOT_ALLOWED, "127.0.0.1"),
                Arguments.of("https://169.254.169.254/", ErrorCode.WEBHOOK_URL_NOT_ALLOWED, "169.254.169.254"),
                Arguments.of("https://localhost/", ErrorCode.WEBHOOK_URL_NOT_ALLOWED, "127.0.0.1"),
                Arguments.of("https://[::ffff:10.0.0.1]/", ErrorCode.WEBHOOK_URL_NOT_ALLOWED, "10.0.0.1"),
                Arguments.of("https://nowhere.invalid/", ErrorCode.WEBHOOK_URL_NOT_ALLOWED, "does not resolve"),
                Arguments.of("https://slow.example/", ErrorCode.WEBHOOK_URL_NOT_ALLOWED, "did not resolve within"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("productionRefusals")
    void refusesInProductionWhatCouldReachTheServicesOwnNetwork(String url, ErrorCode code, String detail) {
        World world = new World(PRODUCTION);

        Throwable refusal = catchThrowable(
                () -> world.registry.register(PORTAL, request(url)).block());

        assertThat(refusal).isInstanceOf(DomainException.class);
        assertThat(((DomainException) refusal).code()).isEqualTo(code);
        assertThat(refusal.getMessage() + ((DomainException) refusal).errors()).contains(detail);
        assertThat(world.endpoints.rows).isEmpty();
    }

    @Test
    void registersAPublicHostInProductionWithANewSecret() {
        World world = new World(PRODUCTION);

        WebhookEndpoint endpoint = world.registry
                .register(PORTAL, request("https://hooks.example.com/in"))
                .block();

        assertThat(endpoint.status()).isEqualTo(EndpointStatus.ENABLED);
        assertThat(endpoint.secret()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(endpoint.secret().substring(6))).hasSize(32);
        assertThat(endpoint.toString()).doesNotContain(endpoint.secret());
        assertThat(world.resolved).containsExactly("hooks.example.com");
    }

    @Test
    void resolvesNothingWhenPrivateAddressesAreAllowed() {
        World world = new World(EMBEDDED);

        world.registry.register(PORTAL, request("http://127.0.0.1:9/in")).block();

        assertThat(world.resolved).isEmpty();
        assertThat(world.endpoints.rows).hasSize(1);
    }

    @Test
    void refusesThe21stEndpointOfAPortal() {
        World world = new World(EMBEDDED);
        for (int i = 0; i < WebhookRegistry.MAX_ENDPOINTS_PER_PORTAL; i++) {
            world.registry
                    .register(PORTAL, request("https://hooks.example.com/" + i))
                    .block();
        }

        Throwable refusal = catchThrowable(() -> world.registry
                .register(PORTAL, request("https://hooks.example.com/21"))
                .block());

        assertThat(((DomainException) refusal).code()).isEqualTo(ErrorCode.WEBHOOK_ENDPOINT_LIMIT_REACHED);
        assertThat(world.endpoints.rows).hasSize(WebhookRegistry.MAX_ENDPOINTS_PER_PORTAL);
    }

    @Test
    void rotationKeepsTheReplacedSecretFor24Hours() {
        World world = new World(EMBEDDED);
        WebhookEndpoint registered = world.registry
                .register(PORTAL, request("https://hooks.example.com/"))
                .block();

        WebhookEndpoint rotated =
                world.registry.rotate(PORTAL, registered.endpointId().value()).block();

        assertThat(rotated.secret()).isNotEqualTo(registered.secret()).startsWith("whsec_");
        assertThat(rotated.previousSecret()).isEqualTo(registered.secret());
        assertThat(rotated.previousSecretUntil()).isEqualTo(NOW.plusSeconds(24 * 3600));
        assertThat(rotated.signingSecrets(NOW)).containsExactly(rotated.secret(), registered.secret());
    }

    @Test
    void anotherPortalsEndpointIsNotFound() {
        World world = new World(EMBEDDED);
        WebhookEndpoint registered = world.registry
                .register(PORTAL, request("https://hooks.example.com/"))
                .block();

        Throwable refusal = catchThrowable(() -> world.registry
                .endpoint(
                        PortalId.of("PRT3333333333333333"),
                        registered.endpointId().value())
                .block());

        assertThat(((DomainException) refusal).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void disablingByThePortalGivesItsReasonAndEnablingClearsItAndRestartsTheWindows() {
        World world = new World(EMBEDDED);
        String id = world.registry
                .register(PORTAL, request("https://hooks.example.com/"))
                .block()
                .endpointId()
                .value();

        WebhookEndpoint disabled = world.registry
                .replace(PORTAL, id, request("https://hooks.example.com/"), false)
                .block();
        WebhookEndpoint again = world.registry
                .replace(PORTAL, id, request("https://hooks.example.com/"), false)
                .block();
        WebhookEndpoint enabled = world.registry
                .replace(PORTAL, id, request("https://hooks.example.com/v2"), true)
                .block();

        assertThat(disabled.status()).isEqualTo(EndpointStatus.DISABLED);
        assertThat(disabled.disabledReason()).isEqualTo("disabled by the portal");
        assertThat(again.status()).isEqualTo(EndpointStatus.DISABLED);
        assertThat(enabled.status()).isEqualTo(EndpointStatus.ENABLED);
        assertThat(enabled.disabledReason()).isNull();
        assertThat(enabled.failingSince()).isNull();
        assertThat(enabled.url()).isEqualTo("https://hooks.example.com/v2");
        assertThat(world.endpoints.moves).containsExactly(EndpointTrigger.DISABLE, EndpointTrigger.ENABLE);
        assertThat(world.restarted).containsExactly(WebhookEndpointId.of(id));
    }

    private static EndpointRequestCheck.Request request(String url) {
        return new EndpointRequestCheck.Request(url, List.of(ORDER_STATUS), null);
    }

    /** The registry over in-memory stores and a resolver that knows a few names. */
    private static final class World {

        final InMemoryEndpoints endpoints = new InMemoryEndpoints();
        final List<String> resolved = new ArrayList<>();
        final List<WebhookEndpointId> restarted = new ArrayList<>();
        final WebhookRegistry registry;

        World(UrlPolicy.Settings settings) {
            DeliveryLog deliveries = new NoDeliveries(restarted);
            this.registry = new WebhookRegistry(
                    endpoints,
                    deliveries,
                    this::resolve,
                    settings,
                    new NoTransactions(),
                    IdGenerator.threadLocal(),
                    new SecureRandom(),
                    Clock.fixed(NOW, ZoneOffset.UTC));
        }

        private Mono<List<InetAddress>> resolve(String host) {
            resolved.add(host);
            return switch (host) {
                case "hooks.example.com" -> addresses("93.184.215.14");
                case "localhost" -> addresses("127.0.0.1", "::1");
                case "slow.example" -> Mono.never();
                case "nowhere.invalid" -> Mono.error(new UnknownHostException(host));
                default -> Mono.fromCallable(() -> List.of(InetAddress.getAllByName(host))); // IP literals only
            };
        }

        private static Mono<List<InetAddress>> addresses(String... literals) {
            return Mono.fromCallable(() -> {
                List<InetAddress> list = new ArrayList<>();
                for (String literal : literals) {
                    list.add(InetAddress.getByName(literal));
                }
                return list;
            });
        }
    }

    private static final class NoTransactions implements Transactions {
        @Override
        public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
            return Mono.defer(work);
        }

        @Override
        public <T> Flux<T> manyInTransaction(Supplier<Flux<T>> work) {
            return Flux.defer(work);
        }
    }

    private static final class InMemoryEndpoints implements WebhookEndpoints {

        final Map<WebhookEndpointId, WebhookEndpoint> rows = new LinkedHashMap<>();
        final List<EndpointTrigger> moves = new ArrayList<>();

        @Override
        public Mono<WebhookEndpoint> add(WebhookEndpoint endpoint) {
            rows.put(endpoint.endpointId(), endpoint);
            return Mono.just(endpoint);
        }

        @Override
        public Mono<Long> lockAndCount(PortalId portalId) {
            return Mono.just(rows.values().stream()
                    .filter(e -> e.portalId().equals(portalId))
                    .count());
        }

        @Override
        public Mono<WebhookEndpoint> byId(@Nullable PortalId portalId, WebhookEndpointId endpointId) {
            WebhookEndpoint endpoint = rows.get(endpointId);
            return endpoint == null || (portalId != null && !endpoint.portalId().equals(portalId))
                    ? Mono.empty()
                    : Mono.just(endpoint);
        }

        @Override
        public Mono<WebhookEndpoint> lockById(@Nullable PortalId portalId, WebhookEndpointId endpointId) {
            return byId(portalId, endpointId);
        }

        @Override
        public Mono<Page<WebhookEndpoint>> page(@Nullable PortalId portalId, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> replace(WebhookEndpoint replaced) {
            rows.put(replaced.endpointId(), replaced);
            return Mono.empty();
        }

        @Override
        public Mono<Void> rotate(WebhookEndpoint rotated) {
            rows.put(rotated.endpointId(), rotated);
            return Mono.empty();
        }

        @Override
        public Mono<Void> move(WebhookEndpoint moved, Transition<EndpointStatus, EndpointTrigger> row) {
            assertThat(row.from()).contains(rows.get(moved.endpointId()).status());
            moves.add(row.trigger());
            rows.put(moved.endpointId(), moved);
            return Mono.empty();
        }

        @Override
        public Mono<Boolean> delete(PortalId portalId, WebhookEndpointId endpointId) {
            return Mono.just(rows.remove(endpointId) != null);
        }
    }

    private record NoDeliveries(List<WebhookEndpointId> restarted) implements DeliveryLog {

        @Override
        public Mono<Page<Delivery>> page(
                WebhookEndpointId endpointId, @Nullable DeliveryStatus status, PageRequest page) {
            return Mono.just(new Page<>(List.of(), page.page(), page.size(), 0));
        }

        @Override
        public Mono<Delivery> byId(WebhookEndpointId endpointId, WebhookDeliveryId deliveryId) {
            return Mono.empty();
        }

        @Override
        public Mono<Delivery> lockById(WebhookEndpointId endpointId, WebhookDeliveryId deliveryId) {
            return Mono.empty();
        }

        @Override
        public Mono<Boolean> makeDue(WebhookDeliveryId deliveryId, Instant now) {
            return Mono.just(false);
        }

        @Override
        public Mono<Void> moveReplayed(
                WebhookDeliveryId deliveryId, Transition<DeliveryStatus, DeliveryTrigger> row, Instant now) {
            return Mono.empty();
        }

        @Override
        public Mono<Long> restartWindows(WebhookEndpointId endpointId, Instant now) {
            restarted.add(endpointId);
            return Mono.just(0L);
        }
    }
}
