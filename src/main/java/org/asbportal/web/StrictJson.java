package org.asbportal.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * JSON bodies must be one value and nothing else: anything after it is an error, not ignored. A key
 * given twice in one object is refused rather than the last one silently winning, and no string,
 * number or nesting may be larger than anything the portal stores (the longest field is a
 * 4,000-character description), so a hostile body cannot make the parser hold huge values.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** The longest string value the parser reads: five times the longest field, room for any escaping. */
    public static final int MAX_STRING_LENGTH = 20_000;
    /** The deepest nesting of objects and arrays (ward boundaries' GeoJSON is the deepest, at about 6). */
    public static final int MAX_NESTING_DEPTH = 64;
    /** The most digits in a number. */
    public static final int MAX_NUMBER_LENGTH = 100;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
    }
}
