package dev.kafkapipeline.cassandra.client.write;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Odd but mostly valid JSON, from a seed: values meant to break a conversion
 * (huge and tiny numbers, exponents, -0, NaN and Infinity as text, numbers as
 * text, odd dates, epoch milliseconds out of range, long text around the limit,
 * unicode and control characters, lone surrogates, nested values, wrong types,
 * null), some plainly right ones among them, and whole records built of them
 * (with missing keys, broken JSON, records over the size limit).
 */
public final class PoisonValues {
    private static final String[] FIXED = {
        "0", "-0", "-0.0", "0.0", "0e999999999", "0.0e-999999999", "1e999999999", "-1e999999999", "1e-999999999",
        "1e300", "-1e300", "1e-300", "1e308", "1.7976931348623157e308", "1.8e308", "4.9e-324", "2.4e-324", "1e-400",
        "3.4028235e38", "3.5e38", "1.4e-45", "7e-46", "1e38", "1.5", "0.1", "2.5e2", "1E+2", "12e-1",
        "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "18446744073709551616", "99999999999999999999",
        "1714566600000", "-62167219200000", "253402300799999", "1e2147483647", "1e-2147483648", "1e2147483648",
        "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"nan\"", "\"inf\"", "\"1e999999999\"", "\"99999999999999999999\"",
        "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"0000-01-01T00:00:00Z\"",
        "\"2016-12-31T23:59:60Z\"", "\"2024-05-01T24:00:00Z\"", "\"2015-06-30T23:59:60+00:00\"", "\"2024-02-30T00:00:00Z\"", "\"2024-13-01\"",
        "\"2024-05-01\"", "\"2024-05-01 12:30:00\"", "\"2024-05-01T12:30\"", "\"2024-05-01T12:30:00+25:00\"",
        "\"2024-05-01T12:30:00.123456789+14:00\"", "\"-0001-01-01T00:00:00Z\"", "\"+10000-01-01T00:00:00Z\"",
        "\"yesterday\"", "\"\"", "\" \"", "\"+5\"", "\".5\"", "\"5.\"", "\"0x1A\"", "\"1_000\"",
        "\"\\u0661\\u0662\\u0663\"", "\"1e\"", "\"--1\"", "\" 42 \"", "\"\\t7\\n\"", "\"true\"", "\"FALSE\"", "\"yes\"",
        "\"1\"", "\" true\"", "true", "false", "null", "{}", "[]", "[1,2]", "{\"a\":{\"b\":[1,null]}}", "[[[[[]]]]]",
        "\"\\ud800\"", "\"a\\udfffb\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"\\u001f\\u007f\"", "\"\\ufeff\\u202e\"",
        "\"caf\u00e9\"", "\"\u65e5\u672c\"", "\"\ud83d\ude00\"",
    };

    private final Random random;
    private final RecordLimits limits;
    private final List<Supplier<String>> kinds = List.of(
            this::fixed, this::smallInteger, this::boundaryInteger, this::manyDigits, this::decimal, this::binaryDouble,
            this::epochMillis, this::dateTime, this::text, this::textNearLimit, this::nested, this::asText, this::fixed);

    public PoisonValues(long seed, RecordLimits limits) {
        this.random = new Random(seed);
        this.limits = limits;
    }

    /** One JSON literal of any kind. */
    public String next() {
        return kinds.get(random.nextInt(kinds.size())).get();
    }

