package dev.kafkapipeline.f1.laps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.f1.stream.TimingStream;

/**
 * Builds the lines of a {@code .jsonStream} for tests, field by field, as the
 * live-timing feed writes them:
 * {@code TimingLines.at("00:01:02.345").driver("1").lapCount(3).lastLapTime("1:23.456").sector(2, "27.5")}.
 * Driver fields go under {@code Lines.<number>} of the driver named last;
 * {@link #status} and {@link #field} write top-level fields (SessionStatus,
 * TrackStatus, SessionInfo).
 */
final class TimingLines {
    private TimingLines() {}

    /** A line at this stream time, HH:MM:SS.mmm. */
    static Line at(String clock) {
        return new Line(clock);
    }

    static final class Line {
        private final String clock;
        private final ObjectNode update = Json.MAPPER.createObjectNode();
        private ObjectNode driver;

        private Line(String clock) {
            this.clock = clock;
        }

        /** The following driver fields belong to this racing number. */
        Line driver(String number) {
            driver = update.withObjectProperty("Lines").withObjectProperty(number);
            return this;
        }

        Line lapCount(int laps) {
            driver.put("NumberOfLaps", laps);
            return this;
        }

        Line lastLapTime(String time) {
            driver.withObjectProperty("LastLapTime").put("Value", time);
            return this;
        }

        /** Sector {@code index} (0, 1, 2) as the feed patches it after the first message: an object keyed by index. */
        Line sector(int index, String time) {
            driver.withObjectProperty("Sectors").withObjectProperty(String.valueOf(index)).put("Value", time);
            return this;
        }

        Line inPit(boolean inPit) {
            driver.put("InPit", inPit);
            return this;
        }

        Line gap(String gapToLeader) {
            driver.put("GapToLeader", gapToLeader);
            return this;
        }

        Line stopped(boolean stopped) {
            driver.put("Stopped", stopped);
            return this;
        }

        Line retired(boolean retired) {
            driver.put("Retired", retired);
            return this;
        }

        Line speed(String trap, String kmh) {
            driver.withObjectProperty("Speeds").withObjectProperty(trap).put("Value", kmh);
            return this;
        }

        /** A TimingAppData stint at {@code index}: compound, New, StartLaps, TotalLaps. */
        Line stint(int index, String compound, boolean fresh, int startLaps, int totalLaps) {
            ObjectNode stint = driver.withObjectProperty("Stints").withObjectProperty(String.valueOf(index));
            stint.put("Compound", compound).put("New", String.valueOf(fresh)).put("StartLaps", startLaps).put("TotalLaps", totalLaps);
            return this;
        }

        /** A raw driver field, for values of the wrong type. */
        Line driverField(String name, JsonNode value) {
            driver.set(name, value);
            return this;
        }

        /** The top-level Status of SessionStatus and TrackStatus lines. */
        Line status(String status) {
            update.put("Status", status);
            return this;
        }

        Line field(String name, String value) {
            update.put(name, value);
            return this;
        }

        long millis() {
            return TimeText.millis(clock);
        }

        ObjectNode update() {
            return update;
        }

        /** What the line says about one driver, as {@link DriverTiming#update} receives it. */
        JsonNode of(String number) {
            return update.path("Lines").path(number);
        }

        /** The line as it stands in a file. */
        String text() {
            return clock + update;
        }

        @Override
        public String toString() {
            return text() + " (" + TimingStream.clock(millis()) + ")";
        }
    }
}
