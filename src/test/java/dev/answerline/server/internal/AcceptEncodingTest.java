package dev.answerline.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading Accept-Encoding without allocating, as every page request does. */
class AcceptEncodingTest {

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "gzip|gzip|true",
        "gzip, deflate, br|gzip|true",
        "br, GZIP|gzip|true",
        "deflate, br|gzip|false",
        "*|gzip|true",
        "gzip;q=0|gzip|false",
        "gzip; q=0.000|gzip|false",
        "gzip;q=0.5|gzip|true",
        "gzip ;q=1|gzip|true",
        "gzip;q=abc|gzip|false",
        "gzip;q=|gzip|false",
        "gzip;level=1;q=0|gzip|false",
        "gzip;level=1|gzip|true",
        "x-gzip|gzip|false",
        "gzipper|gzip|false",
        "identity, *;q=0|gzip|false",
        "'  , ,gzip'|gzip|true",
        "''|gzip|false",
        "gzip, deflate, br, zstd|br|true",
        "BR|br|true",
        "gzip|br|false",
        "br;q=0, gzip|br|false",
        "gzip, *|br|true",
        "gzip, *;q=0|br|false",
        "brotli|br|false",
        "b|br|false",
    })
    void aCodingIsTakenOnlyWhenListedWithoutAZeroQuality(String header, String coding, boolean accepted) {
        assertThat(PagesHandler.accepts(header, coding)).isEqualTo(accepted);
    }
}
