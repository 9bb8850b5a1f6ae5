package dev.kafkapipeline.f1.archive;

/** The archive could not give a file or a session; the message names the URL or the query. */
public class ArchiveException extends RuntimeException {
    /**
     * Why it failed, so callers can tell "does not exist" from "try again later". REFUSED: the path would leave the
     * archive, or names a folder where a file belongs.
     */
    public enum Reason { NOT_FOUND, FORBIDDEN, UNAVAILABLE, UNKNOWN_SESSION, REFUSED }

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
