package io.verbatim.documents.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.tika.Tika;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * Text of a document, page by page where the format has pages. PDFs go through PDFBox one page at a time so
 * citations carry page numbers; everything else through Tika's parsers (one "page": the whole text). Markdown
 * and plain text are read as UTF-8 text (Tika has no Markdown parser).
 */
@Component
class TextExtractor {

    /** Page {@code number} (1-based; 0 for formats without pages) and its text. */
    record PageText(int number, String text) {
    }

    /** What the upload is, by content and name. */
    record Extracted(String contentType, List<PageText> pages, boolean truncated) {
    }

    private final Tika detector = new Tika();
    private final AutoDetectParser parser = new AutoDetectParser();
    private final DocumentProperties properties;

    TextExtractor(DocumentProperties properties) {
        this.properties = properties;
    }

    String detect(byte[] content, String filename) {
        String type = detector.detect(content, filename);
        String lower = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return "text/markdown";
        }
        return type;
    }

    Extracted extract(byte[] content, String filename) {
        String type = detect(content, filename);
        if (content.length == 0) {
            throw new ExtractionFailure("empty", "The file is empty");
        }
        List<PageText> pages;
        boolean[] truncated = {false};
        if (type.equals("application/pdf")) {
            pages = pdf(content, truncated);
        } else if (type.equals("text/markdown") || type.equals("text/x-web-markdown") || type.equals("text/plain")) {
            String text = new String(content, StandardCharsets.UTF_8);
            if (text.length() > properties.maxChars()) {
                text = text.substring(0, properties.maxChars());
                truncated[0] = true;
            }
            pages = List.of(new PageText(0, text));
        } else {
            pages = List.of(new PageText(0, tika(content, filename, truncated)));
        }
        if (pages.stream().allMatch(p -> p.text().isBlank())) {
            throw new ExtractionFailure("empty", type.equals("application/pdf")
                    ? "No text found: the PDF has no text layer (a scan needs OCR, which is not configured)"
                    : "No text found in the document");
        }
        return new Extracted(type, pages, truncated[0]);
    }

    private List<PageText> pdf(byte[] content, boolean[] truncated) {
        try (PDDocument doc = Loader.loadPDF(content)) {
            int count = doc.getNumberOfPages();
            if (count > properties.maxPages()) {
                throw new ExtractionFailure("too_many_pages", "The PDF has " + count + " pages; at most " + properties.maxPages() + " are allowed");
            }
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
                throw new ExtractionFailure("encrypted", "The PDF is encrypted and does not allow text extraction");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            List<PageText> pages = new ArrayList<>(count);
            long chars = 0;
            for (int page = 1; page <= count; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(doc);
                chars += text.length();
                if (chars > properties.maxChars()) {
                    truncated[0] = true;
                    break;
                }
                pages.add(new PageText(page, text));
            }
            return pages;
        } catch (InvalidPasswordException e) {
            throw new ExtractionFailure("encrypted", "The PDF is password-protected");
        } catch (IOException e) {
            throw new ExtractionFailure("corrupt", "The PDF cannot be read: " + e.getMessage());
        }
    }

    private String tika(byte[] content, String filename, boolean[] truncated) {
        BodyContentHandler handler = new BodyContentHandler(properties.maxChars());
        Metadata metadata = new Metadata();
        if (filename != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        }
        try (InputStream in = new ByteArrayInputStream(content)) {
            parser.parse(in, handler, metadata, new ParseContext());
        } catch (EncryptedDocumentException e) {
            throw new ExtractionFailure("encrypted", "The document is password-protected");
        } catch (SAXException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated[0] = true;
            } else {
                throw new ExtractionFailure("corrupt", "The document cannot be read: " + e.getMessage());
            }
        } catch (TikaException e) {
            if (e.getCause() instanceof org.apache.poi.EncryptedDocumentException || String.valueOf(e.getMessage()).contains("encrypt")) {
                throw new ExtractionFailure("encrypted", "The document is password-protected");
            }
            throw new ExtractionFailure("corrupt", "The document cannot be read: " + e.getMessage());
        } catch (IOException e) {
            throw new ExtractionFailure("corrupt", "The document cannot be read: " + e.getMessage());
        }
        return handler.toString();
    }
}
