package org.asbportal.ward;

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

    public WardService(ReferenceData reference) {
        this.held = reference.hold(WardService::load, WARDS);
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
