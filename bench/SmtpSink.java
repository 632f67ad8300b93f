import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server that accepts every message and keeps nothing: the cheapest peer there is, so that what
 * bench/newsletter.sh measures is the sender. At the end of each connection prints
 * {@code SESSION <messages> <ms from the first message's DATA to the last one's end>}.
 *
 * <p>usage: java bench/SmtpSink.java PORT
 */
public final class SmtpSink {
    public static void main(String[] args) throws Exception {
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket client = server.accept();
                new Thread(() -> serve(client)).start();
            }
        }
    }

    private static void serve(Socket client) {
        long messages = 0;
        long first = 0;
        long last = 0;
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = client.getOutputStream()) {
            reply(out, "220 sink");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                if (command.equals("DATA")) {
                    if (first == 0) {
                        first = System.nanoTime();
                    }
                    reply(out, "354 go on");
                    while (!".".equals(in.readLine())) {
                        // discarded
                    }
                    messages++;
                    last = System.nanoTime();
                    reply(out, "250 queued");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    break;
                } else {
                    reply(out, "250 ok");
                }
            }
        } catch (Exception e) {
            // the client went away
        }
        if (messages > 0) {
            System.out.println("SESSION " + messages + " " + (last - first) / 1_000_000);
            System.out.flush();
        }
    }

    private static void reply(OutputStream out, String line) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
