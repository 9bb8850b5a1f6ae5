package dev.kafkapipeline.common.service;

/**
 * The one exit-status rule of the project's services and commands: 0 done
 * (also after a clean stop on SIGTERM or Ctrl-C), 1 failed, 2 bad usage or
 * bad configuration.
 */
public enum ExitStatus {
    DONE(0),
    FAILED(1),
    BAD_CONFIGURATION(2);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    /** The process exit code. */
    public int code() {
        return code;
    }
}
