package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/store"
	"github.com/khabar-news/khabar/internal/story"
)

// maxBody bounds a POST /api/documents body: enough for a few hundred
// captured pages, little enough that one request cannot exhaust memory.
const maxBody = 16 << 20

// writeJSON answers with v as JSON. HTML is not escaped: the answer is
// served as application/json with nosniff, and analysts read it raw.
func (s *Server) writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		s.log.Error("web: encode JSON", "err", err)
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"error":"internal error"}` + "\n")
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// apiError is the body of every API error.
type apiError struct {
	Error string `json:"error"`
}

func (s *Server) jsonError(w http.ResponseWriter, status int, msg string) {
	s.writeJSON(w, status, apiError{Error: msg})
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	page, err := pageParam(r)
	if err != nil {
		s.jsonError(w, http.StatusBadRequest, err.Error())
		return
	}
	list, _, err := s.stories(r.Context(), page)
	if err != nil {
		s.storeError(w, r, "stories", err)
		return
	}
	s.writeJSON(w, http.StatusOK, struct {
		Stories []store.StorySummary `json:"stories"`
		Page    int                  `json:"page"`
	}{list, page})
}

// apiStory answers a story: its summary, its profile (lead entities,
// events, claim threads, timeline), the hand edits that shaped it, and
// its articles in the process output's format.
func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	sum, arts, done := s.story(w, r, "/api/stories/")
	if done {
		return
	}
	edits, err := s.st.Edits(r.Context(), sum.ID)
	if err != nil {
		s.storeError(w, r, "story edits", err)
		return
	}
	if edits == nil {
		edits = []store.Edit{}
	}
	recs := make([]article.Record, len(arts))
	for i, a := range arts {
		recs[i] = a.Record()
	}
	s.writeJSON(w, http.StatusOK, struct {
		Story    store.StorySummary `json:"story"`
		Profile  story.Profile      `json:"profile"`
		Edits    []store.Edit       `json:"edits"`
		Articles []article.Record   `json:"articles"`
	}{sum, story.Describe(arts, s.pair), edits, recs})
}

// maxEditBody bounds a merge or split request: a list of article ids.
const maxEditBody = 1 << 20

// editor returns the server's Editor, or answers 501.
func (s *Server) editor(w http.ResponseWriter) (Editor, bool) {
	ed, ok := s.ing.(Editor)
	if !ok {
		s.jsonError(w, http.StatusNotImplemented, "this server is read-only: it does not edit stories")
	}
	return ed, ok
}

// readEdit decodes a merge or split request body into v, answering 400
// when it is not what the endpoint takes.
func (s *Server) readEdit(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxEditBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		s.jsonError(w, http.StatusBadRequest, fmt.Sprintf("request body: %v", err))
		return false
	}
	return true
}

// editDone answers an edit: the edit and the story the articles went to.
func (s *Server) editDone(w http.ResponseWriter, r *http.Request, status int, e store.Edit, err error) {
	switch {
	case errors.Is(err, store.ErrEdit):
		s.jsonError(w, http.StatusBadRequest, err.Error())
		return
	case err != nil:
		s.storeError(w, r, "story", err)
		return
	}
	sum, _, err := s.st.Story(r.Context(), e.Into)
	if err != nil {
		s.storeError(w, r, "story", err)
		return
	}
	normalize(&sum)
	s.writeJSON(w, status, struct {
		Edit  store.Edit         `json:"edit"`
		Story store.StorySummary `json:"story"`
	}{e, sum})
}

// apiMerge moves every article of a story into another: {"into": id}.
func (s *Server) apiMerge(w http.ResponseWriter, r *http.Request) {
	ed, ok := s.editor(w)
	if !ok {
		return
	}
	var req struct {
		Into string `json:"into"`
	}
	if !s.readEdit(w, r, &req) {
		return
	}
	if req.Into == "" {
		s.jsonError(w, http.StatusBadRequest, `request body: want {"into": "story id"}`)
		return
	}
	e, err := ed.Merge(r.Context(), r.PathValue("id"), req.Into)
	s.editDone(w, r, http.StatusOK, e, err)
}

// apiSplit moves some articles of a story into a new story:
// {"articles": [id, …]}.
func (s *Server) apiSplit(w http.ResponseWriter, r *http.Request) {
	ed, ok := s.editor(w)
	if !ok {
		return
	}
	var req struct {
		Articles []string `json:"articles"`
	}
	if !s.readEdit(w, r, &req) {
		return
	}
	if len(req.Articles) == 0 {
		s.jsonError(w, http.StatusBadRequest, `request body: want {"articles": ["article id", …]}`)
		return
	}
	e, err := ed.Split(r.Context(), r.PathValue("id"), req.Articles)
	s.editDone(w, r, http.StatusCreated, e, err)
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	a, err := s.st.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, "article", err)
		return
	}
	s.writeJSON(w, http.StatusOK, a.Record())
}

// result is the outcome for one posted document: {"id", "story",
// "duplicate"} when it was ingested, {"id", "error"} when not. Line is its
// line in a JSON Lines body, so that a line too broken to name its id can
// still be found.
type result struct {
	ID        *string `json:"id"`
	Line      int     `json:"line,omitempty"`
	Story     *string `json:"story,omitempty"`
	Duplicate *bool   `json:"duplicate,omitempty"`
	Error     string  `json:"error,omitempty"`
}

// posted is one document read from a request body, or why it could not be
// read.
type posted struct {
	line int
	doc  article.Document
	id   *string // the id, when the document was readable enough to tell
	err  error
}

// apiDocuments ingests one document, a JSON array of them, or JSON Lines.
// It answers 200 when at least one document went in, with a result per
// document; 400 when the body is not JSON at all, or when no document in
// it could be read; 422 when documents were read but none could be
// ingested.
func (s *Server) apiDocuments(w http.ResponseWriter, r *http.Request) {
	if s.ing == nil {
		s.jsonError(w, http.StatusNotImplemented, "this server is read-only: it does not ingest documents")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		if tooBig := (*http.MaxBytesError)(nil); errors.As(err, &tooBig) {
			s.jsonError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("body larger than %d bytes (16 MiB): send fewer documents per request", maxBody))
			return
		}
		s.jsonError(w, http.StatusBadRequest, fmt.Sprintf("read body: %v", err))
		return
	}
	docs, err := readDocuments(body, isJSONLines(r.Header.Get("Content-Type")))
	if err != nil {
		s.jsonError(w, http.StatusBadRequest, err.Error())
		return
	}

	results := make([]result, 0, len(docs))
	var ingested, tried int
	for _, d := range docs {
		res := result{ID: d.id, Line: d.line}
		if d.err != nil {
			res.Error = d.err.Error()
			results = append(results, res)
			continue
		}
		tried++
		a, dup, err := s.ing.Ingest(r.Context(), d.doc)
		if err != nil {
			s.log.WarnContext(r.Context(), "web: ingest", "id", d.doc.ID, "line", d.line, "err", err)
			res.Error = err.Error()
			results = append(results, res)
			continue
		}
		ingested++
		id, story := d.doc.ID, ""
		if a != nil {
			if a.ID != "" {
				id = a.ID
			}
			story = a.Story
		}
		res.ID, res.Story, res.Duplicate = &id, &story, &dup
		results = append(results, res)
	}
	s.log.InfoContext(r.Context(), "web: documents posted", "documents", len(docs), "ingested", ingested)

	status := http.StatusOK
	switch {
	case ingested > 0:
	case tried == 0:
		status = http.StatusBadRequest
	default:
		status = http.StatusUnprocessableEntity
	}
	s.writeJSON(w, status, struct {
		Results []result `json:"results"`
	}{results})
}

// isJSONLines reports whether a Content-Type declares JSON Lines.
func isJSONLines(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	switch mt {
	case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		return true
	}
	return false
}

// readDocuments splits a body into documents. A body that is one JSON
// value is one document (or, as an array, several); a body of several
// lines that is not one JSON value is JSON Lines, as is any body declared
// so. The error is for a body that holds no JSON at all: then there is
// nothing to answer per document.
func readDocuments(body []byte, jsonLines bool) ([]posted, error) {
	body = bytes.TrimPrefix(body, []byte("\uFEFF"))
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil, errors.New("empty body: want a JSON document or JSON Lines of documents")
	}
	if !jsonLines {
		if json.Valid(trimmed) {
			if trimmed[0] == '[' {
				var items []json.RawMessage
				if err := json.Unmarshal(trimmed, &items); err != nil {
					return nil, fmt.Errorf("body is a JSON array but not of documents: %w", err)
				}
				out := make([]posted, len(items))
				for i, raw := range items {
					out[i] = readDocument(raw)
				}
				return out, nil
			}
			return []posted{readDocument(trimmed)}, nil
		}
		if !bytes.Contains(trimmed, []byte("\n")) {
			var v any
			err := json.Unmarshal(trimmed, &v)
			return nil, fmt.Errorf("body is not JSON (%v): want a JSON document or JSON Lines of documents", err)
		}
	}
	var out []posted
	anyJSON := false
	for i, line := range bytes.Split(body, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		p := readDocument(line)
		p.line = i + 1
		if json.Valid(line) {
			anyJSON = true
		}
		out = append(out, p)
	}
	if !anyJSON {
		return nil, errors.New("body is not JSON: no line holds a JSON value; want a JSON document or JSON Lines of documents")
	}
	return out, nil
}

// readDocument decodes one document. Unknown fields are allowed: inputs
// often carry more than khabar reads.
func readDocument(raw []byte) posted {
	raw = bytes.TrimSpace(raw)
	if !json.Valid(raw) {
		var v any
		err := json.Unmarshal(raw, &v)
		return posted{err: fmt.Errorf("malformed JSON: %v", err)}
	}
	if len(raw) == 0 || raw[0] != '{' {
		return posted{err: errors.New("not a document: want a JSON object")}
	}
	var doc article.Document
	if err := json.Unmarshal(raw, &doc); err != nil {
		// Say which document it was, if its id at least reads.
		var idOnly struct {
			ID string `json:"id"`
		}
		p := posted{err: fmt.Errorf("invalid document: %v", err)}
		if json.Unmarshal(raw, &idOnly) == nil && idOnly.ID != "" {
			p.id = &idOnly.ID
		}
		return p
	}
	if strings.TrimSpace(doc.Text) == "" && strings.TrimSpace(doc.HTML) == "" {
		p := posted{err: errors.New("invalid document: it has neither text nor html")}
		if doc.ID != "" {
			p.id = &doc.ID
		}
		return p
	}
	id := doc.ID
	return posted{doc: doc, id: &id}
}
