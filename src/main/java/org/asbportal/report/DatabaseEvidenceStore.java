package org.asbportal.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Keeps residents' files in the database (report_evidence_content, LONGBLOB), where every replica
 * reads them and backups include them. A file's bytes go with its row: deleting a draft deletes its
 * files and their bytes (foreign keys ON DELETE CASCADE).
 */
@ApplicationScoped
public class DatabaseEvidenceStore implements EvidenceStore {

    static final String NAME = "database";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void put(long evidenceId, byte[] content) {
        EvidenceContent row = new EvidenceContent();
        row.evidenceId = evidenceId;
        row.content = content;
        row.persist();
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public byte[] read(long evidenceId) {
        return EvidenceContent.<EvidenceContent>findByIdOptional(evidenceId).map(row -> row.content).orElse(new byte[0]);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void delete(long evidenceId) {
        EvidenceContent.deleteById(evidenceId);
    }
}
