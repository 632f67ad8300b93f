package dev.answerline.check.internal;

import dev.answerline.language.Language;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The words the rules look for in a language, and the ones their fixes suggest. For a language Answerline
 * does not know there are none: {@code direct-answer-first} is then off, and the fixes speak of punctuation
 * only.
 *
 * @param yesNo first words of a question that is answered yes or no; empty when the language is not known
 * @param verdicts the words such an answer starts with, yes first
 * @param fillers openings that put off the answer, in lower case
 * @param others how a citation says "and others": one of these, or two commas, names more than one author
 * @param openingMark a question must open with ¿ (Spanish)
 * @param verdictFix how to put the verdict first, with the language's words
 * @param question a question as readers ask it; null when the language is not known
 * @param conjunctions the words long sentences are joined by; null when the language is not known
 * @param plainWords an everyday word for a formal one; null when the language is not known
 */
record Wording(Set<String> yesNo, List<String> verdicts, List<String> fillers, List<String> others,
        boolean openingMark, String verdictFix, String question, String conjunctions, String plainWords) {

    static final Wording ENGLISH = new Wording(
            Set.of("should", "can", "is", "are", "does", "do", "did", "will", "would", "could", "has", "have", "was",
                    "were", "may", "must", "shall"),
            List.of("yes", "no"),
            List.of("it depends", "great question", "good question", "in this article", "when it comes to",
                    "there are many", "well,", "so,", "basically", "first of all", "before we", "let's", "let us",
                    "many people wonder", "this is a common question"),
            List.of("et al"), false,
            "start with the verdict: `Yes, ...`, `No. ...` or `Usually not` is better said `No, in most cases ...`",
            "`Should you foam roll your lower back?`", "and, but or which", "use, not utilise");
    /** German yes-or-no questions open with their verb: "Sollte man ...?", "Hilft ...?". */
    static final Wording GERMAN = new Wording(
            Set.of("sollte", "sollten", "soll", "sollen", "kann", "kannst", "können", "könnte", "könnten", "ist",
                    "sind", "war", "waren", "hilft", "helfen", "darf", "dürfen", "muss", "müssen", "musst", "bringt",
                    "bringen", "macht", "machen", "tut", "hat", "haben", "wird", "werden", "würde", "braucht",
                    "brauche", "brauchen", "lohnt", "gibt", "schadet", "schaden", "reicht", "ersetzt", "wirkt",
                    "funktioniert", "löst", "lindert", "verursacht", "gehört", "eignet"),
            List.of("ja", "nein"),
            List.of("es kommt darauf an", "das kommt darauf an", "kommt darauf an", "gute frage", "eine gute frage",
                    "in diesem artikel", "in diesem beitrag", "wenn es um", "es gibt viele", "also,", "nun,",
                    "grundsätzlich", "zunächst einmal", "bevor wir", "lass uns", "lassen sie uns",
                    "viele menschen fragen sich", "das ist eine häufige frage"),
            List.of("et al", "u. a.", "u.a."), false,
            "start with the verdict: `Ja, ...`, `Nein. ...`; `Eher nicht` is better said `Nein, in den meisten"
                    + " Fällen ...`",
            "`Sollte man den unteren Rücken rollen?`", "und, aber oder weil", "„bekommen“ statt „erhalten“");
    /** French: "Est-ce que ...?", "Faut-il ...?", "Peut-on ...?". */
    static final Wording FRENCH = new Wording(
            Set.of("est", "faut", "peut", "peuvent", "dois", "doit", "doivent", "devrait", "devrais", "vaut", "sont",
                    "a", "y", "ai", "as", "avez", "suffit", "existe", "fait"),
            List.of("oui", "non"),
            List.of("ça dépend", "cela dépend", "tout dépend", "bonne question", "excellente question",
                    "dans cet article", "en ce qui concerne", "il existe de nombreux", "il y a beaucoup", "eh bien",
                    "alors,", "tout d'abord", "avant de", "beaucoup de gens se demandent", "c'est une question"),
            List.of("et al", "et coll"), false,
            "start with the verdict: `Oui, ...`, `Non. ...`; `Pas vraiment` is better said `Non, dans la plupart"
                    + " des cas ...`",
            "`Faut-il rouler le bas du dos ?`", "et, mais ou qui", "« utiliser » plutôt que « procéder à"
                    + " l'utilisation de »");
    /** Spanish: "¿Es ...?", "¿Puedo ...?", "¿Se debe ...?". */
    static final Wording SPANISH = new Wording(
            Set.of("es", "son", "está", "están", "puedo", "puede", "pueden", "podemos", "debo", "debe", "deben",
                    "debería", "deberías", "sirve", "sirven", "ayuda", "ayudan", "hay", "conviene", "vale", "tiene",
                    "tienen", "duele", "funciona", "se", "hace", "necesito", "necesitas", "existe"),
            List.of("sí", "no"),
            List.of("depende", "buena pregunta", "excelente pregunta", "en este artículo", "cuando se trata de",
                    "hay muchos", "hay muchas", "bueno,", "pues,", "básicamente", "en primer lugar", "antes de",
                    "muchas personas se preguntan", "esta es una pregunta"),
            List.of("et al", "y col"), true,
            "start with the verdict: `Sí, ...`, `No. ...`; `No siempre` is better said `No, en la mayoría de los"
                    + " casos ...`",
            "`¿Conviene rodar la zona lumbar?`", "y, pero o que", "«usar», no «hacer uso de»");
    /** Dutch: "Is ...?", "Moet ...?", "Helpt ...?". */
    static final Wording DUTCH = new Wording(
            Set.of("is", "zijn", "was", "waren", "moet", "moeten", "kan", "kun", "kunt", "kunnen", "mag", "mogen",
                    "helpt", "helpen", "heeft", "hebben", "heb", "wordt", "worden", "werkt", "werken", "doet", "zou",
                    "zouden", "zal", "maakt", "ben", "ga", "gaat", "gaan", "brengt", "levert", "loont", "schaadt"),
            List.of("ja", "nee", "neen"),
            List.of("het hangt ervan af", "dat hangt ervan af", "hangt ervan af", "goede vraag", "in dit artikel",
                    "als het gaat om", "er zijn veel", "nou,", "dus,", "eigenlijk", "allereerst", "voordat we",
                    "veel mensen vragen zich af", "dit is een veelgestelde vraag"),
            List.of("et al", "e.a."), false,
            "start with the verdict: `Ja, ...`, `Nee. ...`; `Meestal niet` is better said `Nee, in de meeste"
                    + " gevallen ...`",
            "`Moet je je onderrug rollen?`", "en, maar of die", "„krijgen”, niet „verkrijgen”");
    /** A language Answerline does not know: no question words, "et al." for citations. */
    static final Wording UNKNOWN = new Wording(Set.of(), List.of(), List.of(), List.of("et al"), false, null, null,
            null, null);

    static Wording of(Optional<Language> language) {
        return language.map(l -> switch (l) {
            case ENGLISH -> ENGLISH;
            case GERMAN -> GERMAN;
            case FRENCH -> FRENCH;
            case SPANISH -> SPANISH;
            case DUTCH -> DUTCH;
        }).orElse(UNKNOWN);
    }

    /** Whether the rules know this language's questions and verdicts. */
    boolean knowsQuestions() {
        return !yesNo.isEmpty();
    }

    boolean isYesNoQuestion(String question) {
        return yesNo.contains(firstWord(question));
    }

    boolean startsWithVerdict(String answer) {
        return verdicts.contains(firstWord(answer));
    }

    /** The verdict words as a message names them: {@code Ja or Nein}. */
    String verdictNames() {
        return capitalized(verdicts.get(0)) + " or " + capitalized(verdicts.get(1));
    }

    Optional<String> filler(String answer) {
        String lower = answer.toLowerCase(Locale.ROOT);
        return fillers.stream().filter(lower::startsWith).findFirst();
    }

    boolean namesOthers(String citation) {
        return others.stream().anyMatch(citation::contains);
    }

    private static String capitalized(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private static String firstWord(String text) {
        String[] words = text.strip().toLowerCase(Locale.ROOT).split("[^\\p{L}']+", 3);
        return words.length == 0 ? "" : words[0].isEmpty() && words.length > 1 ? words[1] : words[0];
    }
}
