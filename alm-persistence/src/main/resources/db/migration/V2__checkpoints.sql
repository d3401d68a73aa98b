-- Checkpoints: the state a report carries out of a trading day (open FIFO lots, recognised premiums, the
-- calculated close), computed by the domain after each ingest, so that a report reads only the rows from the
-- checkpoint before its range on instead of the whole history. A checkpoint was computed from the rows dated
-- on or before its horizon: the triggers below drop it, in the same transaction, as soon as a trade, OptionEAE,
-- cash or NAV row dated on or before its horizon is inserted, updated (old or new date) or deleted.

CREATE TABLE alm_reporting.checkpoints (
    account_id        varchar(64)  NOT NULL,
    as_of             date         NOT NULL,
    since_date        date         NOT NULL,
    horizon           date         NOT NULL,
    settings          varchar(128) NOT NULL,
    base_currency     varchar(8),
    calculated_close  numeric,
    block_sequence    integer      NOT NULL,
    CONSTRAINT checkpoints_pk PRIMARY KEY (account_id, as_of),
    CONSTRAINT checkpoints_account_fk FOREIGN KEY (account_id) REFERENCES alm_reporting.accounts (account_id)
);

CREATE INDEX checkpoints_account_horizon_idx ON alm_reporting.checkpoints (account_id, horizon);

-- One row per open holding of a checkpoint (position: the book's order), its instrument as InstrumentColumns
-- keeps it everywhere else.
CREATE TABLE alm_reporting.checkpoint_holdings (
    account_id           varchar(64)  NOT NULL,
    as_of                date         NOT NULL,
    position             integer      NOT NULL,
    instrument_kind      varchar(8)   NOT NULL,
    instrument_category  varchar(16),
    symbol               varchar(64)  NOT NULL,
    underlying           varchar(32),
    expiry               date,
    put_call             varchar(1),
    strike               numeric,
    multiplier           numeric,
    quantity             numeric      NOT NULL,
    CONSTRAINT checkpoint_holdings_pk PRIMARY KEY (account_id, as_of, position),
    CONSTRAINT checkpoint_holdings_checkpoint_fk FOREIGN KEY (account_id, as_of)
        REFERENCES alm_reporting.checkpoints (account_id, as_of) ON DELETE CASCADE
);

-- One row per open lot of a holding, oldest first (lot).
CREATE TABLE alm_reporting.checkpoint_lots (
    account_id          varchar(64)  NOT NULL,
    as_of               date         NOT NULL,
    position            integer      NOT NULL,
    lot                 integer      NOT NULL,
    quantity            numeric      NOT NULL,
    opening_cost        numeric      NOT NULL,
    price               numeric,
    block               integer      NOT NULL,
    premium_recognised  boolean      NOT NULL,
    CONSTRAINT checkpoint_lots_pk PRIMARY KEY (account_id, as_of, position, lot),
    CONSTRAINT checkpoint_lots_holding_fk FOREIGN KEY (account_id, as_of, position)
        REFERENCES alm_reporting.checkpoint_holdings (account_id, as_of, position) ON DELETE CASCADE
);

-- A report resuming from a checkpoint asks whether rows before its window share an id with rows inside it
-- (cancels, corrections, bookings): by transaction_id (the primary key), trade_id and the orig_ ids.
CREATE INDEX chronological_events_account_trade_id_idx ON alm_reporting.chronological_events (account_id, trade_id);
CREATE INDEX chronological_events_account_orig_transaction_idx ON alm_reporting.chronological_events (account_id, orig_transaction_id);
CREATE INDEX chronological_events_account_orig_trade_idx ON alm_reporting.chronological_events (account_id, orig_trade_id);
CREATE INDEX option_eae_account_trade_id_idx ON alm_reporting.option_eae (account_id, trade_id);

-- [jooq ignore start]
-- Statement-level, with transition tables: one DELETE per statement and table, whatever the number of rows.
-- TG_ARGV[0] names the table's business-date column.
CREATE FUNCTION alm_reporting.drop_stale_checkpoints() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE format('DELETE FROM alm_reporting.checkpoints c USING (SELECT account_id, min(%1$I) AS d FROM new_rows '
                       'GROUP BY account_id) x WHERE c.account_id = x.account_id AND c.horizon >= x.d', TG_ARGV[0]);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        EXECUTE format('DELETE FROM alm_reporting.checkpoints c USING (SELECT account_id, min(%1$I) AS d FROM old_rows '
                       'GROUP BY account_id) x WHERE c.account_id = x.account_id AND c.horizon >= x.d', TG_ARGV[0]);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER chronological_events_checkpoints_ins AFTER INSERT ON alm_reporting.chronological_events
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alm_reporting.drop_stale_checkpoints('business_date');
CREATE TRIGGER chronological_events_checkpoints_upd AFTER UPDATE ON alm_reporting.chronological_events
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alm_reporting.drop_stale_checkpoints('business_date');
CREATE TRIGGER chronological_events_checkpoints_del AFTER DELETE ON alm_reporting.chronological_events
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION alm_reporting.drop_stale_checkpoints('business_date');

CREATE TRIGGER cash_transactions_checkpoints_ins AFTER INSERT ON alm_reporting.cash_transactions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alm_reporting.drop_stale_checkpoints('business_date');
CREATE TRIGGER cash_transactions_checkpoints_upd AFTER UPDATE ON alm_reporting.cash_transactions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alm_reporting.drop_stale_checkpoints('business_date');
CREATE TRIGGER cash_transactions_checkpoints_del AFTER DELETE ON alm_reporting.cash_transactions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION alm_reporting.drop_stale_checkpoints('business_date');

CREATE TRIGGER option_eae_checkpoints_ins AFTER INSERT ON alm_reporting.option_eae
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alm_reporting.drop_stale_checkpoints('eae_date');
CREATE TRIGGER option_eae_checkpoints_upd AFTER UPDATE ON alm_reporting.option_eae
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alm_reporting.drop_stale_checkpoints('eae_date');
CREATE TRIGGER option_eae_checkpoints_del AFTER DELETE ON alm_reporting.option_eae
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION alm_reporting.drop_stale_checkpoints('eae_date');

CREATE TRIGGER nav_snapshots_checkpoints_ins AFTER INSERT ON alm_reporting.nav_snapshots
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alm_reporting.drop_stale_checkpoints('report_date');
CREATE TRIGGER nav_snapshots_checkpoints_upd AFTER UPDATE ON alm_reporting.nav_snapshots
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION alm_reporting.drop_stale_checkpoints('report_date');
CREATE TRIGGER nav_snapshots_checkpoints_del AFTER DELETE ON alm_reporting.nav_snapshots
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION alm_reporting.drop_stale_checkpoints('report_date');
-- [jooq ignore stop]
