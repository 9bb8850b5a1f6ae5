package dev.kafkapipeline.f1.stream;

/** A line of a .jsonStream file that cannot be read; the message names the file and the line. */
public class StreamFormatException extends RuntimeException {
    private final String file;
    private final int line;

    public StreamFormatException(String file, int line, String problem) {
        super(line > 0 ? file + " line " + line + ": " + problem : file + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** 1-based; 0 when the problem is the file as a whole (an empty file). */
    public int line() {
        return line;
    }
}
