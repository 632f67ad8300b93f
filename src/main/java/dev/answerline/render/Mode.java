package dev.answerline.render;

/**
 * What a site's pages are rendered for. Each mode keeps its pages where they serve it best and pays only
 * for what it uses.
 */
public enum Mode {
    /**
     * {@code serve --watch}: pages stay on the heap, since they change with every save, which renders again
     * only what it touches; they carry the live reload script.
     */
    PREVIEW,
    /**
     * {@code serve}: every page rendered once, at start, and kept outside the heap with its gzip and brotli
     * bytes made beforehand, so that no request waits for them and the heap stays small at 100,000 answers.
     */
    SERVE,
    /**
     * {@code build}: every page written to a folder as soon as it is rendered, with a gzip twin for hosts
     * that send precompressed files; nothing is kept.
     */
    EXPORT;

    /** Whether pages load the script that reloads them when their file changes. */
    public boolean liveReload() {
        return this == PREVIEW;
    }

    /** Whether pages keep their bytes outside the heap. */
    public boolean offHeap() {
        return this == SERVE;
    }

    /**
     * Whether compressible pages also get brotli. Only a server that chooses by Accept-Encoding can send it;
     * an export's hosts serve the gzip twins, and a preview would only pay for it on every save.
     */
    public boolean brotli() {
        return this == SERVE;
    }

    /** Whether renders keep, between one and the next, what a change does not touch. */
    public boolean incremental() {
        return this == PREVIEW;
    }
}
