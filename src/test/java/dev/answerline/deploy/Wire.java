package dev.answerline.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * HTTP/1.1 over a socket bound to a chosen loopback address (127.0.0.2, 127.0.0.3, ...), so that one test
 * can be many clients, each with its own address, in front of a real nginx. One request per connection.
 */
final class Wire {
    /** An answer: the status (0 when the connection failed), the headers in lower case, the body. */
    record Answer(int status, Map<String, String> headers, String body) {
        boolean ok() {
            return status == 200;
        }
    }

    private final int port;

    Wire(int port) {
        this.port = port;
    }

    Answer get(String from, String path, String... headers) {
        return send(from, "GET", path, null, headers);
    }

    /** A form as the site's own page sends it. */
    Answer post(String from, String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(from, "POST", path, body, headers);
    }

    /** The newsletter form, filled in for a few seconds, from client {@code from}. */
    Answer subscribe(String from, String email, String... headers) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("source", "/");
        form.put("website", "");
        form.put("elapsed", "4000");
        return post(from, "/newsletter/subscribe", form, headers);
    }

    private Answer send(String from, String method, String path, String body, String... headers) {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Origin: http://127.0.0.1:").append(port).append("\r\n")
                .append("User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/130.0.0.0 Safari/537.36\r\n")
                .append("Connection: close\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Type: application/x-www-form-urlencoded\r\n")
                    .append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            return new Answer(0, Map.of(), e.toString());
        }
    }

    private static Answer parse(byte[] raw) throws IOException {
        String head = new String(raw, StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("not an HTTP answer: " + head);
        }
        String[] lines = head.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim(), (a, b) -> a + "\n" + b);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = end + 4;
        if ("chunked".equals(headers.get("transfer-encoding"))) {
            // the head is Latin-1, one char per byte, so its indexes are byte offsets
            while (true) {
                int lineEnd = head.indexOf("\r\n", at);
                int size = Integer.parseInt(head.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                body.write(raw, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
        } else {
            body.write(raw, at, raw.length - at);
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
    }
}
