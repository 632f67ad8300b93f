package dev.answerline.newsletter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A small SMTP server for tests that answers each RCPT TO as the test says: 250, or a 4xx or 5xx that
 * GreenMail cannot be made to give. Records what it was asked and what it accepted.
 */
final class FakeSmtp implements AutoCloseable {
    /** A delivered message: its recipients and its text. */
    record Delivered(List<String> to, String data) {}

    /** An answer that is no answer: the server hangs up. */
    static final String DROP = "drop";

    private final ServerSocket socket;
    /** The answer to RCPT TO for an address on its n-th try (1, 2, ...). */
    private final BiFunction<String, Integer, String> answer;
    final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();

    FakeSmtp(BiFunction<String, Integer, String> answer) throws IOException {
        this.answer = answer;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fake-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int tries(String address) {
        AtomicInteger n = tries.get(address);
        return n == null ? 0 : n.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread session = new Thread(() -> serve(client), "fake-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = client.getOutputStream()) {
            reply(out, "220 fake ESMTP");
            List<String> to = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                switch (command) {
                    case "EHLO", "HELO", "NOOP" -> reply(out, "250 fake");
                    case "MAIL" -> {
                        to.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        String address = line.replaceFirst("(?i)^RCPT TO:\\s*<([^>]*)>.*$", "$1");
                        int n = tries.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
                        String answer = this.answer.apply(address, n);
                        if (answer.equals(DROP)) {
                            return; // the connection breaks without an answer
                        }
                        if (answer.startsWith("250")) {
                            to.add(address);
                        }
                        reply(out, answer);
                    }
                    case "DATA" -> {
                        reply(out, "354 go on");
                        StringBuilder data = new StringBuilder();
                        while (!(line = in.readLine()).equals(".")) {
                            data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
                        }
                        delivered.add(new Delivered(List.copyOf(to), data.toString()));
                        to.clear();
                        reply(out, "250 queued");
                    }
                    case "RSET" -> {
                        to.clear();
                        reply(out, "250 OK");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "500 what?");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
