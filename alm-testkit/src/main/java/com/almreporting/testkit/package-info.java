/**
 * A replay harness for tests of applications that embed ALM Reporting: {@link com.almreporting.testkit.Replay}
 * builds the narrative report in memory (no database) from Flex XML on the classpath or on disk, and
 * {@link com.almreporting.testkit.AlmAssertions} asserts its figures fluently, day by day, block by block.
 *
 * <pre>{@code
 * NarrativeReport report = Replay.fromClasspath(Replay.GROUND_TRUTH).report("2025-07-17", "2025-07-18");
 * assertThat(report).day("2025-07-18").closingNav().isEqualTo("79231.03");
 * }</pre>
 *
 * <p>The ground-truth statement of DESIGN §7 (July 16–18, 2025) is bundled as the classpath resource
 * {@value com.almreporting.testkit.Replay#GROUND_TRUTH}.
 */
package com.almreporting.testkit;
