/**
 * How pages are rendered: Markdown configuration, the view records the templates take, compression.
 * Public only because the precompiled templates must see these types; not part of Answerline's API.
 */
package dev.answerline.render.internal;
