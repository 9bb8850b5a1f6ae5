package dev.kafkapipeline.f1.archive;

/** The archive could not give a file or a session; the message names the URL or the query. */
public class ArchiveException extends RuntimeException {
    /** Why it failed, so callers can tell "does not exist" from "try again later". */
    public enum Reason {
        NOT_FOUND,
        FORBIDDEN,
        /** The archive did not answer, answered 5xx or too late, or broke off: worth asking again. */
        UNAVAILABLE,
        UNKNOWN_SESSION,
        /** The file arrived whole but is not what it should be (an index that is not JSON). */
        MALFORMED,
        /** The path would leave the archive, or names a folder where a file belongs. */
        REFUSED
    }

    private final Reason reason;

    public ArchiveException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ArchiveException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The archive has no such file (404, or 403, which it answers for files it never published). */
    public boolean isMissingFile() {
        return reason == Reason.NOT_FOUND || reason == Reason.FORBIDDEN;
    }
}
