package io.crowdrecon.recon.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 request whose body is sent in two parts, the second only when asked: until then the server holds a
 * request in progress, as it would for a slow client. To take a server's write slot for as long as a test needs.
 */
public final class HalfSentRequest implements AutoCloseable {

    private final Socket socket;
    private final byte[] rest;

    private HalfSentRequest(Socket socket, byte[] rest) {
        this.socket = socket;
        this.rest = rest;
    }

    /** Sends the request line, the headers and the first half of the JSON {@code body}. */
    public static HalfSentRequest post(int port, String path, String apiKey, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int half = bytes.length / 2;
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\n"
                + "Authorization: Bearer " + apiKey + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n"
                + "Connection: close\r\n"
                + "\r\n";
        try {
            Socket socket = new Socket("localhost", port);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, half);
            out.flush();
            byte[] rest = java.util.Arrays.copyOfRange(bytes, half, bytes.length);
            return new HalfSentRequest(socket, rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the rest of the body and answers the response's status code. */
    public int finish() {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(rest);
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String statusLine = in.readLine();
            if (statusLine == null) {
                throw new IllegalStateException("the server closed the connection without answering");
            }
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
