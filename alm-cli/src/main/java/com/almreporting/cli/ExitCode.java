package com.almreporting.cli;

/** Exit codes of every command (DESIGN §12). */
public final class ExitCode {
    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int INPUT_REJECTED = 2;
    public static final int BROKER_UNAVAILABLE = 3;
    public static final int DATABASE = 4;

    private ExitCode() {
    }
}
