package dev.kassa.pspmock.settlement;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The injected discrepancies, by settlement day. */
interface Discrepancies extends Repository<Discrepancy, Long> {

    /** Inserts a new discrepancy (id 0) and answers it with the id it was given. */
    Discrepancy save(Discrepancy discrepancy);

    /** In the order they were injected, which is the order they are applied in. */
    List<Discrepancy> findByDateOrderById(LocalDate date);

    /** All of one day's, with one statement. */
    @Modifying
    @Query("DELETE FROM settlement_discrepancy WHERE settlement_date = :date")
    int deleteOn(LocalDate date);
}
