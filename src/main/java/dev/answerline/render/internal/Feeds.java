package dev.answerline.render.internal;

import dev.answerline.markdown.Markdown;
import dev.answerline.content.Address;
import dev.answerline.content.Address.Kind;
import dev.answerline.content.Answer;
import dev.answerline.content.BlogPost;
import dev.answerline.content.Site;
import dev.answerline.content.SiteConfig;
import dev.answerline.language.Label;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * RSS 2.0 and Atom feeds of the newest answers and of the newest blog posts, written with an XML writer so
 * that every text is escaped. Dates come from the content, so a feed only changes when the content does.
 */
public final class Feeds {
    public static final String ANSWERS_RSS = Address.of(Kind.ANSWERS_RSS).path();
    public static final String ANSWERS_ATOM = Address.of(Kind.ANSWERS_ATOM).path();
    public static final String BLOG_RSS = Address.of(Kind.BLOG_RSS).path();
    public static final String BLOG_ATOM = Address.of(Kind.BLOG_ATOM).path();
    private static final String ANSWERS = Address.of(Kind.ANSWERS).path();
    private static final String BLOG = Address.of(Kind.BLOG).path();
    /** Entries per feed. */
    static final int NEWEST = 20;

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final Site site;
    private final SiteConfig config;

    private final List<Views.Sent> sent;

    public Feeds(Site site) {
        this(site, List.of());
    }

    /** @param sent the newsletter issues sent so far, newest first */
    public Feeds(Site site, List<Views.Sent> sent) {
        this.site = site;
        this.config = site.config();
        this.sent = List.copyOf(sent);
    }

    /** One entry of a feed, whatever it is about. */
    private record Entry(String title, String path, String summary, LocalDate published, LocalDate updated,
            String author, String authorPath, String category) {}

    private List<Entry> answers() {
        return site.answers().stream().limit(NEWEST).map(a -> new Entry(a.question(), a.path(),
                Markdown.inline(a.answer(), 0).line(), a.published(), a.lastModified(), site.author(a.author()).name(),
                site.author(a.author()).path(), site.category(a.category()).name())).toList();
    }

    private List<Entry> issues() {
        return sent.stream().limit(NEWEST).map(s -> new Entry(s.issue().subject(), s.issue().path(),
                s.issue().preheader().isEmpty() ? s.issue().subject() : s.issue().preheader(), s.day(), s.day(),
                config.brand(), null, null)).toList();
    }

    /** The RSS feed of the newsletter issues sent so far. */
    public String issuesRss() {
        return rss(config.labels().text(Label.FEED_ISSUES, config.title()), Address.of(Address.Kind.ISSUES).path(),
                Address.of(Address.Kind.ISSUES_RSS).path(), issues());
    }

    private List<Entry> posts() {
        return site.posts().stream().limit(NEWEST).map((BlogPost p) -> new Entry(p.title(), p.path(), p.description(),
                p.published(), p.lastModified(), site.author(p.author()).name(), site.author(p.author()).path(), null))
                .toList();
    }

    public String answersRss() {
        return rss(config.labels().text(Label.FEED_ANSWERS, config.title()), ANSWERS, ANSWERS_RSS, answers());
    }

    public String answersAtom() {
        return atom(config.labels().text(Label.FEED_ANSWERS, config.title()), ANSWERS, ANSWERS_ATOM, answers());
    }

    public String blogRss() {
        return rss(config.labels().text(Label.FEED_BLOG, config.title()), BLOG, BLOG_RSS, posts());
    }

    public String blogAtom() {
        return atom(config.labels().text(Label.FEED_BLOG, config.title()), BLOG, BLOG_ATOM, posts());
    }

    private String rss(String title, String page, String self, List<Entry> entries) {
        return write(xml -> {
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("atom", ATOM);
            xml.writeNamespace("dc", DC);
            xml.writeStartElement("channel");
            element(xml, "title", title);
            element(xml, "link", config.absolute(page));
            element(xml, "description", description());
            element(xml, "language", config.language());
            LocalDate newest = newest(entries);
            if (newest != null) {
                element(xml, "lastBuildDate", rfc822(newest));
            }
            xml.writeEmptyElement("atom", "link", ATOM);
            xml.writeAttribute("href", config.absolute(self));
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            for (Entry entry : entries) {
                xml.writeStartElement("item");
                element(xml, "title", entry.title());
                element(xml, "link", config.absolute(entry.path()));
                xml.writeStartElement("guid");
                xml.writeAttribute("isPermaLink", "true");
                xml.writeCharacters(config.absolute(entry.path()));
                xml.writeEndElement();
                element(xml, "pubDate", rfc822(entry.published()));
                element(xml, "description", entry.summary());
                xml.writeStartElement("dc", "creator", DC);
                xml.writeCharacters(xmlText(entry.author()));
                xml.writeEndElement();
                if (entry.category() != null) {
                    element(xml, "category", entry.category());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    private String atom(String title, String page, String self, List<Entry> entries) {
        return write(xml -> {
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml:lang", config.language());
            element(xml, "title", title);
            element(xml, "subtitle", description());
            link(xml, config.absolute(self), "self", "application/atom+xml");
            link(xml, config.absolute(page), "alternate", "text/html");
            element(xml, "id", config.absolute(self));
            LocalDate newest = newest(entries);
            element(xml, "updated", iso(newest != null ? newest : site.today()));
            xml.writeStartElement("author");
            element(xml, "name", config.brand());
            element(xml, "uri", config.absolute("/"));
            xml.writeEndElement();
            for (Entry entry : entries) {
                xml.writeStartElement("entry");
                element(xml, "title", entry.title());
                link(xml, config.absolute(entry.path()), "alternate", "text/html");
                element(xml, "id", config.absolute(entry.path()));
                element(xml, "published", iso(entry.published()));
                element(xml, "updated", iso(entry.updated()));
                xml.writeStartElement("author");
                element(xml, "name", entry.author());
                element(xml, "uri", config.absolute(entry.authorPath()));
                xml.writeEndElement();
                xml.writeStartElement("summary");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(xmlText(entry.summary()));
                xml.writeEndElement();
                if (entry.category() != null) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", xmlText(entry.category()));
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    private String description() {
        return config.description() != null ? config.description()
                : config.labels().text(Label.SITE_SUMMARY, config.brand());
    }

    private static LocalDate newest(List<Entry> entries) {
        return entries.stream().map(Entry::updated).max(LocalDate::compareTo).orElse(null);
    }

    private static String rfc822(LocalDate date) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atStartOfDay(ZoneOffset.UTC));
    }

    private static String iso(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }

    private static void link(XMLStreamWriter xml, String href, String rel, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("href", href);
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
    }

    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
    }

    /** Text without the control characters XML 1.0 cannot carry even escaped. */
    static String xmlText(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!allowed(text.charAt(i))) {
                StringBuilder clean = new StringBuilder(text.length());
                text.chars().filter(c -> allowed((char) c)).forEach(c -> clean.append((char) c));
                return clean.toString();
            }
        }
        return text;
    }

    private static boolean allowed(char c) {
        return c >= 0x20 ? c != '\uFFFE' && c != '\uFFFF' : c == '\t' || c == '\n' || c == '\r';
    }

    /** Writes an XML document. */
    @FunctionalInterface
    interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            out.write('\n');
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail: " + e.getMessage(), e);
        }
        return out.append('\n').toString();
    }
}
