/**
 * The public library API of ALM Reporting: {@link com.almreporting.api.AlmReporting}, the one entry point for an
 * application that embeds the narrative NAV reports. Build it in memory, on the application's
 * {@link javax.sql.DataSource}, on the embedded PostgreSQL or from the environment; ingest Flex statements; build
 * the report model ({@link com.almreporting.domain.report.NarrativeReport}) of a date range; render it as Markdown,
 * HTML or JSON.
 *
 * <pre>{@code
 * try (AlmReporting alm = AlmReporting.inMemory()) {
 *     alm.ingest(Path.of("U1234567_MTD.xml"));
 *     NarrativeReport report = alm.report(LocalDate.of(2025, 7, 17), LocalDate.of(2025, 7, 18));
 *     String markdown = alm.render(report, AlmReporting.Format.MARKDOWN);
 * }
 * }</pre>
 *
 * <p>Everything else in this module is package-private; the domain types the facade returns
 * ({@code NarrativeReport}, {@code AccountId}, {@code IngestCounts}, the exceptions) are part of the API too.
 */
package com.almreporting.api;
