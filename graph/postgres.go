package graph

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers the postgres flavour and lib/pq
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/lib/pq"

	"github.com/diplograph/diplograph/schema"
)

// A PostgreSQL store is Cayley's SQL quad store, flavour postgres: a table
// of nodes (values, by the SHA-1 hash Cayley gives them, with a count of
// the quads that use them) and a table of quads (the four hashes). Gizmo
// queries go through Cayley's own SQL quad store; the read commands and
// the writer use the tables directly.
//
// Cayley's postgres writer inserts a quad, and updates a node, per
// statement. The writer here sends an article's nodes and quads as one
// statement each (arrays unnested server-side), in transactions that hold
// several articles, and keeps Cayley's reference counts as Cayley does,
// so the cayley tool can still read and write the database.
//
// Several processes may write one database at once. Each write batch
// takes a transaction-scoped advisory lock first, so batches from all
// processes are serialised: what a batch reads (is the article stored,
// with which digest; which events other articles reported) is what it
// writes against, and no other writer can change it before it commits.
// Readers are not blocked.

// pgLockClass is the first key of the advisory lock writers take ("dipl");
// the second is the hash of the schema the tables live in, so stores in
// two schemas of one database do not wait for each other.
const pgLockClass = 0x6469706c

// pgCreateLockClass is the first key of the lock held while a store's
// tables are looked for and made.
const pgCreateLockClass = pgLockClass + 1

// pgIdleConns is how many connections a store keeps open when idle.
const pgIdleConns = 16

// pgStore is a store's PostgreSQL database.
type pgStore struct {
	db *sql.DB
	// foreignKeys tells that the quads table has Cayley's foreign keys
	// (a store made before pgLeanerIndexes): a quad's nodes must then be
	// inserted before it.
	foreignKeys bool
}

// isPostgres tells whether a store address names a PostgreSQL database.
func isPostgres(addr string) bool {
	scheme, _, ok := strings.Cut(addr, "://")
	return ok && (scheme == "postgres" || scheme == "postgresql")
}

// redactURL is the address without its password, for messages.
func redactURL(addr string) string {
	u, err := url.Parse(addr)
	if err != nil {
		return "PostgreSQL database (unparsable address)"
	}
	return u.Redacted()
}

// openPostgres opens the store in the PostgreSQL database at addr, creating
// its tables if they do not exist (unless opt.ReadOnly).
func openPostgres(ctx context.Context, addr string, opt Options) (*Store, error) {
	name := redactURL(addr)
	if _, err := url.Parse(addr); err != nil {
		return nil, fmt.Errorf("open store %s: %w", name, err)
	}
	s, err := openPG(ctx, addr, name, opt)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", name, err)
	}
	return s, nil
}

