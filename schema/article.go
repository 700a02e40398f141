package schema

import (
	"crypto/sha256"
	"encoding/hex"
)

// ArticleID returns an article's document ID and the SHA-256 of its text
// (Document.ID and Document.SHA256): the ID is id when the article has
// one, else "sha256:" and the digest. The ingest looks an article up by
// both before extracting it, so this is the one place they are made.
func ArticleID(id, text string) (docID, sha string) {
	sum := sha256.Sum256([]byte(text))
	sha = hex.EncodeToString(sum[:])
	if id == "" {
		id = "sha256:" + sha
	}
	return id, sha
}
