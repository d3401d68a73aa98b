/**
 * The narrative as text before any markup: headings, paragraphs, the summary table and nested bullets whose
 * spans are plain or emphasised. {@link com.almreporting.report.narrative.NarrativeComposer} composes it once
 * from the report model with the shared {@link com.almreporting.report.format.Wording}; the Markdown and HTML
 * renderers only serialise it, so their structure and wording cannot drift apart.
 */
package com.almreporting.report.narrative;