func openPG(ctx context.Context, addr, name string, opt Options) (*Store, error) {
	db, err := sql.Open("postgres", addr)
	if err != nil {
		return nil, err
	}
	// A writer uses a connection for its batch and one for its reads, and
	// each ingest worker one to look articles up: keep them open, since
	// a new connection is a new server process.
	db.SetMaxIdleConns(pgIdleConns)
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot connect to PostgreSQL: %w", err)
	}
	pg := &pgStore{db: db}
	err = pg.ensureTables(ctx, addr, opt.ReadOnly)
	if err == nil {
		err = db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass('quads') AND contype = 'f')`).Scan(&pg.foreignKeys)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	qs, err := csql.New("postgres", addr, cgraph.Options{})
	if err != nil {
		db.Close()
		return nil, err
	}
	s := &Store{path: name, readOnly: opt.ReadOnly, pg: pg, qs: qs}
	s.be = pgBackend{s}
	if err := s.checkVersion(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// pgBackend is a store in a PostgreSQL database (s.pg), written by the
// pipelined sqlBatch, read by pgReader's queries, queried by Gizmo through
// Cayley's SQL quad store (s.qs).
type pgBackend struct{ s *Store }

func (b pgBackend) newIndex(ctx context.Context) (index, error) { return b.s.pg.newReader(ctx) }

func (b pgBackend) begin(ctx context.Context) (writeBatch, error) {
	pb, err := b.s.pg.beginBatch(ctx)
	if err != nil {
		return nil, err
	}
	return &sqlBatch{s: b.s, pgBatch: pb}, nil
}

func (b pgBackend) quadCount(ctx context.Context) (int64, error) { return b.s.pg.quadCount(ctx) }

// writeVersion refuses: a new store is created with its version, so
// something else wrote here.
func (b pgBackend) writeVersion(context.Context) error {
	return errors.New("store is empty and has no schema version")
}

// queryStore is Cayley's SQL quad store without its shape optimizer: the
// iterators the optimizer builds crash the process (a nil pointer in
// Cayley's iteratorNext.NextPath) on queries that intersect two
// traversals, such as the cookbook's "countries that met both Russia and
// Ukraine". Without it, Gizmo plans as on bolt, one indexed lookup per
// step.
func (b pgBackend) queryStore() cgraph.QuadStore { return readOnlyQuads{b.s.qs} }

func (b pgBackend) close() error { return b.s.pg.close() }

// hasTables tells whether the database (the first schema of its search
// path) holds Cayley's tables.
func (pg *pgStore) hasTables(ctx context.Context) (bool, error) {
	var ok bool
	err := pg.db.QueryRowContext(ctx,
		`SELECT to_regclass('quads') IS NOT NULL AND to_regclass('nodes') IS NOT NULL`).Scan(&ok)
	return ok, err
}

// ensureTables makes Cayley's tables and writes the schema version unless
// the tables exist. It holds a session advisory lock of its own while it
// looks, so that two processes opening a new store at once make it once,
// and one that opens a store another is making waits until it is made.
func (pg *pgStore) ensureTables(ctx context.Context, addr string, readOnly bool) error {
	conn, err := pg.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1, hashtext(current_schema()))`, pgCreateLockClass); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1, hashtext(current_schema()))`, pgCreateLockClass)
	if ok, err := pg.hasTables(ctx); err != nil || ok {
		return err
	}
	if readOnly {
		return errors.New("store does not exist (the database has no diplograph tables)")
	}
	if err := csql.Init("postgres", addr, cgraph.Options{}); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		return fmt.Errorf("create tables: %w", err)
	}
	for _, stmt := range pgLeanerIndexes {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("create tables: %s: %w", stmt, err)
		}
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	b := &pgBatch{tx: tx}
	if err := b.apply(ctx, []quad.Quad{versionQuad()}, nil); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// pgLeanerIndexes trims what Cayley's postgres flavour puts on its tables
// (4 foreign keys, 7 indexes on quads), measured to cost more than half of
// inserting a quad, to what the queries need:
//
//   - The foreign keys (a quad's nodes must exist) are a trigger run per
//     key per quad. The writer inserts a quad's nodes before the quad and
//     deletes a node only when no quad uses it; `diplograph check`
//     verifies that every node a quad uses exists with the right count.
//   - spol_unique covers every quad rather than the labelled ones: it then
//     serves lookups by subject (and predicate, and object), which makes
//     spo_index a copy. spo_unique still keeps unlabelled quads unique,
//     and Cayley's writer (ON CONFLICT DO NOTHING, no target) uses both.
//   - ops_index and pos_index keep (object, predicate) and (predicate,
//     object) without the subject: the keys are a third smaller, and the
//     many quads that share them (every event is an event, every article
//     names Russia) become one index entry listing their rows (b-tree
//     deduplication), where with the subject each was an entry of its
//     own. Measured on 3.7 million quads: a quarter less disk, half again
//     the ingest rate. A lookup by object or predicate reads the rows
//     anyway, for the label.
//   - osp_index (object, subject, predicate) serves no query ops_index
//     does not serve nearly as well.
//
// A database created by Cayley keeps its schema, and works, slower.
var pgLeanerIndexes = []string{
	`ALTER TABLE quads DROP CONSTRAINT IF EXISTS subject_hash_fk, DROP CONSTRAINT IF EXISTS predicate_hash_fk,
	DROP CONSTRAINT IF EXISTS object_hash_fk, DROP CONSTRAINT IF EXISTS label_hash_fk`,
	`DROP INDEX IF EXISTS spol_unique`,
	`CREATE UNIQUE INDEX spol_unique ON quads (subject_hash, predicate_hash, object_hash, label_hash)`,
	`DROP INDEX IF EXISTS spo_index`,
	`DROP INDEX IF EXISTS osp_index`,
	`DROP INDEX IF EXISTS ops_index`,
	`CREATE INDEX ops_index ON quads (object_hash, predicate_hash)`,
	`DROP INDEX IF EXISTS pos_index`,
	`CREATE INDEX pos_index ON quads (predicate_hash, object_hash)`,
	// Room on each page for a node's new reference count: an update that
	// fits its page touches no index.
	`ALTER TABLE nodes SET (fillfactor = 80)`,
}

func (pg *pgStore) close() error { return pg.db.Close() }

// quadCount counts the quads exactly.
func (pg *pgStore) quadCount(ctx context.Context) (int64, error) {
	var n int64
	err := pg.db.QueryRowContext(ctx, `SELECT count(*) FROM quads`).Scan(&n)
	return n, err
}

// newReader opens a reader of one snapshot of the committed store.
func (pg *pgStore) newReader(ctx context.Context) (*pgReader, error) {
	tx, err := pg.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return nil, err
	}
	r := newPGReader(ctx, tx)
	r.owned = tx
	return r, nil
}

// beginBatch opens a write transaction and waits for the store's writer
// lock, held until the transaction ends. The transaction reads at READ
// COMMITTED, so every statement after the lock sees what the writers
// before it committed.
func (pg *pgStore) beginBatch(ctx context.Context) (*pgBatch, error) {
	tx, err := pg.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))`, pgLockClass); err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("wait for the writer lock: %w", err)
	}
	return &pgBatch{tx: tx}, nil
}

