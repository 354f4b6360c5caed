package dev.kassa.wallet.api;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

/** The wallets' movements, read page by page (index wallet_movement_account_seq). */
interface Movements extends Repository<Movement, UUID> {

    /** The account's movements strictly older than {@code seq}, newest first. */
    List<Movement> findByAccountIdAndSeqLessThanOrderBySeqDesc(String accountId, long seq, Limit limit);
}
