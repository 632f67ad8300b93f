package dev.answerline.content;

/**
 * A site's own version of one of Answerline's templates, from {@code templates/} in the site folder: used in
 * place of the built-in template of the same name when the site is rendered.
 *
 * @param name the template's name, as the built-in one is called: {@code answer.jte}, {@code tag/cta.jte}
 * @param file the file, relative to the site folder: {@code templates/tag/cta.jte}
 * @param source the jte source
 */
public record TemplateOverride(String name, String file, String source) {}