// pgBatch is an open write transaction.
type pgBatch struct {
	tx *sql.Tx
}

// apply adds and deletes quads: nodes new to the store are inserted and
// every node's reference count (the quad directions that use it, as
// Cayley counts them) follows; nodes no quad uses any more are deleted.
// Each step is one statement whatever the number of quads.
func (b *pgBatch) apply(ctx context.Context, add, del []quad.Quad) error {
	var d nodeDeltas
	d.count(add, 1)
	d.count(del, -1)
	grow, shrink := d.rows()
	if err := b.upsertNodes(ctx, grow); err != nil {
		return fmt.Errorf("add nodes: %w", err)
	}
	if err := b.writeQuads(ctx, add, del); err != nil {
		return err
	}
	if err := b.releaseNodes(ctx, shrink); err != nil {
		return fmt.Errorf("release nodes: %w", err)
	}
	return nil
}

// writeQuads inserts add and deletes del, leaving the nodes as they are.
func (b *pgBatch) writeQuads(ctx context.Context, add, del []quad.Quad) error {
	if err := b.insertQuads(ctx, add); err != nil {
		return fmt.Errorf("add %d quads: %w", len(add), err)
	}
	if err := b.deleteQuads(ctx, del); err != nil {
		return fmt.Errorf("delete %d quads: %w", len(del), err)
	}
	return nil
}

// writeNodes brings the nodes in line with quads written by writeQuads,
// whose uses d counted.
func (b *pgBatch) writeNodes(ctx context.Context, d *nodeDeltas) error {
	grow, shrink := d.rows()
	if err := b.upsertNodes(ctx, grow); err != nil {
		return fmt.Errorf("add nodes: %w", err)
	}
	if err := b.releaseNodes(ctx, shrink); err != nil {
		return fmt.Errorf("release nodes: %w", err)
	}
	return nil
}

// nodeDeltas counts the change of each node's reference count.
type nodeDeltas struct {
	byHash map[[quad.HashSize]byte]*nodeDelta
	order  [][quad.HashSize]byte // first use, for a stable statement
}

// nodeDelta is a node's change of reference count.
type nodeDelta struct {
	value quad.Value
	n     int
}

// count adds by for each direction of qs that names a node.
func (d *nodeDeltas) count(qs []quad.Quad, by int) {
	if d.byHash == nil {
		d.byHash = make(map[[quad.HashSize]byte]*nodeDelta)
	}
	for _, q := range qs {
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if v == nil {
				continue
			}
			var h [quad.HashSize]byte
			quad.HashTo(v, h[:])
			nd := d.byHash[h]
			if nd == nil {
				nd = &nodeDelta{value: v}
				d.byHash[h] = nd
				d.order = append(d.order, h)
			}
			nd.n += by
		}
	}
}

