package io.chillin.chat.cli.smoke;

import java.util.List;

/** Each step of a smoke run, and whether all of them worked. */
public record SmokeReport(String url, boolean ok, String user, String room, List<Step> steps) {

    /** One step: passed, failed (with why), or not run because an earlier one failed. */
    public record Step(String name, Status status, long millis, String detail) {
    }

    public enum Status { PASSED, FAILED, NOT_RUN }
}
