package dev.kassa.payment.audit;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The audit trail: appended to by one INSERT in the transaction of each change, read newest first. */
interface AuditEvents extends Repository<AuditEvent, Long> {

    /** One row; {@code occurred_at} is the database's time of the transaction, as for the change itself. */
    @Modifying
    @Query("""
            INSERT INTO audit_event (actor, credential, client_address, request_id, action, target_type, target_id,
                                     merchant_id, detail)
            VALUES (:actor, :credential, :clientAddress, :requestId, :action, :targetType, :targetId, :merchantId,
                    :detail)""")
    void insert(String actor, String credential, String clientAddress, String requestId, String action,
                String targetType, String targetId, String merchantId, String detail);

    @Query("SELECT * FROM audit_event WHERE target_id = :targetId ORDER BY id DESC LIMIT :limit")
    List<AuditEvent> findByTargetNewestFirst(String targetId, int limit);

    @Query("SELECT * FROM audit_event ORDER BY id DESC LIMIT :limit")
    List<AuditEvent> findNewestFirst(int limit);
}
