package com.almreporting.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ArchiveNameTest {

    @Test
    void fileNamesFollowTheArchiveLayout() {
        ArchiveName name = ArchiveName.of("ALM_Daily", LocalDate.of(2025, 7, 18));
        assertThat(name.fileName()).isEqualTo("ALM_Daily_MTD_20250718.xml");
        assertThat(name.failedFileName()).isEqualTo("ALM_Daily_MTD_20250718.failed.xml");
        assertThat(name.relativePath()).isEqualTo("2025/07/ALM_Daily_MTD_20250718.xml");
        assertThat(name.month()).isEqualTo(YearMonth.of(2025, 7));
    }

    @Test
    void aQueryNameIsMadeSafeForAFileName() {
        assertThat(ArchiveName.of("ALM Daily/../x", LocalDate.of(2025, 7, 18)).queryName()).isEqualTo("ALM_Daily_.._x");
        assertThat(ArchiveName.of("../etc", LocalDate.of(2025, 7, 18)).queryName()).isEqualTo("etc");
        assertThat(ArchiveName.of("  ", LocalDate.of(2025, 7, 18)).queryName()).isEqualTo("query");
        assertThatThrownBy(() -> new ArchiveName("a/b", LocalDate.of(2025, 7, 18))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsingReadsArchivedNamesOnly() {
        assertThat(ArchiveName.parse("ALM_Daily_MTD_20250718.xml"))
                .hasValue(ArchiveName.of("ALM_Daily", LocalDate.of(2025, 7, 18)));
        assertThat(ArchiveName.parse("ALM_Daily_MTD_20250718.failed.xml")).isEmpty();
        assertThat(ArchiveName.parse("ALM_Daily_MTD_20251318.xml")).isEmpty();
        assertThat(ArchiveName.parse(".ALM_Daily_MTD_20250718.xml.tmp")).isEmpty();
    }

    @Test
    void aRequestEitherKeepsTheQueryPeriodOrOverridesAWholeMonth() {
        StatementRequest june = StatementRequest.month("123456", YearMonth.of(2025, 6));
        assertThat(june.from()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(june.to()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(june.month()).hasValue(YearMonth.of(2025, 6));
        assertThat(june).hasToString("query 123456 for 2025-06-01..2025-06-30");
        assertThat(StatementRequest.monthToDate(" 123456 ").queryId()).isEqualTo("123456");
        assertThat(StatementRequest.monthToDate("123456").overridesPeriod()).isFalse();
        assertThatThrownBy(() -> StatementRequest.monthToDate("12 34&t=x")).isInstanceOf(IllegalArgumentException.class);
    }
}
