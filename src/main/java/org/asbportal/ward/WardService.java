package org.asbportal.ward;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Reads the partnership's wards. */
@ApplicationScoped
public class WardService {

    @Transactional
    public List<Ward> all() {
        return Ward.listByName();
    }

    @Transactional
    public Optional<Ward> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(Ward.findById(code));
    }
}
