package io.verbatim.shopping.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.SingleRoundTrip;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rows of tus uploads as a PATCH reads and commits them. A PATCH pays two database round trips: the upload with
 * the caller's right to write it (one statement), and the new offset's synchronous commit ({@link SingleRoundTrip}:
 * settings, statement and commit sent together), instead of two transactions of several round trips each.
 */
@Component
class UploadRows {

    private final JdbcClient jdbc;
    private final ShopperEvaluations evaluations;
    private final SingleRoundTrip oneTrip;
    private final TransactionTemplate transaction;

    UploadRows(JdbcClient jdbc, ShopperEvaluations evaluations, SingleRoundTrip oneTrip, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.evaluations = evaluations;
        this.oneTrip = oneTrip;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A synchronous commit in one round trip to the database (settings, update, commit together): durable on return. */
    void commitOffset(UUID uploadId, long offset) {
        oneTrip.commit("UPDATE evaluation_uploads SET upload_offset = ?, updated_at = now() WHERE id = ?", (rs, n) -> null,
                offset, uploadId);
    }

    /**
     * The upload, if the caller may add media to its evaluation: the common case (the evaluation's shopper, or an
     * admin who sees the whole company) is one statement in one round trip, as each PATCH pays it; anything else takes
     * the general path, which answers 404 or 403 as for any request.
     */
    TusUploads.Upload writableUpload(UUID evaluationId, UUID uploadId) {
        CurrentUser user = CurrentUser.require();
        List<TusUploads.Upload> rows = oneTrip.commit("""
                SELECT u.upload_length, u.upload_offset, u.filename, u.content_type, u.completed_at, e.shopper_id
                FROM evaluation_uploads u JOIN shopper_evaluations e ON e.id = u.evaluation_id
                WHERE u.id = ? AND u.evaluation_id = ? AND e.deleted_at IS NULL""",
                (rs, n) -> {
                    boolean shopper = user.role() == Role.AGENT && user.userId().equals(rs.getObject("shopper_id", UUID.class));
                    boolean admin = user.role().administers() && user.role().seesWholeTenant();
                    return shopper || admin ? upload(uploadId, evaluationId, rs) : null;
                }, uploadId, evaluationId);
        if (rows.size() == 1 && rows.getFirst() != null) {
            return rows.getFirst();
        }
        return transaction.execute(tx -> {
            writable(evaluationId);
            return find(evaluationId, uploadId);
        });
    }

    private static TusUploads.Upload upload(UUID uploadId, UUID evaluationId, ResultSet rs) throws SQLException {
        return new TusUploads.Upload(uploadId, evaluationId, rs.getLong("upload_length"), rs.getLong("upload_offset"),
                rs.getString("filename"), rs.getString("content_type"), rs.getTimestamp("completed_at") != null);
    }

    /** The evaluation, if the caller may add media to it: its shopper, or an admin. */
    ShopperEvaluation writable(UUID evaluationId) {
        ShopperEvaluation e = evaluations.visible(evaluationId);
        CurrentUser user = CurrentUser.require();
        if (!user.role().administers() && !(user.role() == Role.AGENT && e.shopperId().equals(user.userId()))) {
            throw ProblemException.forbidden("Only the evaluation's shopper adds media to it");
        }
        return e;
    }

    TusUploads.Upload find(UUID evaluationId, UUID uploadId) {
        return jdbc.sql("SELECT * FROM evaluation_uploads WHERE id = ? AND evaluation_id = ?").params(uploadId, evaluationId)
                .query((rs, n) -> upload(uploadId, evaluationId, rs))
                .optional().orElseThrow(() -> ProblemException.notFound("Upload " + uploadId));
    }
}
