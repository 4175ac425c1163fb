package io.verbatim.shopping.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A plain A4 text document written with PDFBox: headings and wrapped paragraphs, new pages as needed. The standard
 * Helvetica fonts cover Spanish and English (WinAnsi); any other character is written as "?" rather than failing.
 */
final class PdfText implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream page;
    private float y;

    PdfText(String title) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("Verbatim");
        newPage();
    }

    PdfText heading(String text) {
        space(6);
        return write(text, bold, 14);
    }

    PdfText subheading(String text) {
        space(4);
        return write(text, bold, 11);
    }

    PdfText line(String text) {
        return write(text, regular, 10);
    }

    /** A label in bold and its value on the same line (wrapped as one paragraph). */
    PdfText field(String label, Object value) {
        return write(label + ": " + (value == null ? "–" : value), regular, 10);
    }

    PdfText space(float points) {
        y -= points;
        return this;
    }

    byte[] toBytes() {
        try {
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        document.close();
    }

    private PdfText write(String text, PDType1Font font, float size) {
        try {
            for (String paragraph : (text == null ? "" : text).split("\n")) {
                for (String row : wrap(printable(paragraph, font), font, size)) {
                    if (y - size * 1.4f < MARGIN) {
                        page.close();
                        newPage();
                    }
                    y -= size * 1.4f;
                    page.beginText();
                    page.setFont(font, size);
                    page.newLineAtOffset(MARGIN, y);
                    page.showText(row);
                    page.endText();
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> wrap(String text, PDType1Font font, float size) throws IOException {
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = row.isEmpty() ? word : row + " " + word;
            if (!row.isEmpty() && font.getStringWidth(candidate) / 1000 * size > WIDTH) {
                rows.add(row.toString());
                row = new StringBuilder(word);
            } else {
                row = new StringBuilder(candidate);
            }
        }
        rows.add(row.toString());
        return rows;
    }

    private static String printable(String text, PDType1Font font) {
        StringBuilder out = new StringBuilder(text.length());
        text.replace('\t', ' ').codePoints().forEach(c -> {
            String s = Character.toString(c);
            try {
                font.encode(s);
                out.append(s);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private void newPage() {
        try {
            PDPage p = new PDPage(PDRectangle.A4);
            document.addPage(p);
            page = new PDPageContentStream(document, p);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
