package graph

import (
	"context"

	"github.com/cayleygraph/quad"
)

// pgCheck reads a PostgreSQL store for Check in one snapshot.
type pgCheck struct {
	pr *pgReader
	r  *reader
}

func (b pgBackend) checkSource(ctx context.Context) (checkSource, error) {
	pr, err := b.s.pg.newReader(ctx)
	if err != nil {
		return nil, err
	}
	return pgCheck{pr: pr, r: b.s.readerOf(ctx, pr)}, nil
}

func (p pgCheck) close() error { return p.r.close() }

func (p pgCheck) load(_ context.Context, fn func(checkQuad)) error {
	return p.r.allLinks(func(l link) error {
		fn(checkQuad{uint64(l.s), uint64(l.p), uint64(l.o), uint64(l.l)})
		return nil
	})
}

func (p pgCheck) name(id uint64) (quad.Value, error) { return p.r.value(node(id)) }

func (p pgCheck) id(v quad.Value) (uint64, error) {
	n, err := p.r.id(v)
	return uint64(n), err
}

// indexes checks, on PostgreSQL, that every node's reference count is
// the number of quad directions that use it (Cayley deletes a node when
// it falls to 0) and that no node is left unused.
func (p pgCheck) indexes(ctx context.Context, c *checker) error {
	rows, err := p.pr.tx.QueryContext(ctx, `WITH uses AS (
  SELECT h, count(*) AS n FROM (
    SELECT subject_hash AS h FROM quads UNION ALL SELECT predicate_hash FROM quads
    UNION ALL SELECT object_hash FROM quads UNION ALL SELECT label_hash FROM quads WHERE label_hash IS NOT NULL
  ) d GROUP BY h)
SELECT coalesce(n.hash, u.h), coalesce(n.refs, 0), coalesce(u.n, 0) FROM nodes n FULL JOIN uses u ON u.h = n.hash
WHERE n.hash IS NULL OR u.h IS NULL OR n.refs <> u.n
ORDER BY 1 LIMIT 1000`)
	if err != nil {
		return err
	}
	defer rows.Close()
	type bad struct {
		n          node
		refs, uses int64
	}
	var found []bad
	for rows.Next() {
		var h []byte
		var b bad
		if err := rows.Scan(&h, &b.refs, &b.uses); err != nil {
			return err
		}
		b.n = p.pr.node(h)
		found = append(found, b)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	for _, b := range found {
		c.problem("node %s has a reference count of %d, and %d quad directions use it", c.str(uint64(b.n)), b.refs, b.uses)
	}
	return nil
}
