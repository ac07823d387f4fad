package org.asbportal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** The kinds of file residents send, as the cleaner tells them from their first bytes, and the names it keeps. */
class EvidenceCleanerTest {

    private static final EvidenceCleaner CLEANER = new EvidenceCleaner(null);

    /** The kinds taken by default: every one detected below must be among them. */
    private static final Set<String> TAKEN = Set.of("image/jpeg", "image/png", "image/gif", "audio/mpeg", "audio/mp4",
            "audio/vnd.wave", "audio/ogg", "audio/vorbis", "audio/opus", "application/ogg", "video/mp4", "video/quicktime",
            "application/pdf", "text/plain", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.oasis.opendocument.text");

    @Test
    void tellsTheKindsResidentsSendFromTheirContent() throws IOException {
        assertTaken("image/jpeg", EvidenceFiles.jpeg(8, 8), "IMG_0001.JPG");
        assertTaken("image/png", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'), "a.png");
        assertTaken("image/gif", "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1), "a.gif");
        assertTaken("application/pdf", EvidenceFiles.pdf(200), "letter.pdf");
        assertTaken("text/plain", EvidenceFiles.text("The van came back at 11pm.\n"), "notes.txt");
        assertTaken("audio/mpeg", withPadding(bytes('I', 'D', '3', 3, 0, 0, 0, 0, 0, 0)), "voice.mp3");
        assertTaken("audio/vnd.wave", withPadding("RIFF\u0024\u0000\u0000\u0000WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1)),
                "noise.wav");
        assertTaken("video/mp4", withPadding(bytes(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0)), "clip.mp4");
        assertTaken("video/quicktime", withPadding(bytes(0, 0, 0, 0x14, 'f', 't', 'y', 'p', 'q', 't', ' ', ' ', 0, 0, 0, 0)),
                "clip.mov");
        assertTaken("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                zip("[Content_Types].xml", "word/document.xml"), "statement.docx");
        assertTaken("application/vnd.oasis.opendocument.text", odt(), "statement.odt");
    }

    @Test
    void aNameDoesNotMakeAFileWhatItIsNot() {
        assertEquals("text/html", CLEANER.detect(EvidenceFiles.html(), "photo.jpg"));
        assertTrue(!TAKEN.contains(CLEANER.detect(EvidenceFiles.windowsProgram(), "cat.jpg")),
                CLEANER.detect(EvidenceFiles.windowsProgram(), "cat.jpg"));
        assertTrue(!TAKEN.contains(CLEANER.detect(EvidenceFiles.text("<p>hello</p>"), "page.html")));
    }

    @Test
    void keepsANameStaffCanReadAndNothingElse() {
        assertEquals("photo.jpg", EvidenceCleaner.safeName("C:\\Users\\sam\\photo.jpg"));
        assertEquals("photo.jpg", EvidenceCleaner.safeName("../../etc/photo.jpg"));
        assertEquals("a b.pdf", EvidenceCleaner.safeName("a\u0000 b\r\n.pdf"));
        assertEquals("file", EvidenceCleaner.safeName("  "));
        assertEquals(200, EvidenceCleaner.safeName("x".repeat(300) + ".txt").length());
    }

    private static void assertTaken(String expected, byte[] content, String name) {
        String detected = CLEANER.detect(content, name);
        assertEquals(expected, detected, name);
        assertTrue(TAKEN.contains(detected), name + " is a kind taken");
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] withPadding(byte[] start) {
        byte[] padded = new byte[512];
        System.arraycopy(start, 0, padded, 0, start.length);
        return padded;
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** An OpenDocument text: its first entry, stored uncompressed, names its type. */
    private static byte[] odt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] type = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry mimetype = new ZipEntry("mimetype");
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(type.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(type);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(type);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
