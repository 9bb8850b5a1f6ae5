package dev.kafkapipeline.f1.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What reading a session had to assume, in the order it came up. A kind of
 * damage that repeats (the same field of the wrong type on many lines) is
 * reported once, at its first line, with a count of the lines like it.
 */
public final class Warnings {
    private final Map<String, Repeated> byKind = new LinkedHashMap<>();

    /** A warning of its own. */
    public void add(String message) {
        add(message, message);
    }

    /** A warning of a kind that may repeat; only the first message of each kind is kept, the others counted. */
    public void add(String kind, String message) {
        Repeated repeated = byKind.get(kind);
        if (repeated == null) {
            byKind.put(kind, new Repeated(message));
        } else {
            repeated.more++;
        }
    }

    public List<String> list() {
        List<String> messages = new ArrayList<>(byKind.size());
        for (Repeated r : byKind.values()) {
            messages.add(r.more == 0 ? r.first : r.first + " (and " + r.more + " more line" + (r.more == 1 ? "" : "s") + " like it)");
        }
        return messages;
    }

    private static final class Repeated {
        final String first;
        int more;

        Repeated(String first) {
            this.first = first;
        }
    }
}