// rows are the nodes whose count grows (to insert or update) and those
// whose count shrinks.
func (d *nodeDeltas) rows() (grow, shrink []nodeRow) {
	for _, h := range d.order {
		nd := d.byHash[h]
		switch {
		case nd.n > 0:
			grow = append(grow, nodeRow{hash: h, value: nd.value, refs: nd.n})
		case nd.n < 0:
			shrink = append(shrink, nodeRow{hash: h, refs: -nd.n})
		}
	}
	return grow, shrink
}

// nodeRow is a node to insert (with its value) or release.
type nodeRow struct {
	hash  [quad.HashSize]byte
	value quad.Value
	refs  int
}

// upsertNodes inserts nodes, or adds to the count of those that exist.
func (b *pgBatch) upsertNodes(ctx context.Context, rows []nodeRow) error {
	if len(rows) == 0 {
		return nil
	}
	var (
		hashes               = make(pq.ByteaArray, len(rows))
		refs                 = make([]int64, len(rows))
		raw                  = make(nullByteaArray, len(rows))
		strs, types, langs   = make([]sql.NullString, len(rows)), make([]sql.NullString, len(rows)), make([]sql.NullString, len(rows))
		iris, bnodes, bools  = make([]sql.NullBool, len(rows)), make([]sql.NullBool, len(rows)), make([]sql.NullBool, len(rows))
		ints                 = make([]sql.NullInt64, len(rows))
		floats               = make([]sql.NullFloat64, len(rows))
		times                = make([]sql.NullTime, len(rows))
		some                 = func(s string) sql.NullString { return sql.NullString{String: s, Valid: true} }
		yes                  = sql.NullBool{Bool: true, Valid: true}
		escape               = func(s quad.String) sql.NullString { return some(strings.ReplaceAll(string(s), "\x00", `\x00`)) }
		unsupportedValueType error
	)
	for i, r := range rows {
		hashes[i] = r.hash[:]
		refs[i] = int64(r.refs)
		// The columns Cayley's csql.NodeValues fills for each kind of value.
		switch v := r.value.(type) {
		case quad.IRI:
			strs[i], iris[i] = some(string(v)), yes
		case quad.BNode:
			strs[i], bnodes[i] = some(string(v)), yes
		case quad.String:
			strs[i] = escape(v)
		case quad.TypedString:
			strs[i], types[i] = escape(v.Value), some(string(v.Type))
		case quad.LangString:
			strs[i], langs[i] = escape(v.Value), some(v.Lang)
		case quad.Int:
			ints[i] = sql.NullInt64{Int64: int64(v), Valid: true}
		case quad.Bool:
			bools[i] = sql.NullBool{Bool: bool(v), Valid: true}
		case quad.Float:
			floats[i] = sql.NullFloat64{Float64: float64(v), Valid: true}
		case quad.Time:
			times[i] = sql.NullTime{Time: time.Time(v), Valid: true}
		default:
			p, err := pquads.MarshalValue(v)
			if err != nil {
				unsupportedValueType = err
			}
			raw[i] = p
		}
	}
	if unsupportedValueType != nil {
		return unsupportedValueType
	}
	_, err := b.tx.ExecContext(ctx, `INSERT INTO nodes (hash, refs, value, value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time)
SELECT * FROM unnest($1::bytea[], $2::int[], $3::bytea[], $4::text[], $5::text[], $6::text[], $7::bool[], $8::bool[], $9::bigint[], $10::bool[], $11::float8[], $12::timestamptz[])
ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`,
		hashes, pq.Array(refs), raw, pq.GenericArray{A: strs}, pq.GenericArray{A: types},
		pq.GenericArray{A: langs}, pq.GenericArray{A: iris}, pq.GenericArray{A: bnodes}, pq.GenericArray{A: ints},
		pq.GenericArray{A: bools}, pq.GenericArray{A: floats}, pq.GenericArray{A: times})
	return err
}

// quadHashes are the columns of quads as arrays of hashes; a missing
// label is NULL.
func quadHashes(qs []quad.Quad) (s, p, o pq.ByteaArray, l nullByteaArray) {
	s, p, o = make(pq.ByteaArray, len(qs)), make(pq.ByteaArray, len(qs)), make(pq.ByteaArray, len(qs))
	l = make(nullByteaArray, len(qs))
	for i, q := range qs {
		s[i], p[i], o[i] = quad.HashOf(q.Subject), quad.HashOf(q.Predicate), quad.HashOf(q.Object)
		if q.Label != nil {
			l[i] = quad.HashOf(q.Label)
		}
	}
	return s, p, o, l
}

