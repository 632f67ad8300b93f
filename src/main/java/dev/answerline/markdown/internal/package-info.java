/** How the Markdown package does its work; nothing here is for callers outside it. */
package dev.answerline.markdown.internal;
