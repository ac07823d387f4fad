package org.asbportal.report;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** Photos, audio, video and documents residents attach to a report ({@code asb.evidence.*}). */
@ConfigMapping(prefix = "asb.evidence")
public interface EvidenceConfig {

    /**
     * Most files a report holds: sent with it and added later on {@code /track} together
     * (ASB_EVIDENCE_MAX_FILES, 5).
     */
    @WithDefault("5")
    int maxFiles();

    /**
     * Largest file (ASB_EVIDENCE_MAX_FILE_SIZE, 10M). Files are stored in the database: MariaDB's
     * max_allowed_packet (16M by default) must stay above it.
     */
    @WithDefault("10M")
    MemorySize maxFileSize();

    /**
     * Largest image, in pixels (ASB_EVIDENCE_MAX_IMAGE_PIXELS, 50 million): images are decoded to be
     * stored without their metadata, and a small file can hold a very large picture.
     */
    @WithDefault("50000000")
    long maxImagePixels();

    /**
     * The kinds of file taken, as detected from their content, never their name
     * (ASB_EVIDENCE_TYPES): photos, audio, video and documents. JPEG, PNG and GIF images are stored
     * re-encoded without metadata; an image kind that cannot be re-encoded (WebP, HEIC) is refused.
     */
    @WithDefault("image/jpeg,image/png,image/gif,audio/mpeg,audio/mp4,audio/vnd.wave,audio/ogg,audio/vorbis,audio/opus,"
            + "application/ogg,video/mp4,video/quicktime,application/pdf,text/plain,"
            + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
            + "application/vnd.oasis.opendocument.text")
    Set<String> types();
}
