package dev.kafkapipeline.faker.person;

import java.util.Locale;

/**
 * Makes every name unique, for users who want every fake person kept: the
 * fakerdata table's key is the name, so two people called "Ann Lee" would
 * otherwise be one row. The name gets the suffix {@code #<run>-<n>}: n counts
 * this run's people and run tells runs apart (random, or fixed by FAKER_SEED so
 * that a seeded run stays repeatable and a rerun rewrites the same rows).
 */
public final class UniqueNames {
    private final String run;
    private long count;

    public UniqueNames(long runTag) {
        this.run = Long.toString(runTag & 0xFFFFFFL, 36).toUpperCase(Locale.ROOT);
    }

    public Person apply(Person person) {
        return person.withName(person.name() + " #" + run + "-" + (++count));
    }
}
