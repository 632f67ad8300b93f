package dev.answerline.content;

/** How bad a {@link Problem} is. Errors keep a file out of the site and fail {@code build}. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
