package org.asbportal.report;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** How residents' files are shown: their kind in words, their size, a row of a case's list. */
public final class EvidenceViews {

    /** A file of a report as staff see it listed, with where to download it. */
    public record EvidenceFile(long id, String name, String kind, String size, Instant addedAt, String addedBy,
            String downloadHref) {
    }

    /** A file to send as a download: its name, its kind and its bytes. */
    public record Download(String fileName, String mediaType, byte[] content) {
    }

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("image/jpeg", "JPEG image"),
            Map.entry("image/png", "PNG image"),
            Map.entry("image/gif", "GIF image"),
            Map.entry("image/webp", "WebP image"),
            Map.entry("image/heic", "HEIC image"),
            Map.entry("image/heif", "HEIF image"),
            Map.entry("audio/mpeg", "MP3 audio"),
            Map.entry("audio/mp4", "M4A audio"),
            Map.entry("audio/vnd.wave", "WAV audio"),
            Map.entry("audio/ogg", "OGG audio"),
            Map.entry("audio/vorbis", "OGG audio"),
            Map.entry("audio/opus", "OGG audio"),
            Map.entry("application/ogg", "OGG audio"),
            Map.entry("video/mp4", "MP4 video"),
            Map.entry("video/quicktime", "MOV video"),
            Map.entry("application/pdf", "PDF document"),
            Map.entry("text/plain", "Text document"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document"),
            Map.entry("application/vnd.oasis.opendocument.text", "OpenDocument text"));

    private EvidenceViews() {
    }

    /** The kind of file in words: "JPEG image". */
    public static String label(String mediaType) {
        return LABELS.getOrDefault(mediaType, mediaType);
    }

    /** A size in words: "820 KB", "1.4 MB". */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        double megabytes = bytes / (1024.0 * 1024.0);
        return megabytes == Math.floor(megabytes) ? (long) megabytes + " MB"
                : String.format(Locale.UK, "%.1f MB", megabytes);
    }

    /** "JPEG image, 1.4 MB". */
    static String describe(Evidence evidence) {
        return label(evidence.mediaType) + ", " + size(evidence.sizeBytes);
    }
}
