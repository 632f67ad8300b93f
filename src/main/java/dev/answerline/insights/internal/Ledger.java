package dev.answerline.insights.internal;

import dev.answerline.store.Database;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The insight tables: a flush adds a {@link Tally.Batch} to the day's sums in one transaction, so that
 * several nodes add up and a crash loses no half of a flush. Visitors are rows keyed by day, page and hash,
 * inserted when new: a node learns from the insert whether the visitor is new to that page that day on any
 * node, and only then adds one to the page's visitors.
 */
public final class Ledger {
    private static final String[] COLUMNS = {"views", "ai_reads", "cta_clicks", "signups", "confirmed"};
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;

    public Ledger(Database db) {
        this.db = db;
    }

    /** The salt of a day's visitor hashes: the one a node made first, for every node. */
    public String salt(String day) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        return db.write(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO insight_salt (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING")) {
                insert.setString(1, day);
                insert.setString(2, HexFormat.of().formatHex(fresh));
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement("SELECT salt FROM insight_salt WHERE day = ?")) {
                select.setString(1, day);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
    }

    /**
     * Deletes the salts and visitor hashes of days before {@code yesterday}: without its salt a hash can no
     * longer be matched to an address, and the day's visitor count is already in its sums.
     */
    public void forget(String yesterday) {
        db.write(c -> {
            for (String table : List.of("insight_salt", "insight_visitor")) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE day < ?")) {
                    delete.setString(1, yesterday);
                    delete.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * Adds a batch to the tables in one transaction.
     *
     * @return the visitors of the batch, all now in the database
     */
    public List<Tally.Visitor> write(Tally.Batch batch) {
        return db.write(c -> {
            // each row: the counts of Tally.Count, then the visitors new to the database
            Map<Tally.PageDay, long[]> pages = new HashMap<>();
            batch.pages().forEach((key, counts) -> pages.put(key, java.util.Arrays.copyOf(counts, COLUMNS.length + 1)));
            newVisitors(c, batch.visitors()).forEach((key, fresh) ->
                    pages.computeIfAbsent(key, k -> new long[COLUMNS.length + 1])[COLUMNS.length] += fresh);
            addPages(c, pages);
            addNamed(c, "insight_agent", "agent", "reads", batch.agents());
            addNamed(c, "insight_cta", "cta", "clicks", batch.ctas());
            addSources(c, batch.sources());
            addQueries(c, batch.queries());
            return batch.visitors();
        });
    }

    /** Inserts the visitors the database does not have yet; the count of new ones by page and day. */
    private static Map<Tally.PageDay, Long> newVisitors(Connection c, List<Tally.Visitor> visitors) throws SQLException {
        Map<Tally.PageDay, Long> fresh = new HashMap<>();
        if (visitors.isEmpty()) {
            return fresh;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO insight_visitor (day, path, hash)"
                + " VALUES (?, ?, ?) ON CONFLICT (day, path, hash) DO NOTHING")) {
            for (Tally.Visitor visitor : visitors) {
                insert.setString(1, visitor.day());
                insert.setString(2, visitor.path());
                insert.setLong(3, visitor.hash());
                insert.addBatch();
            }
            int[] inserted = insert.executeBatch();
            for (int i = 0; i < inserted.length; i++) {
                // PostgreSQL and SQLite both say 0 for a row that was there already
                if (inserted[i] > 0 || inserted[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                    Tally.Visitor visitor = visitors.get(i);
                    fresh.merge(new Tally.PageDay(visitor.day(), visitor.path()), 1L, Long::sum);
                }
            }
        }
        return fresh;
    }

    private static void addPages(Connection c, Map<Tally.PageDay, long[]> pages) throws SQLException {
        if (pages.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO insight_day (day, path, ");
        sql.append(String.join(", ", COLUMNS)).append(", visitors) VALUES (?, ?");
        sql.append(", ?".repeat(COLUMNS.length + 1)).append(") ON CONFLICT (day, path) DO UPDATE SET ");
        List<String> sums = new ArrayList<>();
        for (String column : COLUMNS) {
            sums.add(column + " = insight_day." + column + " + excluded." + column);
        }
        sums.add("visitors = insight_day.visitors + excluded.visitors");
        sql.append(String.join(", ", sums));
        try (PreparedStatement upsert = c.prepareStatement(sql.toString())) {
            for (Map.Entry<Tally.PageDay, long[]> page : pages.entrySet()) {
                upsert.setString(1, page.getKey().day());
                upsert.setString(2, page.getKey().path());
                long[] counts = page.getValue();
                for (int i = 0; i <= COLUMNS.length; i++) {
                    upsert.setLong(3 + i, counts[i]);
                }
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void addNamed(Connection c, String table, String column, String count,
            Map<Tally.Named, Long> counts) throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO " + table + " (day, path, " + column + ", "
                + count + ") VALUES (?, ?, ?, ?) ON CONFLICT (day, path, " + column + ") DO UPDATE SET " + count
                + " = " + table + "." + count + " + excluded." + count)) {
            for (Map.Entry<Tally.Named, Long> entry : counts.entrySet()) {
                upsert.setString(1, entry.getKey().day());
                upsert.setString(2, entry.getKey().path());
                upsert.setString(3, entry.getKey().name());
                upsert.setLong(4, entry.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void addSources(Connection c, Map<Tally.Source, Long> counts) throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO insight_source (day, path, kind, value, views)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (day, path, kind, value) DO UPDATE SET"
                + " views = insight_source.views + excluded.views")) {
            for (Map.Entry<Tally.Source, Long> entry : counts.entrySet()) {
                upsert.setString(1, entry.getKey().day());
                upsert.setString(2, entry.getKey().path());
                upsert.setString(3, entry.getKey().kind());
                upsert.setString(4, entry.getKey().value());
                upsert.setLong(5, entry.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void addQueries(Connection c, List<Tally.Query> queries) throws SQLException {
        if (queries.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO insight_query (day, query, searches, empty,"
                + " clicks, last_seen) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (day, query) DO UPDATE SET"
                + " searches = insight_query.searches + excluded.searches,"
                + " empty = insight_query.empty + excluded.empty, clicks = insight_query.clicks + excluded.clicks,"
                + " last_seen = CASE WHEN excluded.last_seen > insight_query.last_seen THEN excluded.last_seen"
                + " ELSE insight_query.last_seen END")) {
            for (Tally.Query query : queries) {
                upsert.setString(1, query.day());
                upsert.setString(2, query.query());
                upsert.setLong(3, query.searches());
                upsert.setLong(4, query.empty());
                upsert.setLong(5, query.clicks());
                upsert.setLong(6, query.lastSeen());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }
}
