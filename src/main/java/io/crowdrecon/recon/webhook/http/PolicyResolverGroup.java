package io.crowdrecon.recon.webhook.http;

import io.crowdrecon.recon.webhook.UrlPolicy;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Resolves names with the system resolver on {@code lookups} (never on an event loop: the JDK's lookup blocks, and
 * Netty's own DNS client reads a SecureRandom's file on the loop), and refuses every address the URL policy does not
 * allow, before it is dialled: a name that resolves to a private address, an address literal, or a redirect's host
 * (were one followed) never reaches a private network unless private addresses are allowed. Addresses already
 * resolved go through the check too ({@link #isResolved} answers false, so that the connection always asks). What is
 * dialled is what was checked, so a name that resolves elsewhere later (DNS rebinding) gains nothing.
 */
final class PolicyResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final Executor lookups;
    private final UrlPolicy.Settings settings;

    PolicyResolverGroup(Executor lookups, UrlPolicy.Settings settings) {
        this.lookups = lookups;
        this.settings = settings;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new Checked(executor, lookups, settings);
    }

    /** Thrown (as a connection's failure) for an address the policy refuses; its message names the address. */
    static final class AddressRefusedException extends java.io.IOException {
        AddressRefusedException(String host, String why) {
            super(host + " " + why + ": not dialled");
        }
    }

    private record Checked(EventExecutor executor, Executor lookups, UrlPolicy.Settings settings)
            implements AddressResolver<InetSocketAddress> {

        @Override
        public boolean isSupported(SocketAddress address) {
            return address instanceof InetSocketAddress;
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
            Promise<List<InetSocketAddress>> all = executor.newPromise();
            all.addListener((Future<List<InetSocketAddress>> resolved) -> {
                if (resolved.isSuccess()) {
                    promise.trySuccess(resolved.getNow().get(0));
                } else {
                    promise.tryFailure(resolved.cause());
                }
            });
            resolveAll(address, all);
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
            try {
                lookups.execute(() -> {
                    try {
                        List<InetSocketAddress> resolved = new ArrayList<>();
                        for (InetAddress found : InetAddress.getAllByName(socket.getHostString())) {
                            resolved.add(new InetSocketAddress(found, socket.getPort()));
                        }
                        checkAll(socket, resolved, promise);
                    } catch (UnknownHostException | RuntimeException e) {
                        promise.tryFailure(e);
                    }
                });
            } catch (RuntimeException e) {
                promise.tryFailure(e); // the pool refused the task (shutting down)
            }
            return promise;
        }

        @Override
        public void close() {
            // Nothing of its own: the lookups' pool is shared.
        }

        /** Any refused address refuses the name: a name that also resolves privately is not dialled at all. */
        private Future<List<InetSocketAddress>> checkAll(
                InetSocketAddress asked, List<InetSocketAddress> resolved, Promise<List<InetSocketAddress>> promise) {
            if (resolved.isEmpty()) {
                promise.tryFailure(new AddressRefusedException(asked.getHostString(), "did not resolve"));
                return promise;
            }
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
