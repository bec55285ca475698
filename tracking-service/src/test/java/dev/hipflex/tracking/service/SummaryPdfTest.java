package dev.hipflex.tracking.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import dev.hipflex.tracking.domain.Summary;
import dev.hipflex.tracking.domain.SummaryHistories;

/** The one-page PDF, read back with PDFBox's text extraction. */
class SummaryPdfTest {

    private final SummaryPdf pdf = new SummaryPdf();

    @Test
    void theExamplePageShowsItsKeyFigures() throws IOException {
        Summary summary = SummaryHistories.example();
        try (PDDocument document = Loader.loadPDF(pdf.render(summary))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("p-7f3e2c1a")
                    .contains("Where: front-of-hip, groin (left)")
                    .contains("Since: about 2026-09-09 (75 days before the symptom check of 2026-11-23)")
                    .contains("Latest recommendation: see professional")
                    .contains("RF-NEURO: signs = numbness, tingling")
                    .contains("strengthen: glute-bridge-hold - 3 sets x 12 reps, hold 5 s")
                    .contains(String.format(Locale.ROOT, "Overall: %.1f %%", summary.adherence().overallPercent()))
                    .contains("longest " + summary.adherence().longestStreak() + " days")
                    .contains("week 1: " + summary.adherence().weeks().get(0).done() + " of 7 days")
                    .contains("Pain over time (0-10)")
                    .contains("Root-cause experiments")
                    // The line wraps on the page: its parts, each within one printed line.
                    .contains("everyday-shoes, 2026-10-19 to 2026-11-08: helped (completed); waking pain 5.9 before")
                    .contains("undone to confirm: held")
                    .contains("Function (PSFS mean, 0-10)")
                    .contains("3.0").contains("5.7").contains("wk 0").contains("wk 4");
        }
    }

    @Test
    void everyGeneratedHistoryFitsOnePageWithItsFigures() throws IOException {
        for (long seed = 1; seed <= 200; seed++) {
            long which = seed;
            Summary summary = SummaryHistories.generate(seed);
            try (PDDocument document = Loader.loadPDF(pdf.render(summary))) {
                assertThat(document.getNumberOfPages()).isEqualTo(1);
                String text = new PDFTextStripper().getText(document);
                assertThat(text).as("seed %d", seed).contains(summary.person()).contains("Pain over time");
                if (summary.adherence() != null) {
                    assertThat(text).as("seed %d", seed).contains(String.format(Locale.ROOT, "Overall: %.1f %%",
                            summary.adherence().overallPercent()));
                }
                assertThat(text).as("seed %d", seed).contains("Function (PSFS mean, 0-10)");
                for (Summary.FunctionAssessment assessment : summary.function()) {
                    assertThat(text).as("seed %d", seed).contains("wk " + assessment.week())
                            .contains(String.format(Locale.ROOT, "%.1f", assessment.mean()));
                }
                if (summary.recommendation() != null) {
                    summary.recommendation().redFlags().stream().limit(SummaryPdf.MOST_RED_FLAGS)
                            .forEach(flag -> assertThat(text).as("seed %d", which).contains(flag.rule()));
                }
            }
        }
    }
}
