package dev.answerline.content;

import java.nio.file.Path;

/** A file under {@code static/}, served as is at {@code path}. */
public record StaticFile(String path, Path file) {}
