package dev.hipflex.tracking.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import dev.hipflex.tracking.domain.Adherence;
import dev.hipflex.tracking.domain.Summary;

/**
 * A person's {@link Summary} on one A4 page a person prints or shows: what hurts and since when, the red flags found,
 * the plan with its doses, adherence, experiments, and pain and function (the PSFS mean of each assessment) over time
 * as two small charts side by side at the foot of the page. Lists longer than their room end with "and N more", so the
 * page never overflows.
 */
@ApplicationScoped
public class SummaryPdf {

    public static final String MEDIA_TYPE = "application/pdf";

    static final int MOST_RED_FLAGS = 6;
    static final int MOST_EXERCISES = 12;

    private static final float MARGIN = 42;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float CHART_BOTTOM = 70;
    private static final float CHART_HEIGHT = 150;
    /** The function chart's width, right of the pain chart. */
    private static final float FUNCTION_WIDTH = 150;
    private static final float CHART_GAP = 24;
    /** Text stops where the chart and its title still fit under it. */
    private static final float TEXT_BOTTOM = CHART_BOTTOM + CHART_HEIGHT + 30;

    public byte[] render(Summary summary) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                new Page(content).draw(summary);
            }
            document.getDocumentInformation().setTitle("hipflex summary");
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of text, top down, then the chart at the foot of the page. */
    private static final class Page {

        private final PDPageContentStream content;
        private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private float y = PDRectangle.A4.getHeight() - MARGIN;

        Page(PDPageContentStream content) {
            this.content = content;
        }

        void draw(Summary summary) throws IOException {
            text(bold, 16, "Hip pain summary for a physiotherapist");
            text(regular, 9, "Person (pseudonymous id): " + summary.person() + "   Figures as of " + summary.asOf()
                    + "   Made by hipflex from the person's own records; not a diagnosis.");
            y -= 6;
            whatHurts(summary);
            recommendation(summary.recommendation());
            plan(summary);
            adherence(summary.adherence());
            experiments(summary.experiments());
            float bottom = chart(summary.pain(), summary.asOf());
            function(summary.function(), bottom);
        }

        private void whatHurts(Summary summary) throws IOException {
            heading("What hurts and since when");
            Summary.Recommendation recommendation = summary.recommendation();
            if (recommendation == null) {
                text(regular, 10, "No symptom check is on record.");
                return;
            }
            String where = recommendation.input("painLocations").orElse("not among the answers the rules read");
            String side = recommendation.input("side").map(s -> " (" + s + ")").orElse("");
            text(regular, 10, "Where: " + where + side);
            LocalDate checked = LocalDate.ofInstant(recommendation.at(), ZoneOffset.UTC);
            String since = recommendation.input("daysSinceOnset").filter(d -> d.matches("\\d+"))
                    .map(d -> "about " + checked.minusDays(Long.parseLong(d)) + " (" + d
                            + " days before the symptom check of " + checked + ")")
                    .orElse("symptom check on " + checked + firstRating(summary));
            text(regular, 10, "Since: " + since);
            Optional<String> intensity = recommendation.input("intensity");
            if (intensity.isPresent()) {
                text(regular, 10, "Pain at the symptom check: " + intensity.get() + " of 10");
            }
        }

        private static String firstRating(Summary summary) {
            return summary.pain().isEmpty() ? "" : "; first pain rating here on " + summary.pain().get(0).day();
        }

        private void recommendation(Summary.Recommendation recommendation) throws IOException {
            heading("Red flags found");
            if (recommendation == null) {
                text(regular, 10, "None on record (no symptom check).");
                return;
            }
            text(regular, 10, "Latest recommendation: " + recommendation.level().replace('-', ' ') + " ("
                    + LocalDate.ofInstant(recommendation.at(), ZoneOffset.UTC) + ")");
            List<Summary.FiredRule> flags = recommendation.redFlags();
            if (flags.isEmpty()) {
                text(regular, 10, "No red flags found.");
            }
            List<String> lines = new ArrayList<>();
            flags.forEach(flag -> lines.add(flag.rule() + (flag.because().isEmpty() ? "" : ": " + flag.because())));
            list(lines, MOST_RED_FLAGS, bold);
        }

        private void plan(Summary summary) throws IOException {
            heading("The plan");
            Summary.PlanOutline plan = summary.plan();
            if (plan == null) {
                text(regular, 10, "No plan started.");
                return;
            }
            text(regular, 10, "Protocol " + plan.protocol() + ", " + plan.status() + ", day 1 was " + plan.startDate());
            List<String> lines = new ArrayList<>();
            Summary.Recommendation recommendation = summary.recommendation();
            if (recommendation != null && !recommendation.exercises().isEmpty()) {
                for (Summary.Exercise exercise : recommendation.exercises()) {
                    String dose = exercise.dose() == null ? "" : exercise.dose().words();
                    lines.add(exercise.phase() + ": " + exercise.exercise() + (dose.isEmpty() ? "" : " - " + dose));
                }
            } else {
                lines.addAll(plan.exercises());
            }
            list(lines, MOST_EXERCISES, regular);
        }

        private void adherence(Adherence adherence) throws IOException {
            heading("Adherence");
            if (adherence == null) {
                text(regular, 10, "No plan, so nothing expected yet.");
                return;
            }
            text(regular, 10, String.format(Locale.ROOT, "Overall: %.1f %% of the sessions expected so far. "
                    + "Current streak %d days, longest %d days. Plan day %d.", adherence.overallPercent(),
                    adherence.currentStreak(), adherence.longestStreak(), adherence.planDay()));
            List<String> weeks = new ArrayList<>();
            for (Adherence.Week week : adherence.weeks()) {
                weeks.add("week " + week.week() + (week.complete() ? ": " : " so far: ") + week.done() + " of "
                        + (week.complete() ? week.expected() : week.target())
                        + (week.unit() == Adherence.Unit.DAYS ? " days" : " sessions"));
            }
            if (!weeks.isEmpty()) {
                text(regular, 9, String.join("; ", weeks));
            }
            Adherence.PainTrend trend = adherence.painTrend();
            if (trend != null && trend.latest() != null) {
                text(regular, 10, String.format(Locale.ROOT, "Weekly pain: %.1f in week %d, %.1f in week %d (%s).",
                        trend.first().average(), trend.first().week(), trend.latest().average(), trend.latest().week(),
                        trend.direction().word()));
            }
        }

        private void experiments(List<Summary.ExperimentResult> results) throws IOException {
            if (results.isEmpty()) {
                return;
            }
            heading("Root-cause experiments (one change at a time)");
            List<String> lines = new ArrayList<>();
            for (Summary.ExperimentResult r : results) {
                lines.add(String.format(Locale.ROOT, "%s, %s to %s: %s (%s)%s%s%s", r.checklistItem(), r.start(),
                        r.end(), r.outcome(), r.endReason(),
                        r.baselineMean() == null ? "" : String.format(Locale.ROOT, "; waking pain %.1f before",
                                r.baselineMean()),
                        r.changeMean() == null ? "" : String.format(Locale.ROOT, ", %.1f with the change",
                                r.changeMean()),
                        (r.p() == null ? "" : String.format(Locale.ROOT, ", p = %.3f", r.p()))
                                + (r.confirmation() == null ? "" : "; undone to confirm: " + r.confirmation())));
            }
            list(lines, 3, regular);
        }

        /**
         * The pain chart right under the text; the text stops high enough for it to fit above the margin. Answers the
         * charts' bottom.
         */
        private float chart(List<Summary.PainRating> pain, LocalDate asOf) throws IOException {
            float left = MARGIN + 20;
            float width = WIDTH - 20 - FUNCTION_WIDTH - CHART_GAP;
            float bottom = Math.max(CHART_BOTTOM, y - 30 - CHART_HEIGHT);
            content.setFont(bold, 10);
            write(MARGIN, bottom + CHART_HEIGHT + 12, "Pain over time (0-10): dots are check-ins, squares sessions");
            content.setLineWidth(0.4f);
            content.setStrokingColor(0.75f);
            for (int level = 0; level <= 10; level += 5) {
                float at = bottom + CHART_HEIGHT * level / 10f;
                content.moveTo(left, at);
                content.lineTo(left + width, at);
                content.stroke();
                content.setFont(regular, 8);
                write(MARGIN + 4, at - 3, String.valueOf(level));
            }
            if (pain.isEmpty()) {
                content.setFont(regular, 10);
                write(left + 10, bottom + CHART_HEIGHT / 2, "No pain ratings yet.");
                return bottom;
            }
            LocalDate first = pain.get(0).day();
            long span = Math.max(1, ChronoUnit.DAYS.between(first, asOf));
            content.setFont(regular, 8);
            write(left, bottom - 12, first.toString());
            write(left + width - 40, bottom - 12, asOf.toString());
            content.setNonStrokingColor(0.1f, 0.3f, 0.7f);
            for (Summary.PainRating rating : pain) {
                float x = left + width * ChronoUnit.DAYS.between(first, rating.day()) / span;
                float yAt = bottom + (float) (CHART_HEIGHT * rating.pain() / 10);
                if (rating.source() == Summary.PainRating.Source.CHECK_IN) {
                    dot(x, yAt);
                } else {
                    content.addRect(x - 2, yAt - 2, 4, 4);
                }
            }
            content.fill();
            content.setNonStrokingColor(0f);
            return bottom;
        }

        /**
         * Function over time: one bar per PSFS assessment (its mean, 0-10, higher is better), each with its figure
         * above and its plan week below, right of the pain chart.
         */
        private void function(List<Summary.FunctionAssessment> function, float bottom) throws IOException {
            float left = MARGIN + WIDTH - FUNCTION_WIDTH;
            content.setFont(bold, 10);
            write(left, bottom + CHART_HEIGHT + 12, "Function (PSFS mean, 0-10)");
            content.setLineWidth(0.4f);
            content.setStrokingColor(0.75f);
            content.moveTo(left, bottom);
            content.lineTo(left + FUNCTION_WIDTH, bottom);
            content.stroke();
            if (function.isEmpty()) {
                content.setFont(regular, 9);
                write(left + 4, bottom + CHART_HEIGHT / 2, "No PSFS recorded yet.");
                return;
            }
            int count = function.size();
            float slot = FUNCTION_WIDTH / Math.max(count, 4);
            for (int i = 0; i < count; i++) {
                Summary.FunctionAssessment assessment = function.get(i);
                float x = left + i * slot + slot * 0.2f;
                float height = (float) (CHART_HEIGHT * assessment.mean() / 10);
                content.setNonStrokingColor(0.11f, 0.42f, 0.22f);
                content.addRect(x, bottom, slot * 0.6f, height);
                content.fill();
                content.setNonStrokingColor(0f);
                content.setFont(regular, 8);
                write(x, bottom + height + 3, String.format(Locale.ROOT, "%.1f", assessment.mean()));
                write(x, bottom - 12, "wk " + assessment.week());
            }
        }

        private void dot(float x, float yAt) throws IOException {
            float k = 2.2f * 0.5523f;
            content.moveTo(x - 2.2f, yAt);
            content.curveTo(x - 2.2f, yAt + k, x - k, yAt + 2.2f, x, yAt + 2.2f);
            content.curveTo(x + k, yAt + 2.2f, x + 2.2f, yAt + k, x + 2.2f, yAt);
            content.curveTo(x + 2.2f, yAt - k, x + k, yAt - 2.2f, x, yAt - 2.2f);
            content.curveTo(x - k, yAt - 2.2f, x - 2.2f, yAt - k, x - 2.2f, yAt);
            content.closePath();
        }

        private void heading(String heading) throws IOException {
            y -= 6;
            text(bold, 12, heading);
        }

        /** The first {@code most} items, one a line, then how many were left out. */
        private void list(List<String> items, int most, PDFont font) throws IOException {
            for (String item : items.subList(0, Math.min(most, items.size()))) {
                text(font, 9, "- " + item);
            }
            if (items.size() > most) {
                text(regular, 9, "and " + (items.size() - most) + " more");
            }
        }

        /** Writes {@code line} wrapped to the page's width. */
        private void text(PDFont font, float size, String line) throws IOException {
            content.setFont(font, size);
            for (String part : wrap(font, size, printable(line))) {
                if (y - size * 1.3f < TEXT_BOTTOM) {
                    return;
                }
                y -= size * 1.3f;
                write(MARGIN, y, part);
            }
        }

        private void write(float x, float at, String text) throws IOException {
            content.beginText();
            content.newLineAtOffset(x, at);
            content.showText(printable(text));
            content.endText();
        }

        private static List<String> wrap(PDFont font, float size, String line) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : line.split(" ")) {
                String next = current.isEmpty() ? word : current + " " + word;
                if (!current.isEmpty() && font.getStringWidth(next) / 1000 * size > WIDTH) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(next);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        /** The standard fonts cover Latin-1 only: anything else shows as '?'. */
        private static String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> out.append(c >= 32 && c < 256 ? (char) c : '?'));
            return out.toString();
        }
    }
}
