package schema

import "testing"

func TestArticleID(t *testing.T) {
	const sha = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824" // of "hello"
	if id, s := ArticleID("", "hello"); id != "sha256:"+sha || s != sha {
		t.Errorf("ArticleID of an article without ID: %q, %q", id, s)
	}
	if id, s := ArticleID("https://example.org/a", "hello"); id != "https://example.org/a" || s != sha {
		t.Errorf("ArticleID of an article with an ID: %q, %q", id, s)
	}
}
