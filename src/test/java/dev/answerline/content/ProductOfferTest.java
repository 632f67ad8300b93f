package dev.answerline.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A product's price, currency and availability: read as written, and every mistake said with its line. */
class ProductOfferTest {
    private static final String PRODUCT = """
            ---
            name: Travel Roller
            description: A short roller for the suitcase.
            image: /images/roller.svg
            buy_url: https://shop.testroll.example/travel
            %s
            ---
            Small.
            """;

    @TempDir
    Path dir;

    private Site given(String offerLines) throws IOException {
        TestSites.copy("small", dir);
        Files.writeString(dir.resolve("products/travel.md"), PRODUCT.formatted(offerLines));
        return Site.load(dir, TestSites.TODAY);
    }

    private static Product travel(Site site) {
        return site.products().stream().filter(p -> p.slug().equals("travel")).findFirst().orElseThrow();
    }

    @Test
    void aPriceWithItsCurrencyIsInStockUnlessSaidOtherwise() throws IOException {
        Site site = given("price: \"24.50\"\ncurrency: EUR");
        assertThat(site.problems()).isEmpty();
        assertThat(travel(site).offer()).isEqualTo(new Product.Offer("24.50", "EUR", Product.Availability.IN_STOCK));

        Site later = given("price: 120\ncurrency: GBP\navailability: preorder");
        assertThat(later.problems()).isEmpty();
        assertThat(travel(later).offer()).isEqualTo(new Product.Offer("120", "GBP", Product.Availability.PREORDER));
    }

    @Test
    void withoutAPriceThereIsNoOffer() throws IOException {
        assertThat(travel(given("")).offer()).isNull();
    }

    @Test
    void anInvalidPriceIsAnErrorOnItsLine() throws IOException {
        Site site = given("price: \"$1,299\"\ncurrency: USD");
        assertThat(site.problems()).extracting(Problem::toString).containsExactly("products/travel.md:6: error:"
                + " `price: $1,299` is not a price — write the amount with a point before the cents and no currency"
                + " sign or thousands separator, e.g. `price: 39.99` (invalid-price)");
        assertThat(site.products()).extracting(Product::slug).containsExactly("roller");
    }

    @Test
    void aPriceNeedsAnIsoCurrency() throws IOException {
        assertThat(given("price: \"9.99\"").problems()).extracting(Problem::toString).containsExactly(
                "products/travel.md:6: error: `price` is given without a `currency` — add a line with the price's"
                        + " ISO 4217 currency code, e.g. `currency: USD` (missing-currency)");
        assertThat(given("price: \"9.99\"\ncurrency: eur").problems()).extracting(Problem::toString).containsExactly(
                "products/travel.md:7: error: `currency: eur` is not an ISO 4217 currency code — write its three"
                        + " capital letters, e.g. `currency: EUR` (invalid-currency)");
    }

    @Test
    void anUnknownAvailabilitySuggestsTheKnownOne() throws IOException {
        assertThat(given("price: \"9.99\"\ncurrency: USD\navailability: instock").problems())
                .extracting(Problem::toString).singleElement().asString()
                .startsWith("products/travel.md:8: error: `availability: instock` is not one Answerline knows — did you"
                        + " mean `in_stock`? write one of in_stock, out_of_stock, preorder,")
                .endsWith(" (invalid-availability)");
    }

    @Test
    void aCurrencyOrAvailabilityWithoutAPriceIsAnError() throws IOException {
        assertThat(given("currency: USD\navailability: sold_out").problems()).extracting(Problem::toString)
                .containsExactly("products/travel.md:6: error: `currency` is given without a `price` — add a line such"
                                + " as `price: 39.99`, or remove this one (offer-without-price)",
                        "products/travel.md:7: error: `availability` is given without a `price` — add a line such as"
                                + " `price: 39.99`, or remove this one (offer-without-price)");
    }
}
