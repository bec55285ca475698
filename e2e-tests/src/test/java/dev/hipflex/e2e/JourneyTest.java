package dev.hipflex.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A journey through the shared platform, watched by an analytics consumer of every topic. */
abstract class JourneyTest {

    static Platform platform;
    static Analytics analytics;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        analytics = new Analytics(platform);
    }

    @AfterAll
    static void close() {
        analytics.close();
    }
}
