package dev.kassa.payment.merchant;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The merchants: created once per id (insert-if-absent), saved back under their version. */
interface Merchants extends Repository<Merchant, String> {

    /** Inserts the merchant unless its id exists; concurrent creations serialize on the primary key. */
    @Modifying
    @Query("""
            INSERT INTO merchant (merchant_id, name, created_by, version) VALUES (:merchantId, :name, :createdBy, 0)
            ON CONFLICT (merchant_id) DO NOTHING""")
    boolean insertIfAbsent(String merchantId, String name, String createdBy);

    Optional<Merchant> findById(String merchantId);

    /** @throws org.springframework.dao.OptimisticLockingFailureException when another save came first */
    Merchant save(Merchant merchant);

    @Query("SELECT * FROM merchant ORDER BY created_at DESC, merchant_id LIMIT :limit")
    List<Merchant> findNewestFirst(int limit);
}
