package io.crowdrecon.recon.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 over a plain socket, one request per connection, for tests that must send what well-behaved clients
 * refuse to: a request target that is not a valid URI, bytes no header may hold, lines longer than the server
 * accepts. Reads the answer exactly as it came: the status, the headers, and the body by Content-Length, chunks or
 * until the server closes (for HEAD: whatever the server sent after the headers, which should be nothing). A
 * {@code text/event-stream} answer to GET is read up to its headers only.
 */
public final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TIMEOUT_MILLIS = 30_000;

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** A request to build: method and target as sent on the request line, headers and body as bytes. */
    public static final class Request {
        private final String method;
        private final String target;
        private final List<Map.Entry<String, byte[]>> headers = new ArrayList<>();
        private byte[] body;
        private boolean chunked;

        private Request(String method, String target) {
            this.method = method;
            this.target = target;
        }

        public Request header(String name, String value) {
            return header(name, value.getBytes(StandardCharsets.UTF_8));
        }

        public Request header(String name, byte[] value) {
            headers.add(Map.entry(name, value));
            return this;
        }

        public Request bearer(String key) {
            return header("Authorization", "Bearer " + key);
        }

        public Request json(String body) {
            return json(body.getBytes(StandardCharsets.UTF_8));
        }

        public Request json(byte[] body) {
            return body("application/json", body);
        }

        public Request body(String contentType, byte[] body) {
            header("Content-Type", contentType);
            this.body = body;
            return this;
        }

        /** Sends the body with {@code Transfer-Encoding: chunked} (no Content-Length), in 64 KiB chunks. */
        public Request chunked() {
            this.chunked = true;
            return this;
        }

        byte[] bytes(int port) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out, method + " " + target + " HTTP/1.1\r\n");
            write(out, "Host: localhost:" + port + "\r\n");
            write(out, "Connection: close\r\n");
            for (Map.Entry<String, byte[]> header : headers) {
                write(out, header.getKey() + ": ");
                out.writeBytes(header.getValue());
                write(out, "\r\n");
            }
            if (body != null && chunked) {
                write(out, "Transfer-Encoding: chunked\r\n\r\n");
                for (int from = 0; from < body.length; from += 65_536) {
                    int length = Math.min(65_536, body.length - from);
                    write(out, Integer.toHexString(length) + "\r\n");
                    out.write(body, from, length);
                    write(out, "\r\n");
                }
                write(out, "0\r\n\r\n");
            } else if (body != null) {
                write(out, "Content-Length: " + body.length + "\r\n\r\n");
                out.writeBytes(body);
            } else {
                write(out, "\r\n");
            }
            return out.toByteArray();
        }

        private static void write(ByteArrayOutputStream out, String text) {
            out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** What came back. Header names are lower case. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String contentType() {
            return header("content-type");
        }

        public boolean isProblem() {
            return contentType() != null && contentType().startsWith("application/problem+json");
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The problem's {@code code}, or null when the body is no problem document. */
        public String code() {
            if (!isProblem() || body.length == 0) {
                return null;
            }
            JsonNode code = json().get("code");
            return code == null || !code.isString() ? null : code.asString();
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + contentType() + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    public static Request request(String method, String target) {
        return new Request(method, target);
    }

    /**
     * Sends the request and reads the answer. The request is written from a thread of its own while the answer is
     * read, so that a server answering before it has read the whole body (a 413 on the declared length) is heard.
     */
    public Response send(Request request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            byte[] bytes = request.bytes(port);
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(
                    () -> {
                        try {
                            out.write(bytes);
                            out.flush();
                        } catch (IOException closedByTheServer) {
                            // The server answered and closed before reading everything: its answer is read below.
                        }
                    },
                    "raw-http-writer");
            writer.start();
            Response response = read(socket.getInputStream(), request.method.equals("HEAD"));
            socket.close();
            writer.join(TIMEOUT_MILLIS);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(request.method + " " + abbreviated(request.target), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Response read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the server closed the connection without an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        Response headersOnly = new Response(status, headers, new byte[0]);
        String contentType = headersOnly.contentType();
        if (contentType != null && contentType.startsWith("text/event-stream") && !head) {
            return headersOnly;
        }
        if (head || status == 204 || status == 304) {
            // Nothing may follow; the connection closes after the answer, so whatever does follow is read.
            return new Response(status, headers, in.readAllBytes());
        }
        String length = headersOnly.header("content-length");
        if ("chunked".equalsIgnoreCase(headersOnly.header("transfer-encoding"))) {
            return new Response(status, headers, chunks(in));
        }
        if (length != null) {
            return new Response(status, headers, in.readNBytes(Integer.parseInt(length)));
        }
        return new Response(status, headers, in.readAllBytes());
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                return body.toByteArray();
            }
            int length = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (length == 0) {
                line(in);
                return body.toByteArray();
            }
            body.writeBytes(in.readNBytes(length));
            line(in);
        }
    }

    /** One line without its CRLF, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String abbreviated(String target) {
        return target.length() > 120 ? target.substring(0, 120) + "…" : target;
    }
}
