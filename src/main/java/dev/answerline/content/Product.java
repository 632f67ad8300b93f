package dev.answerline.content;

import dev.answerline.content.internal.Fields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One of the brand's products, {@code products/*.md}, served at {@code /products/{slug}}.
 *
 * @param offer what it sells for at {@code buyUrl}; null when the file gives no price
 */
public record Product(Source source, String slug, String name, String description, String image, String buyUrl,
        Offer offer, boolean draft) implements Content {

    @Override
    public Address address() {
        return Address.of(Address.Kind.PRODUCT, slug);
    }


    /**
     * The price of a product and whether it can be bought.
     *
     * @param price a decimal as written, with a point: {@code 39.99}
     * @param currency the ISO 4217 code: {@code USD}
     */
    public record Offer(String price, String currency, Availability availability) {
        private static final Pattern PRICE = Pattern.compile("[0-9]+(\\.[0-9]+)?");
        private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

        /** The {@code price}, {@code currency} and {@code availability} keys of a product file; null without a price. */
        static Offer read(Fields f) {
            // read as text, and checked here: a YAML number would lose how the price was written
            String price = f.optionalText("price");
            String currency = f.optionalText("currency");
            String availability = f.optionalText("availability");
            if (!f.has("price")) {
                for (String key : List.of("currency", "availability")) {
                    if (f.has(key)) {
                        f.error(key, "offer-without-price", "`" + key + "` is given without a `price`",
                                "add a line such as `price: 39.99`, or remove this one");
                    }
                }
                return null;
            }
            if (price == null) {
                return null;   // not a single value, reported
            }
            if (!PRICE.matcher(price).matches()) {
                f.error("price", "invalid-price", "`price: " + price + "` is not a price",
                        "write the amount with a point before the cents and no currency sign or thousands separator,"
                                + " e.g. `price: 39.99`");
            }
            if (currency == null) {
                if (!f.has("currency")) {
                    f.error("price", "missing-currency", "`price` is given without a `currency`",
                            "add a line with the price's ISO 4217 currency code, e.g. `currency: USD`");
                }
            } else if (!CURRENCY.matcher(currency).matches()) {
                f.error("currency", "invalid-currency", "`currency: " + currency + "` is not an ISO 4217 currency code",
                        "write its three capital letters, e.g. `currency: "
                                + (currency.length() == 3 ? currency.toUpperCase(Locale.ROOT) : "USD") + "`");
            }
            return new Offer(price, currency, availability == null ? Availability.IN_STOCK
                    : Availability.read(f, availability));
        }
    }

    /** Whether a product can be bought, as schema.org's {@code ItemAvailability} says it. */
    public enum Availability {
        IN_STOCK("InStock"),
        OUT_OF_STOCK("OutOfStock"),
        PREORDER("PreOrder"),
        PRESALE("PreSale"),
        BACKORDER("BackOrder"),
        LIMITED_AVAILABILITY("LimitedAvailability"),
        SOLD_OUT("SoldOut"),
        DISCONTINUED("Discontinued"),
        MADE_TO_ORDER("MadeToOrder"),
        ONLINE_ONLY("OnlineOnly"),
        IN_STORE_ONLY("InStoreOnly");

        private final String schemaName;

        Availability(String schemaName) {
            this.schemaName = schemaName;
        }

        /** The value an editor writes: {@code in_stock}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The schema.org term: {@code InStock}. */
        public String schemaName() {
            return schemaName;
        }

        private static Availability read(Fields f, String value) {
            for (Availability a : values()) {
                if (a.key().equals(value)) {
                    return a;
                }
            }
            List<String> keys = Arrays.stream(values()).map(Availability::key).toList();
            f.error("availability", "invalid-availability", "`availability: " + value + "` is not one Answerline knows",
                    Suggestions.closest(value, keys).map(s -> "did you mean `" + s + "`? ").orElse("")
                            + "write one of " + String.join(", ", keys));
            return IN_STOCK;
        }
    }
}
