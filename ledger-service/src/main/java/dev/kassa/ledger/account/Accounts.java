package dev.kassa.ledger.account;

import java.util.Optional;
import org.springframework.data.repository.Repository;

/** The accounts the ledger has posted to (accounts appear with their first line), with their totals. */
public interface Accounts extends Repository<Account, String> {

    Optional<Account> findById(String id);
}
