package dev.answerline.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.content.Problem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ImportReportTest {
    @Test
    void errorsInManyFilesAreCountedPastTheFirstForty() {
        List<Problem> problems = IntStream.range(0, 45).mapToObj(i -> Problem.error("answers/a" + i + ".md", 3,
                "broken-link", "`/x` leads to no page or file", "check the address")).toList();
        ImportReport report = new ImportReport(Import.Format.HTML, 45, 0, 0, List.of(), List.of(), List.of(),
                List.of(), List.of(), problems);
        StringWriter text = new StringWriter();

        report.print(new PrintWriter(text));

        assertThat(text.toString().lines().filter(l -> l.contains(": error: "))).hasSize(ImportReport.LISTED_ERRORS);
        assertThat(text.toString()).contains("  and 5 more: `answerline check --site SITE_DIR` lists them all\n")
                .endsWith("Imported 45 answers, 0 blog posts and 0 pages from saved HTML pages; 0 left out or changed,"
                        + " 0 files left as edited, 0 media files to fetch; check: 45 errors, 0 warnings.\n");
    }
}
