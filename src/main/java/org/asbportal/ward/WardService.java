package org.asbportal.ward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.asbportal.web.ReferenceData;

/**
 * Reads the partnership's wards, held in memory ({@link ReferenceData}, kind {@value #WARDS}) until
 * they are replaced.
 */
@ApplicationScoped
public class WardService {

    /** The kind of reference data the wards are: replacing them calls {@link ReferenceData#changed}. */
    public static final String WARDS = "wards";

    private record Wards(List<WardRef> byName, Map<String, WardRef> byCode, Map<String, Integer> populations) {
    }

    private final ReferenceData.Held<Wards> held;
    private final ReferenceData.Held<String> boundaries;

    public WardService(ReferenceData reference, ObjectMapper json) {
        this.held = reference.hold(WardService::load, WARDS);
        this.boundaries = reference.hold(() -> featureCollection(json), WARDS);
    }

    /** The wards' boundaries as one GeoJSON FeatureCollection, each feature with its ward's code and name. */
    public String boundaries() {
        return boundaries.get();
    }

    private static String featureCollection(ObjectMapper json) {
        StringBuilder features = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        List<Object[]> rows = Ward.getEntityManager().createNativeQuery(
                "SELECT code, name, boundary FROM ward WHERE boundary IS NOT NULL ORDER BY name", Object[].class).getResultList();
        for (Object[] ward : rows) {
            try {
                features.append(first ? "" : ",").append("{\"type\":\"Feature\",\"properties\":")
                        .append(json.writeValueAsString(Map.of("code", ward[0], "name", ward[1])))
                        .append(",\"geometry\":").append(ward[2]).append('}');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A ward's name could not be written", e);
            }
            first = false;
        }
        return features.append("]}").toString();
    }

    private static Wards load() {
        List<Ward> wards = Ward.listByName();
        List<WardRef> byName = wards.stream().map(w -> new WardRef(w.code, w.name)).toList();
        Map<String, WardRef> byCode = new LinkedHashMap<>();
        byName.forEach(w -> byCode.put(w.code(), w));
        Map<String, Integer> populations = new LinkedHashMap<>();
        wards.stream().filter(w -> w.population != null).forEach(w -> populations.put(w.code, w.population));
        return new Wards(byName, Collections.unmodifiableMap(byCode), Collections.unmodifiableMap(populations));
    }

    /** Every ward, by name. */
    public List<WardRef> all() {
        return held.get().byName();
    }

    public Optional<WardRef> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(held.get().byCode().get(code));
    }

    /** Residents of each ward whose population is recorded, by ward code. */
    public Map<String, Integer> populations() {
        return held.get().populations();
    }
}
