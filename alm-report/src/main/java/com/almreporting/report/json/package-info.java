/**
 * The narrative report as JSON for other programs. The document is versioned ({@code "schemaVersion": "1.0"})
 * and described by the JSON Schema (draft 2020-12) {@code narrative-report-1.0.schema.json}, shipped in this
 * package's resources and checked against the renderer's output in the tests. Versioning: a 1.x release only
 * adds members; renaming, removing or changing the meaning of a member makes version 2.0 with a new schema file.
 * Figures are strings holding exact decimals, never JSON numbers, so that no consumer reads money as a binary
 * floating-point value.
 */
package com.almreporting.report.json;
