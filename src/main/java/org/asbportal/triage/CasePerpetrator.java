package org.asbportal.triage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A perpetrator's link to one case (a report): who linked them and when. */
@Entity
@Table(name = "case_perpetrator")
@IdClass(CasePerpetrator.Key.class)
public class CasePerpetrator extends PanacheEntityBase {

    @Id
    @Column(name = "report_id")
    public Long reportId;

    @Id
    @Column(name = "perpetrator_id")
    public Long perpetratorId;

    @Column(name = "linked_by")
    public String linkedBy;

    @Column(name = "linked_at")
    public Instant linkedAt;

    public static boolean exists(Long reportId, Long perpetratorId) {
        return count("reportId = ?1 and perpetratorId = ?2", reportId, perpetratorId) > 0;
    }

    /** The other reports linked to any of these perpetrators, with the perpetrator they share. */
    public static List<CasePerpetrator> othersSharing(Long reportId, List<Long> perpetratorIds) {
        if (perpetratorIds.isEmpty()) {
            return List.of();
        }
        return list("perpetratorId in ?1 and reportId <> ?2 order by linkedAt", perpetratorIds, reportId);
    }

    /** The composite key: one link per report and perpetrator. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        public Long reportId;
        public Long perpetratorId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(reportId, key.reportId)
                    && Objects.equals(perpetratorId, key.perpetratorId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reportId, perpetratorId);
        }
    }
}