    /**
     * A record for the given fields (name to CQL type), as bytes: each field a plainly right value of its
     * type, a literal from {@link #next}, or left out (the key field too, now and then); one in eight is
     * broken as a whole instead.
     */
    public byte[] record(String keyField, String key, Map<String, String> fields) {
        if (random.nextInt(8) == 0) {
            return brokenRecord(keyField, key);
        }
        StringBuilder json = new StringBuilder("{");
        String keyValue = switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> "null";
            case 2 -> "{\"id\":" + quote(key) + "}";
            default -> quote(key);
        };
        if (keyValue != null) {
            json.append(quote(keyField)).append(':').append(keyValue);
        }
        for (Map.Entry<String, String> field : fields.entrySet()) {
            int choice = random.nextInt(6);
            if (choice > 0) {
                String literal = choice < 4 ? right(field.getValue()).literal() : next();
                json.append(json.length() > 1 ? "," : "").append(quote(field.getKey())).append(':').append(literal);
            }
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] brokenRecord(String keyField, String key) {
        String good = "{" + quote(keyField) + ":" + quote(key);
        return switch (random.nextInt(12)) {
            case 0 -> new byte[0];
            case 1 -> "null".getBytes(StandardCharsets.UTF_8);
            case 2 -> "[1,2]".getBytes(StandardCharsets.UTF_8);
            case 3 -> "\"text\"".getBytes(StandardCharsets.UTF_8);
            case 4 -> (good + ",").getBytes(StandardCharsets.UTF_8);
            case 5 -> (good + ",\"t\":NaN}").getBytes(StandardCharsets.UTF_8);
            case 6 -> {
                byte[] prefix = (good + ",\"t\":\"").getBytes(StandardCharsets.UTF_8);
                byte[] bytes = new byte[prefix.length + 3];
                System.arraycopy(prefix, 0, bytes, 0, prefix.length);
                bytes[prefix.length] = (byte) 0xC3; // a UTF-8 lead byte without its continuation
                bytes[prefix.length + 1] = '"';
                bytes[prefix.length + 2] = '}';
                yield bytes;
            }
            case 7 -> (good + ",\"t\":" + "[".repeat(1001) + "]".repeat(1001) + "}").getBytes(StandardCharsets.UTF_8);
            case 8 -> (good + ",\"i\":" + "9".repeat(1001) + "}").getBytes(StandardCharsets.UTF_8);
            case 9 -> (good + ",\"pad\":\"" + "x".repeat(limits.maxRecordBytes()) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 10 -> (good + "} trailing").getBytes(StandardCharsets.UTF_8);
            default -> (good + ",\"" + keyField + "\":{\"nested\":1}}").getBytes(StandardCharsets.UTF_8);
        };
    }

    private String fixed() {
        return FIXED[random.nextInt(FIXED.length)];
    }

    private String smallInteger() {
        return Integer.toString(random.nextInt(2001) - 1000);
    }

    private String boundaryInteger() {
        BigInteger[] edges = {BigInteger.valueOf(Integer.MAX_VALUE), BigInteger.valueOf(Integer.MIN_VALUE),
            BigInteger.valueOf(Long.MAX_VALUE), BigInteger.valueOf(Long.MIN_VALUE), BigInteger.TEN.pow(19), BigInteger.TWO.pow(64)};
        return edges[random.nextInt(edges.length)].add(BigInteger.valueOf(random.nextInt(5) - 2)).toString();
    }

    private String manyDigits() {
        int[] lengths = {19, 20, 30, limits.maxNumberDigits() - 1, limits.maxNumberDigits(), limits.maxNumberDigits() + 1,
            150, 400, 999, 1000, 1001, 1200};
        int n = lengths[random.nextInt(lengths.length)];
        StringBuilder digits = new StringBuilder(random.nextBoolean() ? "-" : "").append(1 + random.nextInt(9));
        for (int i = 1; i < n; i++) {
            digits.append(random.nextInt(10));
        }
        if (random.nextInt(3) == 0) {
            digits.insert(digits.length() / 2, '.');
        }
        return digits.toString();
    }

    private String decimal() {
        StringBuilder n = new StringBuilder(random.nextInt(4) == 0 ? "-" : "").append(random.nextInt(1000));
        if (random.nextBoolean()) {
            n.append('.').append(random.nextInt(1_000_000));
        }
        int max = limits.maxNumberExponent();
        long[] exponents = {0, random.nextInt(21) - 10, 300 + random.nextInt(31), -300 - random.nextInt(31),
            max - 1, max, max + 1, -max - 1, -max, 999_999_999, -999_999_999, Integer.MAX_VALUE, Integer.MIN_VALUE};
        long exponent = exponents[random.nextInt(exponents.length)];
        return exponent == 0 ? n.toString() : n + (random.nextBoolean() ? "e" : "E") + exponent;
    }

    private String binaryDouble() {
        double d = Double.longBitsToDouble(random.nextLong());
        return Double.isFinite(d) ? Double.toString(d) : "1e999";
    }

    private String epochMillis() {
        long[] millis = {random.nextLong(), Long.MAX_VALUE, Long.MIN_VALUE, random.nextInt(), 1_714_566_600_000L + random.nextInt()};
        return Long.toString(millis[random.nextInt(millis.length)]);
    }

    private String dateTime() {
        long year = switch (random.nextInt(4)) {
            case 0 -> random.nextInt(10_000);
            case 1 -> 1970 + random.nextInt(100);
            case 2 -> random.nextInt(2_000_000_000) - 999_999_999L;
            default -> random.nextInt(600_000_000) - 300_000_000L;
        };
        LocalDate date = LocalDate.of((int) Math.max(-999_999_999, Math.min(999_999_999, year)), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String time = String.format("%02d:%02d:%02d", random.nextInt(24), random.nextInt(60), random.nextInt(61));
        String fraction = random.nextBoolean() ? "" : "." + "123456789".substring(0, 1 + random.nextInt(9));
        String offset = switch (random.nextInt(5)) {
            case 0 -> "";
            case 1 -> "Z";
            case 2 -> ZoneOffset.ofTotalSeconds((random.nextInt(37) - 18) * 3600).getId();
            case 3 -> "+" + (19 + random.nextInt(10)) + ":00";
            default -> "Z";
        };
        String dateText = date.format(DateTimeFormatter.ISO_LOCAL_DATE);
        String separator = random.nextInt(5) == 0 ? " " : "T";
        return random.nextInt(6) == 0 ? quote(dateText) : quote(dateText + separator + time + fraction + offset);
    }

    private String text() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(64);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(switch (random.nextInt(6)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x5f);
                case 2 -> 0x80 + random.nextInt(0x780);
                case 3 -> 0x800 + random.nextInt(0xd000);
                case 4 -> 0x10000 + random.nextInt(0xfffff);
                default -> 0xd800 + random.nextInt(0x800); // a lone surrogate
            });
        }
        return quote(text.toString());
    }

    private String textNearLimit() {
        String[] units = {"a", "\u00e9", "\u65e5", "\ud83d\ude00"};
        String unit = units[random.nextInt(units.length)];
        int unitBytes = unit.getBytes(StandardCharsets.UTF_8).length;
        int count = limits.maxTextBytes() / unitBytes + random.nextInt(3) - 1;
        return quote(unit.repeat(Math.max(0, count)));
    }

    private String nested() {
        int depth = random.nextInt(50);
        return "[".repeat(depth) + (random.nextBoolean() ? "{\"a\":1}" : "1") + "]".repeat(depth);
    }

    /** Any number as text: how producers in other languages often send them. */
    private String asText() {
        String number = List.<Supplier<String>>of(this::smallInteger, this::boundaryInteger, this::decimal, this::binaryDouble,
                this::epochMillis).get(random.nextInt(5)).get();
        return quote(random.nextBoolean() ? number : " " + number + " ");
    }

    /** JSON text for a string; a lone surrogate is written as an escape, as UTF-8 cannot carry it. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !pair) {
                json.append(String.format("\\u%04x", (int) c));
            } else if (pair) {
                json.append(c).append(text.charAt(++i));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /** Plainly right values, which a sink must write as they are: {@code count} for each of the given CQL types. */
    public List<Right> rightValues(int count, List<String> cqlTypes) {
        List<Right> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            for (String type : cqlTypes) {
                values.add(right(type));
            }
        }
        return values;
    }

    /** A plainly right value for a column of the CQL type (text, int, bigint, float, double, boolean or timestamp). */
    public Right right(String cqlType) {
        boolean asText = random.nextInt(4) == 0;
        return switch (cqlType) {
            case "text" -> {
                String text = "r\u00e9sum\u00e9 " + random.nextInt() + " \ud83d\ude00";
                yield new Right(cqlType, quote(text), text);
            }
            case "int" -> {
                int n = random.nextInt();
                yield new Right(cqlType, asText ? quote(Integer.toString(n)) : Integer.toString(n), n);
            }
            case "bigint" -> {
                long n = random.nextLong();
                yield new Right(cqlType, asText ? quote(Long.toString(n)) : Long.toString(n), n);
            }
            case "double" -> {
                double d = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
                yield new Right(cqlType, Double.toString(d), d);
            }
            case "float" -> {
                float f = (float) ((random.nextFloat() - 0.5) * Math.pow(10, random.nextInt(20) - 10));
                yield new Right(cqlType, Float.toString(f), f);
            }
            case "boolean" -> {
                boolean b = random.nextBoolean();
                yield new Right(cqlType, Boolean.toString(b), b);
            }
            case "timestamp" -> {
                Instant ts = Instant.ofEpochMilli(random.nextLong() % 4_000_000_000_000L);
                yield new Right(cqlType, asText ? quote(ts.toString()) : Long.toString(ts.toEpochMilli()), ts);
            }
            default -> throw new IllegalArgumentException("no right values for " + cqlType);
        };
    }

    /** A JSON literal that a column of the CQL type must take as exactly the value given. */
    public record Right(String cqlType, String literal, Object value) {}
}
