package dev.kafkapipeline.faker;

import dev.kafkapipeline.common.producer.KeyedRecord;
import dev.kafkapipeline.common.producer.RecordSource;
import dev.kafkapipeline.faker.person.Person;
import dev.kafkapipeline.faker.person.PersonFaker;
import dev.kafkapipeline.faker.person.UniqueNames;
import java.time.Year;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/** Endless fake people, keyed by name as the fakerdata table is. */
public final class FakerSource implements RecordSource {
    private final Locale locale;
    private final long seed;
    private final UniqueNames uniqueNames;
    private PersonFaker people;

    public FakerSource(FakerSettings settings) {
        this.locale = settings.locale();
        this.seed = settings.seed().orElseGet(() -> new Random().nextLong());
        this.uniqueNames = settings.uniqueNames() ? new UniqueNames(seed) : null;
    }

    public Person nextPerson() {
        // Datafaker takes seconds to load; built on first use, that happens inside the
        // producer loop, where a SIGTERM is already a graceful stop.
        if (people == null) {
            people = new PersonFaker(locale, seed, Year.now().getValue());
        }
        Person person = people.next();
        return uniqueNames == null ? person : uniqueNames.apply(person);
    }

    @Override
    public Optional<KeyedRecord> next() {
        Person person = nextPerson();
        return Optional.of(new KeyedRecord(person.name(), person.fields()));
    }
}
