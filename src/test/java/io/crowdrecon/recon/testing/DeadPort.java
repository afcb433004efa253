package io.crowdrecon.recon.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for a server that is down, to count how hard its clients try to reach it: listens on the server's port
 * (all local addresses), and closes every connection the moment it is accepted, so that each attempt fails at once
 * as it would against a refusing port. Close it before the real server starts again on that port.
 */
public final class DeadPort implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicLong attempts = new AtomicLong();
    private final Thread acceptor;

    private DeadPort(ServerSocket socket) {
        this.socket = socket;
        this.acceptor = new Thread(this::acceptAndClose, "dead-port-" + socket.getLocalPort());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    public static DeadPort listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port), 200);
            return new DeadPort(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on port " + port, e);
        }
    }

    /** Connection attempts so far. */
    public long attempts() {
        return attempts.get();
    }

    private void acceptAndClose() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                attempts.incrementAndGet();
                connection.setSoLinger(true, 0);
            } catch (IOException closed) {
                // closed: done
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
            acceptor.join(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
