package dev.kafkapipeline.faker;

import dev.kafkapipeline.common.producer.KeyedRecord;
import dev.kafkapipeline.common.producer.RecordSource;
import dev.kafkapipeline.faker.person.Person;
import dev.kafkapipeline.faker.person.PersonFaker;
import dev.kafkapipeline.faker.person.UniqueNames;
import java.time.Year;
import java.util.Optional;
import java.util.Random;

/** Endless fake people, keyed by name as the fakerdata table is. */
public final class FakerSource implements RecordSource {
    private final PersonFaker people;
    private final UniqueNames uniqueNames;

    public FakerSource(FakerSettings settings) {
        long seed = settings.seed().orElseGet(() -> new Random().nextLong());
        this.people = new PersonFaker(settings.locale(), seed, Year.now().getValue());
        this.uniqueNames = settings.uniqueNames() ? new UniqueNames(seed) : null;
    }

    public Person nextPerson() {
        Person person = people.next();
        return uniqueNames == null ? person : uniqueNames.apply(person);
    }

    @Override
    public Optional<KeyedRecord> next() {
        Person person = nextPerson();
        return Optional.of(new KeyedRecord(person.name(), person.fields()));
    }
}
