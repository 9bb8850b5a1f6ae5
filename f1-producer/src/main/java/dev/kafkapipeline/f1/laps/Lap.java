package dev.kafkapipeline.f1.laps;

/**
 * One lap of one driver. Times are milliseconds, null when the archive has
 * none. {@code lapTimeDerived} marks a lap time computed as the sum of its
 * three sectors; {@code incomplete} marks a lap the driver did not finish
 * (stopped on track, or a last run into the pits without a lap time).
 * {@code pitIn}: he entered the pits on this lap; {@code pitOut}: he left the
 * pits on it. {@code trackStatus} lists the track-status codes in force during
 * the lap, in the order seen ("1,4"). {@code endTime} is the stream time at
 * which the lap was completed (or the driver stopped), {@code startTime} when
 * it began; null when unknown. Built with {@link #builder}; {@link #toBuilder}
 * gives a copy to change.
 */
public record Lap(Driver driver, int number, Long lapTime, boolean lapTimeDerived, boolean incomplete,
                  Integer position, String compound, Integer tyreLife, Boolean freshTyre, Integer stint,
                  boolean pitIn, boolean pitOut, String trackStatus,
                  Long sector1, Long sector2, Long sector3, Long startTime, Long endTime) {

    public static Builder builder(Driver driver, int number) {
        return new Builder(driver, number);
    }

    public Builder toBuilder() {
        Builder b = new Builder(driver, number);
        b.lapTime = lapTime;
        b.lapTimeDerived = lapTimeDerived;
        b.incomplete = incomplete;
        b.position = position;
        b.compound = compound;
        b.tyreLife = tyreLife;
        b.freshTyre = freshTyre;
        b.stint = stint;
        b.pitIn = pitIn;
        b.pitOut = pitOut;
        b.trackStatus = trackStatus;
        b.sector1 = sector1;
        b.sector2 = sector2;
        b.sector3 = sector3;
        b.startTime = startTime;
        b.endTime = endTime;
        return b;
    }

    /** Collects a lap's values by name; everything not set stays absent (null or false). */
    public static final class Builder {
        private final Driver driver;
        private final int number;
        private Long lapTime;
        private boolean lapTimeDerived;
        private boolean incomplete;
        private Integer position;
        private String compound;
        private Integer tyreLife;
        private Boolean freshTyre;
        private Integer stint;
        private boolean pitIn;
        private boolean pitOut;
        private String trackStatus;
        private Long sector1;
        private Long sector2;
        private Long sector3;
        private Long startTime;
        private Long endTime;

        private Builder(Driver driver, int number) {
            this.driver = driver;
            this.number = number;
        }

        public Builder lapTime(Long millis) {
            this.lapTime = millis;
            this.lapTimeDerived = false;
            return this;
        }

        /** A lap time that is the sum of the three sector times, the archive having sent none. */
        public Builder derivedLapTime(long millis) {
            this.lapTime = millis;
            this.lapTimeDerived = true;
            return this;
        }

        public Builder incomplete(boolean value) {
            this.incomplete = value;
            return this;
        }

        public Builder position(Integer value) {
            this.position = value;
            return this;
        }

        /** The set of tyres the lap was driven on: compound, its age in laps on this lap, fresh when fitted, stint number. */
        public Builder tyres(String compound, Integer tyreLife, Boolean freshTyre, Integer stint) {
            this.compound = compound;
            this.tyreLife = tyreLife;
            this.freshTyre = freshTyre;
            this.stint = stint;
            return this;
        }

        public Builder pitIn(boolean value) {
            this.pitIn = value;
            return this;
        }

        public Builder pitOut(boolean value) {
            this.pitOut = value;
            return this;
        }

        public Builder trackStatus(String codes) {
            this.trackStatus = codes;
            return this;
        }

        public Builder sectors(Long first, Long second, Long third) {
            this.sector1 = first;
            this.sector2 = second;
            this.sector3 = third;
            return this;
        }

        /** Stream times (milliseconds since the stream began) at which the lap began and ended. */
        public Builder times(Long start, Long end) {
            this.startTime = start;
            this.endTime = end;
            return this;
        }

        public Lap build() {
            return new Lap(driver, number, lapTime, lapTimeDerived, incomplete, position, compound, tyreLife, freshTyre,
                    stint, pitIn, pitOut, trackStatus, sector1, sector2, sector3, startTime, endTime);
        }
    }
}