// nullByteaArray is a bytea[] parameter whose nil elements are NULL
// (pq.ByteaArray makes them empty).
type nullByteaArray [][]byte

func (a nullByteaArray) Value() (driver.Value, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, x := range a {
		if i > 0 {
			b.WriteByte(',')
		}
		if x == nil {
			b.WriteString("NULL")
			continue
		}
		b.WriteString(`"\\x`)
		b.WriteString(hex.EncodeToString(x))
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String(), nil
}

// insertQuads inserts quads in their order, so that their horizons (the
// order the read commands list them in) follow it.
func (b *pgBatch) insertQuads(ctx context.Context, qs []quad.Quad) error {
	if len(qs) == 0 {
		return nil
	}
	s, p, o, l := quadHashes(qs)
	_, err := b.tx.ExecContext(ctx, `INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
SELECT s, p, o, l, now() FROM unnest($1::bytea[], $2::bytea[], $3::bytea[], $4::bytea[]) WITH ORDINALITY AS t(s, p, o, l, i) ORDER BY i`,
		s, p, o, l)
	return err
}

// deleteQuads deletes labelled quads; each must exist.
func (b *pgBatch) deleteQuads(ctx context.Context, qs []quad.Quad) error {
	if len(qs) == 0 {
		return nil
	}
	s, p, o, l := quadHashes(qs)
	res, err := b.tx.ExecContext(ctx, `DELETE FROM quads q USING unnest($1::bytea[], $2::bytea[], $3::bytea[], $4::bytea[]) AS d(s, p, o, l)
WHERE q.subject_hash = d.s AND q.predicate_hash = d.p AND q.object_hash = d.o AND q.label_hash = d.l`,
		s, p, o, l)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n != int64(len(qs)) {
		return fmt.Errorf("deleted %d quads, want %d: the stored article changed under the writer", n, len(qs))
	}
	return nil
}

// releaseNodes lowers reference counts and deletes the nodes left unused.
func (b *pgBatch) releaseNodes(ctx context.Context, rows []nodeRow) error {
	if len(rows) == 0 {
		return nil
	}
	hashes := make(pq.ByteaArray, len(rows))
	refs := make([]int64, len(rows))
	for i, r := range rows {
		hashes[i], refs[i] = r.hash[:], int64(r.refs)
	}
	if _, err := b.tx.ExecContext(ctx, `UPDATE nodes SET refs = nodes.refs - d.n
FROM unnest($1::bytea[], $2::int[]) AS d(h, n) WHERE nodes.hash = d.h`, hashes, pq.Array(refs)); err != nil {
		return err
	}
	_, err := b.tx.ExecContext(ctx, `DELETE FROM nodes WHERE hash = ANY($1::bytea[]) AND refs <= 0`, hashes)
	return err
}

func (b *pgBatch) commit() error   { return b.tx.Commit() }
func (b *pgBatch) rollback() error { return b.tx.Rollback() }

// pgReader reads the tables in one transaction, or (for a write batch's
// pipelined reads, see sqlBatch) statement by statement. Nodes get IDs in
// the order the reader meets them, so that the read code shared with bolt
// (which names nodes by Cayley's IDs) works unchanged.
type pgReader struct {
	ctx    context.Context
	tx     pgQueryer
	owned  *sql.Tx // a read transaction, rolled back by close
	hashes [][quad.HashSize]byte
	nodes  map[[quad.HashSize]byte]node
	// batch, when reading beside a write batch, has the reports the batch
	// wrote: the reads see the store as it was before the batch, less the
	// reports of the articles in exclude (stored before, replaced by the
	// batch), and storedHappenings adds the batch's (see sqlBatch).
	batch   *batchReports
	exclude pq.ByteaArray
}

// pgQueryer runs queries: a transaction, or the database.
type pgQueryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func newPGReader(ctx context.Context, q pgQueryer) *pgReader {
	return &pgReader{ctx: ctx, tx: q, hashes: [][quad.HashSize]byte{{}}, nodes: make(map[[quad.HashSize]byte]node)}
}

func (r *pgReader) close() error {
	if r.owned == nil {
		return nil
	}
	err := r.owned.Rollback()
	r.owned = nil
	return err
}

// node is the ID of a hash; nil (a NULL label) is 0.
func (r *pgReader) node(h []byte) node {
	if h == nil {
		return 0
	}
	k := [quad.HashSize]byte(h)
	if n, ok := r.nodes[k]; ok {
		return n
	}
	n := node(len(r.hashes))
	r.hashes = append(r.hashes, k)
	r.nodes[k] = n
	return n
}

func (r *pgReader) hashArray(ns []node) pq.ByteaArray {
	out := make(pq.ByteaArray, len(ns))
	for i, n := range ns {
		out[i] = r.hashes[n][:]
	}
	return out
}

// ids returns the IDs of values, 0 for those no quad uses.
func (r *pgReader) ids(vs []quad.Value) ([]node, error) {
	out := make([]node, len(vs))
	if len(vs) == 0 {
		return out, nil
	}
	hashes := make(pq.ByteaArray, len(vs))
	for i, v := range vs {
		hashes[i] = quad.HashOf(v)
	}
	rows, err := r.tx.QueryContext(r.ctx, `SELECT hash FROM nodes WHERE hash = ANY($1::bytea[])`, hashes)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	found := make(map[[quad.HashSize]byte]bool)
	for rows.Next() {
		var h []byte
		if err := rows.Scan(&h); err != nil {
			return nil, err
		}
		if len(h) == quad.HashSize {
			found[[quad.HashSize]byte(h)] = true
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i, h := range hashes {
		if found[[quad.HashSize]byte(h)] {
			out[i] = r.node(h)
		}
	}
	return out, nil
}

// values returns the values of IDs (nil for one the store lacks).
func (r *pgReader) values(ns []node) ([]quad.Value, error) {
	out := make([]quad.Value, len(ns))
	if len(ns) == 0 {
		return out, nil
	}
	rows, err := r.tx.QueryContext(r.ctx, `SELECT hash, value, value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time
FROM nodes WHERE hash = ANY($1::bytea[])`, r.hashArray(ns))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	got := make(map[node]quad.Value, len(ns))
	for rows.Next() {
		var (
			h, data           []byte
			str, typ, lang    sql.NullString
			iri, bnode, vbool sql.NullBool
			vint              sql.NullInt64
			vfloat            sql.NullFloat64
			vtime             sql.NullTime
			unescape          = func(s string) quad.String { return quad.String(strings.ReplaceAll(s, `\x00`, "\x00")) }
			v                 quad.Value
			errV              error
		)
		if err := rows.Scan(&h, &data, &str, &typ, &lang, &iri, &bnode, &vint, &vbool, &vfloat, &vtime); err != nil {
			return nil, err
		}
		// As Cayley's SQL quad store reads them (QuadStore.NameOf).
		switch {
		case str.Valid && iri.Bool:
			v = quad.IRI(str.String)
		case str.Valid && bnode.Bool:
			v = quad.BNode(str.String)
		case str.Valid && lang.Valid:
			v = quad.LangString{Value: unescape(str.String), Lang: lang.String}
		case str.Valid && typ.Valid:
			v = quad.TypedString{Value: unescape(str.String), Type: quad.IRI(typ.String)}
		case str.Valid:
			v = unescape(str.String)
		case vint.Valid:
			v = quad.Int(vint.Int64)
		case vbool.Valid:
			v = quad.Bool(vbool.Bool)
		case vfloat.Valid:
			v = quad.Float(vfloat.Float64)
		case vtime.Valid:
			v = quad.Time(vtime.Time.UTC())
		default:
			v, errV = pquads.UnmarshalValue(data)
		}
		if errV != nil {
			return nil, fmt.Errorf("value of node %x: %w", h, errV)
		}
		got[r.node(h)] = v
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i, n := range ns {
		out[i] = got[n]
	}
	return out, nil
}

// pgScan names a lookup of quads: by subject (and predicate), by object
// (and predicate), or all.
type pgScan int

const (
	pgSP pgScan = iota
	pgOP
	pgAll
)

// pgPage is how many quads a scan of all quads reads per query.
const pgPage = 10000

// scan calls fn with the quads whose subject (pgSP) or object (pgOP) is
// one of nodes, with predicate p and label l unless 0, in the order they
// were written. The rows are read before fn is called, so fn may read too.
func (r *pgReader) scan(ctx context.Context, by pgScan, nodes []node, p, l node, fn func(link) error) error {
	var (
		where []string
		args  []any
	)
	arg := func(cond string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	switch by {
	case pgSP:
		arg("subject_hash = ANY($%d::bytea[])", r.hashArray(nodes))
	case pgOP:
		arg("object_hash = ANY($%d::bytea[])", r.hashArray(nodes))
	}
	if p != 0 {
		arg("predicate_hash = $%d", r.hashes[p][:])
	}
	if l != 0 {
		arg("label_hash = $%d", r.hashes[l][:])
	}
	var after int64 = -1
	for {
		q := `SELECT horizon, subject_hash, predicate_hash, object_hash, label_hash FROM quads`
		cond := where
		pageArgs := args
		if by == pgAll {
			pageArgs = append(append([]any{}, args...), after)
			cond = append(append([]string{}, where...), fmt.Sprintf("horizon > $%d", len(pageArgs)))
		}
		if len(cond) > 0 {
			q += " WHERE " + strings.Join(cond, " AND ")
		}
		q += " ORDER BY horizon"
		if by == pgAll {
			q += fmt.Sprintf(" LIMIT %d", pgPage)
		}
		links, last, err := r.query(ctx, q, pageArgs)
		if err != nil {
			return err
		}
		for _, lk := range links {
			if err := fn(lk); err != nil {
				return err
			}
		}
		if by != pgAll || len(links) < pgPage {
			return ctx.Err()
		}
		after = last
	}
}

// query reads quads; last is the horizon of the last.
func (r *pgReader) query(ctx context.Context, q string, args []any) (links []link, last int64, err error) {
	rows, err := r.tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var s, p, o, l []byte
		if err := rows.Scan(&last, &s, &p, &o, &l); err != nil {
			return nil, 0, err
		}
		links = append(links, link{r.node(s), r.node(p), r.node(o), r.node(l)})
	}
	return links, last, rows.Err()
}

// subjects returns the distinct subjects of ? <p> <o>, in the order they
// were first written.
func (r *pgReader) subjects(p, o node) ([]node, error) {
	rows, err := r.tx.QueryContext(r.ctx, `SELECT subject_hash FROM quads WHERE object_hash = $1 AND predicate_hash = $2
GROUP BY subject_hash ORDER BY min(horizon)`, r.hashes[o][:], r.hashes[p][:])
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []node
	for rows.Next() {
		var h []byte
		if err := rows.Scan(&h); err != nil {
			return nil, err
		}
		out = append(out, r.node(h))
	}
	return out, rows.Err()
}

// pgReader is the index of a PostgreSQL store: its scans are queries.

func (r *pgReader) concurrent() bool    { return false }
func (r *pgReader) committedOnly() bool { return false }

func (r *pgReader) out(s, p node, fn func(link) error) error {
	return r.scan(r.ctx, pgSP, []node{s}, p, 0, fn)
}

func (r *pgReader) outAll(s node, want func(p node) bool, fn func(link) error) error {
	return r.scan(r.ctx, pgSP, []node{s}, 0, 0, func(l link) error {
		if want != nil && !want(l.p) {
			return nil
		}
		return fn(l)
	})
}

func (r *pgReader) outLabelled(ss []node, l node, fn func(link) error) error {
	return r.scan(r.ctx, pgSP, ss, 0, l, fn)
}

func (r *pgReader) in(o, p node, fn func(link) error) error {
	return r.scan(r.ctx, pgOP, []node{o}, p, 0, fn)
}

func (r *pgReader) inAll(o node, fn func(link) error) error {
	return r.scan(r.ctx, pgOP, []node{o}, 0, 0, fn)
}

func (r *pgReader) inLabelled(o, l node, fn func(link) error) error {
	return r.scan(r.ctx, pgOP, []node{o}, 0, l, fn)
}

func (r *pgReader) candidates(p, o node) ([]node, error) { return r.subjects(p, o) }

func (r *pgReader) all(fn func(link) error) error {
	return r.scan(r.ctx, pgAll, nil, 0, 0, fn)
}

// storedHappenings reads the happenings of every month key res can ask
// for at once, in one query: read one by one, the round trips would cost
// more than the reading. A reader beside a write batch adds the reports
// the batch wrote (see sqlBatch).
func (r *pgReader) storedHappenings(_ *reader, label quad.IRI, res schema.Result) (storedHappenings, error) {
	byKey, err := r.happenings(label, monthKeys(res), r.exclude)
	if err != nil {
		return nil, err
	}
	batch := r.batch
	return func(mk string) ([]*happening, error) { return batch.happenings(mk, label, byKey[mk]), nil }, nil
}

// pgHappeningsSQL reads, for the month keys $1 (dg:matchKey $2), the event
// nodes that articles other than $3 and $8 report, and those articles'
// start dates ($4), end dates ($5) and places ($6) of them, each place
// but a country (IRI prefix $9) with its country code ($7). A fact many
// articles state comes back once.
//
// Every article that names a place gives its code, the same one (from the
// gazetteer): the code read is the first in the index, found without
// reading the others, rather than the first stored, which would read
// every article that ever named the place.
const pgHappeningsSQL = `WITH ev AS (
	SELECT object_hash AS k, subject_hash AS e, min(horizon) AS first
	FROM quads
	WHERE object_hash = ANY($1::bytea[]) AND predicate_hash = $2 AND label_hash IS DISTINCT FROM $3
		AND NOT coalesce(label_hash = ANY($8::bytea[]), false)
	GROUP BY object_hash, subject_hash
), f AS (
	SELECT DISTINCT subject_hash AS e, predicate_hash AS p, object_hash AS o
	FROM quads
	WHERE subject_hash IN (SELECT e FROM ev) AND predicate_hash IN ($4, $5, $6)
		AND label_hash IS NOT NULL AND label_hash <> $3 AND label_hash <> ALL($8::bytea[])
)
SELECT ev.k, ev.e, en.value_string, coalesce(en.iri, false), f.p, n.value_string,
	CASE WHEN f.p = $6 AND NOT starts_with(n.value_string, $9) THEN (
		SELECT cn.value_string FROM quads c JOIN nodes cn ON cn.hash = c.object_hash
		WHERE c.subject_hash = f.o AND c.predicate_hash = $7 ORDER BY c.object_hash LIMIT 1)
	END
FROM ev
JOIN nodes en ON en.hash = ev.e
JOIN f ON f.e = ev.e
JOIN nodes n ON n.hash = f.o
ORDER BY ev.k, ev.first, f.p, n.value_string`

// happenings returns, by month key, the stored event nodes other articles
// than label (and than those of exclude) report, with the dates and places
// they give: what reader.happeningsOf reads a key and a node at a time.
func (r *pgReader) happenings(label quad.IRI, keys []string, exclude pq.ByteaArray) (map[string][]*eventFacts, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	byHash := make(map[[quad.HashSize]byte]string, len(keys))
	hashes := make(pq.ByteaArray, len(keys))
	for i, k := range keys {
		hashes[i] = quad.HashOf(quad.String(k))
		byHash[[quad.HashSize]byte(hashes[i])] = k
	}
	if exclude == nil {
		exclude = pq.ByteaArray{}
	}
	h := quad.HashOf
	pStart, pEnd, pPlace := h(schema.PredDateStart), h(schema.PredDateEnd), h(schema.PredPlace)
	rows, err := r.tx.QueryContext(r.ctx, pgHappeningsSQL, hashes, h(schema.PredMatchKey), h(label),
		pStart, pEnd, pPlace, h(schema.PredCountryCode), exclude, schema.Prefix+"country/")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		out  = make(map[string][]*eventFacts)
		cur  *eventFacts
		curK string
	)
	for rows.Next() {
		var (
			k, e, p    []byte
			iri, value sql.NullString
			isIRI      bool
			code       sql.NullString
		)
		if err := rows.Scan(&k, &e, &iri, &isIRI, &p, &value, &code); err != nil {
			return nil, err
		}
		if len(k) != quad.HashSize {
			return nil, fmt.Errorf("match key hash %x", k)
		}
		mk := byHash[[quad.HashSize]byte(k)]
		if !isIRI || !iri.Valid {
			continue // not an event node reports can join
		}
		if cur == nil || mk != curK || quad.IRI(iri.String) != cur.iri {
			cur, curK = &eventFacts{iri: quad.IRI(iri.String)}, mk
			out[mk] = append(out[mk], cur)
		}
		switch string(p) {
		case string(pStart):
			cur.starts = append(cur.starts, value.String)
		case string(pEnd):
			cur.ends = append(cur.ends, value.String)
		case string(pPlace):
			cur.places = append(cur.places, newPlace(quad.IRI(value.String), code.String))
		}
	}
	return out, rows.Err()
}
