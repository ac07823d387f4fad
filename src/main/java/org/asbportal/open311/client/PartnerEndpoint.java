package org.asbportal.open311.client;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.asbportal.triage.TriageQueue;

/** A partner's Open311 server that one triage queue hands its cases out to. */
@Entity
@Table(name = "partner_endpoint")
public class PartnerEndpoint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "queue_id")
    public TriageQueue queue;

    /** The partner's name as victims are told it: "Bedford Housing Trust". */
    public String name;

    /** The GeoReport v2 base URL, ending before {@code requests.json}. */
    @Column(name = "base_url")
    public String baseUrl;

    public String jurisdiction;

    /** The API key the partner gave us, sealed with the portal's secret; null when they need none. */
    @Column(name = "api_key_sealed")
    public String apiKeySealed;

    /** "CATEGORY=service_code" lines. */
    @Column(name = "service_codes")
    public String serviceCodes;

    public boolean active;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

    /** Our kinds of behaviour mapped to the partner's service codes. */
    public Map<String, String> serviceCodeMap() {
        return parse(serviceCodes);
    }

    static Map<String, String> parse(String lines) {
        Map<String, String> map = new LinkedHashMap<>();
        if (lines == null) {
            return map;
        }
        for (String line : lines.split("\\R")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                map.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        return map;
    }

    public static Optional<PartnerEndpoint> findByQueue(TriageQueue queue) {
        return find("queue", queue).firstResultOptional();
    }
}
