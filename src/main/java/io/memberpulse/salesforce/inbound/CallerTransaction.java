package io.memberpulse.salesforce.inbound;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Runs SQL inside the transaction the caller opened with {@code Panache.withTransaction}, so that an
 * inbound effect commits together with the caller's own position (replay id, watermark) or not at
 * all. Refuses to run outside a transaction: an effect committed alone could be lost or doubled.
 * Parameters are positional ({@code ?1}, {@code ?2}, ...); batches travel as one JSON text
 * parameter expanded with {@code jsonb_to_recordset}, so a whole batch is one statement.
 */
@ApplicationScoped
class CallerTransaction {

    /** Executes a statement; answers the rows it touched. */
    Uni<Integer> execute(String sql, Object... parameters) {
        return session()
                .chain(session -> bind(session.<Object>createNativeQuery(sql), parameters).executeUpdate());
    }

    /** Runs a query of one text column and one row (e.g. a {@code json_agg(...)::text}); null when none. */
    Uni<String> text(String sql, Object... parameters) {
        return session()
                .chain(session -> bind(session.createNativeQuery(sql, String.class), parameters)
                        .getSingleResultOrNull());
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.currentTransaction()
                .invoke(CallerTransaction::requireTransaction)
                .chain(Panache::getSession);
    }

    private static void requireTransaction(Mutiny.Transaction transaction) {
        if (transaction == null) {
            throw new IllegalStateException("Inbound effects must run inside the caller's transaction "
                    + "(Panache.withTransaction)");
        }
    }

    private static <Q extends Mutiny.AbstractQuery> Q bind(Q query, Object... parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
