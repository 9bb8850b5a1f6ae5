package dev.kafkapipeline.faker.person;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import net.datafaker.Faker;
import net.datafaker.providers.base.Finance.CreditCardType;

/**
 * Makes fake people from Datafaker values.
 *
 * <p>Datafaker resolves each value from templates, 5 to 30 µs a field, about
 * 150 µs a person: too slow to keep up with Kafka when SLEEP_TIME is 0. So at
 * start-up it draws {@link #POOL_SIZE} Datafaker values for each field, and a
 * person is a random pick from each pool (the name from a first-name pool and a
 * last-name pool, so about a million names). Number-like fields (year, card
 * expiry, security code) are drawn fresh each time. With a seed, the pools and
 * the picks, and so the people, are the same on every run.
 */
public final class PersonFaker {
    public static final int POOL_SIZE = 1024;
    /** The original pipeline's year was any year from 1970 up to now. */
    static final int FIRST_YEAR = 1970;

    private static final List<Card> CARDS = List.of(
            new Card("VISA 16 digit", CreditCardType.VISA, 3),
            new Card("Mastercard", CreditCardType.MASTERCARD, 3),
            new Card("American Express", CreditCardType.AMERICAN_EXPRESS, 4),
            new Card("Discover", CreditCardType.DISCOVER, 3),
            new Card("Diners Club / Carte Blanche", CreditCardType.DINERS_CLUB, 3),
            new Card("JCB 16 digit", CreditCardType.JCB, 3));

    private record Card(String provider, CreditCardType type, int securityCodeDigits) {}

    private final Random random;
    private final int lastYear;
    private final List<String> firstNames;
    private final List<String> lastNames;
    private final List<String> buildingNumbers;
    private final List<String> streetNames;
    private final List<String> cities;
    private final List<String> countries;
    private final List<String> postcodes;
    private final List<String> jobs;
    private final List<String> companies;
    private final List<String> companyEmails;
    private final List<String> ssns;
    private final List<String> passportNumbers;
    private final List<List<String>> cardNumbers;

    public PersonFaker(Locale locale, long seed, int lastYear) {
        this.random = new Random(seed);
        this.lastYear = lastYear;
        Faker faker = new Faker(locale, new Random(random.nextLong()));
        firstNames = pool(() -> faker.name().firstName());
        lastNames = pool(() -> faker.name().lastName());
        buildingNumbers = pool(() -> faker.address().buildingNumber());
        streetNames = pool(() -> faker.address().streetName());
        cities = pool(() -> faker.address().city());
        countries = pool(() -> faker.address().country());
        postcodes = pool(() -> faker.address().postcode());
        jobs = pool(() -> faker.job().title());
        companies = pool(() -> faker.company().name());
        companyEmails = pool(() -> faker.internet().emailAddress());
        ssns = pool(() -> faker.idNumber().ssnValid());
        passportNumbers = pool(() -> faker.passport().valid());
        cardNumbers = CARDS.stream()
                // Datafaker groups the digits with dashes; the original pipeline's numbers were digits only.
                .map(card -> pool(() -> faker.finance().creditCard(card.type()).replace("-", "")))
                .toList();
    }

    public Person next() {
        int cardIndex = random.nextInt(CARDS.size());
        Card card = CARDS.get(cardIndex);
        return new Person(
                pick(firstNames) + " " + pick(lastNames),
                pick(buildingNumbers),
                pick(streetNames),
                pick(cities),
                pick(countries),
                pick(postcodes),
                FIRST_YEAR + random.nextInt(lastYear - FIRST_YEAR + 1),
                pick(jobs),
                pick(companies),
                pick(companyEmails),
                pick(ssns),
                pick(passportNumbers),
                card.provider(),
                pick(cardNumbers.get(cardIndex)),
                String.format(Locale.ROOT, "%02d/%02d", 1 + random.nextInt(12), (lastYear + 1 + random.nextInt(10)) % 100),
                digits(card.securityCodeDigits()));
    }

    private String pick(List<String> pool) {
        return pool.get(random.nextInt(pool.size()));
    }

    private String digits(int count) {
        StringBuilder code = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }

    private static List<String> pool(Supplier<String> value) {
        List<String> pool = new ArrayList<>(POOL_SIZE);
        for (int i = 0; i < POOL_SIZE; i++) {
            pool.add(value.get());
        }
        return List.copyOf(pool);
    }
}
