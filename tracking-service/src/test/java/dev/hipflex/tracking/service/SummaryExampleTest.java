package dev.hipflex.tracking.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

import dev.hipflex.tracking.domain.Summary;
import dev.hipflex.tracking.domain.SummaryHistories;

/**
 * The example summary under docs/ for a reader: the Bundle (docs/summary-example.fhir.json) must be what the code
 * makes of the example today. {@code -Dhipflex.docs.update} writes it again, with the PDF page rendered as
 * docs/summary-example.png.
 */
class SummaryExampleTest {

    static final Path DOCS = Path.of("..", "docs");

    @Test
    void theExampleBundleUnderDocsIsTheCurrentOne() throws IOException {
        Summary example = SummaryHistories.example();
        String bundle = new SummaryFhir().json(example) + "\n";
        Path file = DOCS.resolve("summary-example.fhir.json");
        if (Boolean.getBoolean("hipflex.docs.update")) {
            Files.writeString(file, bundle, StandardCharsets.UTF_8);
            try (PDDocument document = Loader.loadPDF(new SummaryPdf().render(example))) {
                BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110, ImageType.RGB);
                ImageIO.write(page, "png", DOCS.resolve("summary-example.png").toFile());
            }
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("docs/summary-example.fhir.json is out of date: run this test with -Dhipflex.docs.update")
                .isEqualTo(bundle);
    }
}
