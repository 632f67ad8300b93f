package dev.answerline.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading Accept-Encoding without allocating, as every page request does. */
class AcceptEncodingTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "gzip|true",
        "gzip, deflate, br|true",
        "br, GZIP|true",
        "deflate, br|false",
        "*|true",
        "gzip;q=0|false",
        "gzip; q=0.000|false",
        "gzip;q=0.5|true",
        "gzip ;q=1|true",
        "gzip;q=abc|false",
        "gzip;q=|false",
        "gzip;level=1;q=0|false",
        "gzip;level=1|true",
        "x-gzip|false",
        "gzipper|false",
        "identity, *;q=0|false",
        "'  , ,gzip'|true",
        "''|false",
    })
    void gzipIsTakenOnlyWhenListedWithoutAZeroQuality(String header, boolean accepted) {
        assertThat(PagesHandler.accepts(header, "gzip")).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "gzip, deflate, br, zstd|true",
        "BR|true",
        "gzip|false",
        "br;q=0, gzip|false",
        "gzip, *|true",
        "gzip, *;q=0|false",
        "brotli|false",
        "b|false",
    })
    void brotliIsTakenOnlyWhenListedWithoutAZeroQuality(String header, boolean accepted) {
        assertThat(PagesHandler.accepts(header, "br")).isEqualTo(accepted);
    }
}
