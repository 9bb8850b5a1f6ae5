package dev.kafkapipeline.faker.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.rows.CqlType;
import dev.kafkapipeline.common.rows.FakerColumn;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PersonFakerTest {
    private final PersonFaker faker = new PersonFaker(Locale.US, 42, 2026);

    @Test
    void everyPersonHasEveryColumnFilledWithAValueOfItsType() {
        List<String> columns = Arrays.stream(FakerColumn.values()).map(FakerColumn::column).toList();
        for (int i = 0; i < 2_000; i++) {
            Map<String, Object> fields = faker.next().fields();
            assertEquals(columns, List.copyOf(fields.keySet()));
            for (FakerColumn column : FakerColumn.values()) {
                Object value = fields.get(column.column());
                if (column.type() == CqlType.INT) {
                    int year = (Integer) value;
                    assertTrue(year >= 1970 && year <= 2026, "year " + year);
                } else {
                    assertTrue(value instanceof String text && !text.isBlank(), column + " = " + value);
                }
            }
        }
    }

    @Test
    void cardsLookLikeRealOnes() {
        for (int i = 0; i < 2_000; i++) {
            Person person = faker.next();
            assertTrue(person.creditCardNumber().matches("\\d{13,19}"), person.creditCardNumber());
            assertTrue(luhnValid(person.creditCardNumber()), "Luhn check of " + person.creditCardNumber());
            assertTrue(person.creditCardExpire().matches("(0[1-9]|1[0-2])/\\d\\d"), person.creditCardExpire());
            int codeLength = person.creditCardProvider().equals("American Express") ? 4 : 3;
            assertTrue(person.creditCardSecurityCode().matches("\\d{" + codeLength + "}"),
                    person.creditCardProvider() + " " + person.creditCardSecurityCode());
            if (person.creditCardProvider().equals("American Express")) {
                assertTrue(person.creditCardNumber().matches("3[47]\\d{13}"), person.creditCardNumber());
            }
            if (person.creditCardProvider().startsWith("VISA")) {
                assertTrue(person.creditCardNumber().startsWith("4"), person.creditCardNumber());
            }
        }
    }

    @Test
    void theSameSeedMakesTheSamePeopleAndAnotherSeedOthers() {
        List<Person> first = IntStream.range(0, 50).mapToObj(i -> faker.next()).toList();
        PersonFaker again = new PersonFaker(Locale.US, 42, 2026);
        PersonFaker other = new PersonFaker(Locale.US, 43, 2026);
        assertEquals(first, IntStream.range(0, 50).mapToObj(i -> again.next()).toList());
        assertNotEquals(first, IntStream.range(0, 50).mapToObj(i -> other.next()).toList());
    }

    @Test
    void theLocaleChangesTheData() {
        Set<String> german = new HashSet<>();
        PersonFaker de = new PersonFaker(Locale.GERMAN, 42, 2026);
        for (int i = 0; i < 200; i++) {
            german.add(de.next().streetName());
        }
        assertTrue(german.stream().anyMatch(s -> s.endsWith("str.") || s.endsWith("straße") || s.endsWith("weg")), german.toString());
    }

    @Test
    void withoutTheSwitchEqualNamesHappenAndWithItTheyDoNot() {
        Set<String> names = new HashSet<>();
        Set<String> unique = new HashSet<>();
        UniqueNames uniqueNames = new UniqueNames(42);
        int people = 20_000;
        for (int i = 0; i < people; i++) {
            Person person = faker.next();
            names.add(person.name());
            unique.add(uniqueNames.apply(person).name());
        }
        assertTrue(names.size() < people, "some people share a name, so their rows would overwrite each other");
        assertEquals(people, unique.size());
        assertFalse(unique.stream().anyMatch(n -> !n.matches(".+ #[0-9A-Z]+-\\d+")), "suffix #<run>-<n>");
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
