package io.chillin.chat.cli.legacy;

/** A legacy file that is not the JSON it should be; the import then changes nothing. */
public final class MalformedLegacyFile extends RuntimeException {

    private final String file;
    private final long line;
    private final long column;

    public MalformedLegacyFile(String file, long line, long column, String reason) {
        super(file + ": malformed at line " + line + ", column " + column + ": " + reason
                + " (nothing was imported; fix the file and run again)");
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }
}
