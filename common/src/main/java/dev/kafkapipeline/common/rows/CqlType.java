package dev.kafkapipeline.common.rows;

import java.time.Instant;
import java.util.Locale;

/** The CQL types the row definitions use, each with the Java type a reader gets for it (the driver's default codec). */
public enum CqlType {
    TEXT(String.class),
    INT(Integer.class),
    BOOLEAN(Boolean.class),
    TIMESTAMP(Instant.class);

    private final Class<?> javaType;

    CqlType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The type as CQL writes it: {@code text}, {@code int}, ... */
    public String cql() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Class<?> javaType() {
        return javaType;
    }
}
