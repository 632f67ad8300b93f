package dev.answerline.render;

import java.util.Locale;
import org.eclipse.jetty.http.MimeTypes;

/**
 * Content types of the files a site serves, by file name ending: Jetty's table ({@link MimeTypes#DEFAULTS}),
 * with ours where it lacks an ending or says otherwise. Text is sent as UTF-8 and says so.
 */
public final class MediaTypes {
    private static final String BYTES = "application/octet-stream";
    private static final MimeTypes TYPES = types();

    private MediaTypes() {}

    private static MimeTypes types() {
        MimeTypes.Mutable types = new MimeTypes.Mutable(MimeTypes.DEFAULTS);
        // missing from Jetty 12.1's table: the Markdown twins of answers, and the web app manifest
        types.addMimeMapping("md", "text/markdown");
        types.addMimeMapping("webmanifest", "application/manifest+json");
        // Jetty says image/vnd.microsoft.icon; every favicon.ico served so far went out as this
        types.addMimeMapping("ico", "image/x-icon");
        // every text file of a site is UTF-8, and a browser must not guess: Jetty infers ISO-8859-1 for
        // text/plain, and nothing for CSS, JavaScript or Markdown
        for (String text : new String[] {"text/html", "text/css", "text/javascript", "text/plain", "text/markdown"}) {
            types.addInferred(text, "utf-8");
        }
        return types;
    }

    /** The content type for a path, {@code application/octet-stream} when unknown. */
    public static String of(String path) {
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < path.lastIndexOf('/')) {
            return BYTES;
        }
        String type = TYPES.getMimeForExtension(path.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            return BYTES;
        }
        String charset = TYPES.getInferredCharsetName(type);
        return charset == null ? type : type + "; charset=" + charset.toLowerCase(Locale.ROOT);
    }
}
