package io.crowdrecon.recon.webhook.http;

import io.crowdrecon.recon.webhook.UrlPolicy;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Resolves names with the non-blocking DNS resolver it wraps, and refuses every address the URL policy does not allow,
 * before it is dialled: a name that resolves to a private address, or an address literal, or a redirect's host (were
 * one followed), never reaches a private network unless private addresses are allowed. Addresses already resolved go
 * through the check too ({@link #isResolved} answers false, so that the connection always asks).
 */
final class PolicyResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final AddressResolverGroup<InetSocketAddress> dns;
    private final UrlPolicy.Settings settings;

    PolicyResolverGroup(AddressResolverGroup<InetSocketAddress> dns, UrlPolicy.Settings settings) {
        this.dns = dns;
        this.settings = settings;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new Checked(executor, dns.getResolver(executor), settings);
    }

    @Override
    public void close() {
        super.close();
        dns.close();
    }

    /** Thrown (as a connection's failure) for an address the policy refuses; its message names the address. */
    static final class AddressRefusedException extends java.io.IOException {
        AddressRefusedException(String host, String why) {
            super(host + " " + why + ": not dialled");
        }
    }

    private record Checked(
            EventExecutor executor, AddressResolver<InetSocketAddress> inner, UrlPolicy.Settings settings)
            implements AddressResolver<InetSocketAddress> {

        @Override
        public boolean isSupported(SocketAddress address) {
            return inner.isSupported(address);
        }

        @Override
        public boolean isResolved(SocketAddress address) {
            return false;
        }

        @Override
        public Future<InetSocketAddress> resolve(SocketAddress address) {
            return resolve(address, executor.newPromise());
        }

        @Override
        public Future<InetSocketAddress> resolve(SocketAddress address, Promise<InetSocketAddress> promise) {
            InetSocketAddress socket = (InetSocketAddress) address;
            if (!socket.isUnresolved()) {
                return check(socket, socket, promise);
            }
            inner.resolve(address).addListener((Future<InetSocketAddress> resolved) -> {
                if (resolved.isSuccess()) {
                    check(socket, resolved.getNow(), promise);
                } else {
                    promise.tryFailure(resolved.cause());
                }
            });
            return promise;
        }

        @Override
        public Future<List<InetSocketAddress>> resolveAll(SocketAddress address) {
            return resolveAll(address, executor.newPromise());
        }

        @Override
        public Future<List<InetSocketAddress>> resolveAll(
                SocketAddress address, Promise<List<InetSocketAddress>> promise) {
            InetSocketAddress socket = (InetSocketAddress) address;
            if (!socket.isUnresolved()) {
                return checkAll(socket, List.of(socket), promise);
            }
            inner.resolveAll(address).addListener((Future<List<InetSocketAddress>> resolved) -> {
                if (resolved.isSuccess()) {
                    checkAll(socket, resolved.getNow(), promise);
                } else {
                    promise.tryFailure(resolved.cause());
                }
            });
            return promise;
        }

        @Override
        public void close() {
            inner.close();
        }

        private Future<InetSocketAddress> check(
                InetSocketAddress asked, InetSocketAddress resolved, Promise<InetSocketAddress> promise) {
            Optional<String> refusal = refusal(resolved);
            if (refusal.isPresent()) {
                promise.tryFailure(new AddressRefusedException(asked.getHostString(), refusal.get()));
            } else {
                promise.trySuccess(resolved);
            }
            return promise;
        }

        /** Any refused address refuses the name: a name that also resolves privately is not dialled at all. */
        private Future<List<InetSocketAddress>> checkAll(
                InetSocketAddress asked, List<InetSocketAddress> resolved, Promise<List<InetSocketAddress>> promise) {
            for (InetSocketAddress address : resolved) {
                Optional<String> refusal = refusal(address);
                if (refusal.isPresent()) {
                    promise.tryFailure(new AddressRefusedException(asked.getHostString(), refusal.get()));
                    return promise;
                }
            }
            promise.trySuccess(resolved);
            return promise;
        }

        private Optional<String> refusal(InetSocketAddress address) {
            if (address.getAddress() == null) {
                return Optional.of("did not resolve");
            }
            return UrlPolicy.refusal(address.getAddress(), settings);
        }
    }
}
