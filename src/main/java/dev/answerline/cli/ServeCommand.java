package dev.answerline.cli;

import dev.answerline.content.Site;
import dev.answerline.render.Pages;
import dev.answerline.render.Renderer;
import dev.answerline.server.Server;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Serves the site from memory: every page rendered once at start.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    private SiteOption site;

    @Option(names = "--port", defaultValue = "8080", description = "the port to listen on (0: any free port)")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "the address to listen on (0.0.0.0: every interface)")
    private String host;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        Site loaded = Site.load(site.dir());
        Report.problems(loaded, spec.commandLine().getErr());
        Pages pages = Renderer.render(loaded);
        try (Server server = Server.builder(pages).host(host).port(port).build().start()) {
            out.printf("Serving %s (%d pages, ready in %d ms) at %s%n", loaded.config().title(), pages.size(),
                    (System.nanoTime() - started) / 1_000_000, server.uri());
            out.println("Press Ctrl+C to stop.");
            out.flush();
            server.join();
        }
        return Main.OK;
    }
}
