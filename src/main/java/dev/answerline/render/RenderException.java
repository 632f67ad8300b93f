package dev.answerline.render;

/** A page that could not be rendered: a bug or a broken theme resource, never bad content. */
public final class RenderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
