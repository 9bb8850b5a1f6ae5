package dev.kafkapipeline.f1;

/** The sessions of the archive sample (f1-producer/archive-sample) that the tests read. */
public final class ArchiveFixtures {
    public static final String BAKU_2018_RACE = "2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race";
    public static final String MONZA_2021_FP2 = "2021/2021-09-12_Italian_Grand_Prix/2021-09-11_Practice_2";
    public static final String BAKU_2023_SPRINT = "2023/2023-04-30_Azerbaijan_Grand_Prix/2023-04-29_Sprint";
    public static final String MIAMI_2025_SPRINT = "2025/2025-05-04_Miami_Grand_Prix/2025-05-03_Sprint";

    private ArchiveFixtures() {}
}
