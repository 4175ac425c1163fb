package io.verbatim.demo;

import io.verbatim.chat.PersonaSeeding;
import io.verbatim.documents.LibrarySeeding;
import io.verbatim.tenancy.TenantContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo tenant's library: a price list (PDF, two pages), a service policy (DOCX) and a sales playbook
 * (Markdown), written for Demo Company; a collection everyone reads and one only managers see; two personas.
 * The files are generated here from the text in {@code demo/library/}, so the repository holds no binaries.
 */
@Component
@Order(20)
class DemoLibrary implements ApplicationRunner {

    private final DemoSeed seed;
    private final LibrarySeeding library;
    private final PersonaSeeding personas;

    DemoLibrary(DemoSeed seed, LibrarySeeding library, PersonaSeeding personas) {
        this.seed = seed;
        this.library = library;
        this.personas = personas;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (seed.enabled()) {
            TenantContext.runAs(DemoSeed.DEMO, this::seed);
        }
    }

    void seed() {
        UUID everyone = library.ensureCollection("Customer knowledge", List.of("manager", "executive", "agent"));
        UUID managers = library.ensureCollection("Sales management", List.of("manager"));
        String prices = text("price-list.txt");
        library.ensureDocument(everyone, "Price list 2027", "price-list-2027.pdf", pdf(List.of(prices.split("\n===\n"))));
        library.ensureDocument(everyone, "Service policy", "service-policy.docx", docx(text("service-policy.txt")));
        library.ensureDocument(managers, "Sales playbook", "sales-playbook.md", text("sales-playbook.md").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        personas.ensurePersona("Support AI", "You help Demo Company's customer service team answer customers about prices, "
                + "appointments, warranties and refunds.", "friendly and precise",
                "I couldn't find that in our price list or service policy. Please check with a supervisor.", List.of(everyone), true);
        personas.ensurePersona("Sales AI", "You coach Demo Company's sales reps: pricing, discounts, objections and next steps.",
                "confident and concise", "The playbook and price list don't cover that; ask your sales manager.",
                List.of(everyone, managers), true);
    }

    private static String text(String name) {
        try (InputStream in = DemoLibrary.class.getResourceAsStream("/demo/library/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo/library/" + name + " is missing");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pdf(List<String> pages) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.setLeading(15);
                    content.newLineAtOffset(60, 730);
                    for (String line : text.strip().split("\n")) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] docx(String text) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String paragraph : text.strip().split("\n\n")) {
                doc.createParagraph().createRun().setText(paragraph.replace('\n', ' '));
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
