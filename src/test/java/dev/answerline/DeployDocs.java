package dev.answerline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code deploy/README.md} and {@code deploy/answerline.service} show, read from those files for the tests
 * that run it: the fenced blocks, the unit's settings, and shell words.
 */
final class DeployDocs {
    static final Path README = Path.of("deploy/README.md");
    static final Path UNIT = Path.of("deploy/answerline.service");
    /** The launcher as installed: the unpacked release linked to /opt/answerline. */
    static final String LAUNCHER = "/opt/answerline/bin/answerline";
    private static final Pattern BLOCK = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```$");

    private DeployDocs() {
    }

    /** The fenced blocks of deploy/README.md in the given language, in order. */
    static List<String> blocks(String language) {
        List<String> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(read(README));
        while (m.find()) {
            if (m.group(1).equals(language)) {
                blocks.add(m.group(2));
            }
        }
        return blocks;
    }

    /** The one block of the language that starts with {@code start}. */
    static String block(String language, String start) {
        List<String> found = blocks(language).stream().filter(b -> b.startsWith(start)).toList();
        if (found.size() != 1) {
            throw new AssertionError("deploy/README.md has " + found.size() + " ```" + language + " blocks starting with "
                    + start + ", not one");
        }
        return found.get(0);
    }

    /** The settings of answerline.service, by name; a name given twice keeps its last value. */
    static Map<String, String> unit() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : read(UNIT).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("[")) {
                String[] nameValue = line.split("=", 2);
                settings.put(nameValue[0].strip(), nameValue[1].strip());
            }
        }
        return settings;
    }

    /** A systemd environment file's variables: {@code NAME=value} lines, comments left out. */
    static Map<String, String> environment(String file) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : file.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] nameValue = line.split("=", 2);
                variables.put(nameValue[0], nameValue[1]);
            }
        }
        return variables;
    }

    /** A command line split as a POSIX shell splits it, for the plain words and single quotes these files use. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (char c : line.strip().toCharArray()) {
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
                word = word == null ? new StringBuilder() : word;
            } else if (c == ' ') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quoted) {
            throw new AssertionError("an unclosed quote in " + line);
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** The arguments of an {@code answerline} command line: the words after the launcher. */
    static List<String> answerlineArguments(String line) {
        List<String> words = words(line);
        int launcher = words.indexOf(LAUNCHER);
        if (launcher < 0) {
            throw new AssertionError("no " + LAUNCHER + " in " + line);
        }
        return words.subList(launcher + 1, words.size());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
