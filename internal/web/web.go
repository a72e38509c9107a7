// Package web is the analyst's window on khabar: server-rendered pages that
// list stories and show a story's articles side by side, in their own
// languages and scripts, with every entity mention marked; and a small JSON
// API that serves the same data and takes new documents in.
//
// The pages need no JavaScript framework and load nothing from outside the
// binary: one embedded style sheet and a few lines of script that light up
// the mentions of one entity across columns. The server expects to be
// mounted at the root of its host.
package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/gazetteer"
	"github.com/khabar-news/khabar/internal/store"
	"github.com/khabar-news/khabar/internal/story"
)

//go:embed templates static
var assets embed.FS

// Ingester runs the pipeline on one document and stores it (implemented
// elsewhere, by the pipeline).
type Ingester interface {
	Ingest(ctx context.Context, doc article.Document) (a *article.Article, duplicate bool, err error)
}

// Editor merges and splits stories by hand (the pipeline's Ingester does,
// keeping story assignment in step); an Ingester that is not an Editor
// leaves the edit endpoints answering 501.
type Editor interface {
	Merge(ctx context.Context, from, into string) (store.Edit, error)
	Split(ctx context.Context, story string, articles []string) (store.Edit, error)
}

// pageSize is how many stories a list page shows.
const pageSize = 50

// maxPage bounds ?page= so that the offset cannot overflow; no store holds
// fifty million stories.
const maxPage = 1_000_000

// Server serves the web UI and the JSON API. It holds no state of its own
// beyond its dependencies and parsed templates, so one Server may serve
// any number of concurrent requests.
type Server struct {
	st    store.Store
	ing   Ingester // nil: the server is read-only
	g     *gazetteer.Gazetteer
	pair  story.Pairer
	log   *slog.Logger
	pages map[string]*template.Template
	h     http.Handler
}

// New returns a server over the store. ing may be nil for a read-only
// server, whose POST endpoints answer 501; g may be nil, in which case
// entity names come from the articles themselves; pair may be nil, in
// which case stories show no claim threads; log may be nil for
// slog.Default.
func New(st store.Store, ing Ingester, g *gazetteer.Gazetteer, pair story.Pairer, log *slog.Logger) *Server {
	if log == nil {
		log = slog.Default()
	}
	s := &Server{st: st, ing: ing, g: g, pair: pair, log: log, pages: parsePages()}
	s.h = s.middleware(s.routes())
	return s
}

// Handler returns the server's root handler.
func (s *Server) Handler() http.Handler { return s.h }

// routes registers every route. Each path is registered twice: once with
// its method, and once for any method so that a wrong method gets a 405 in
// the page's own format (JSON under /api/) instead of falling through to
// the catch-all 404.
func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	page := func(method, path string, h http.HandlerFunc) {
		mux.HandleFunc(method+" "+path, h)
		mux.HandleFunc(path, s.pageMethodNotAllowed(method))
	}
	api := func(method, path string, h http.HandlerFunc) {
		mux.HandleFunc(method+" "+path, h)
		mux.HandleFunc(path, s.apiMethodNotAllowed(method))
	}

	page(http.MethodGet, "/{$}", s.listPage)
	page(http.MethodGet, "/stories/{id}", s.storyPage)
	page(http.MethodGet, "/articles/{id}", s.articlePage)
	page(http.MethodGet, "/entities/{id}", s.entityPage)
	page(http.MethodGet, "/static/", s.static())
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, r, http.StatusNotFound, "There is no page at this address.")
	})

	api(http.MethodGet, "/api/stories", s.apiStories)
	api(http.MethodGet, "/api/stories/{id}", s.apiStory)
	api(http.MethodGet, "/api/articles/{id}", s.apiArticle)
	api(http.MethodGet, "/api/entities/{id}", s.apiEntity)
	api(http.MethodPost, "/api/stories/{id}/merge", s.apiMerge)
	api(http.MethodPost, "/api/stories/{id}/split", s.apiSplit)
	api(http.MethodPost, "/api/documents", s.apiDocuments)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.jsonError(w, http.StatusNotFound, "no such API endpoint: "+r.URL.Path)
	})
	return mux
}

// static serves the embedded style sheet and script. Directories are not
// listed: there is nothing to browse.
func (s *Server) static() http.HandlerFunc {
	sub, err := fs.Sub(assets, "static")
	if err != nil {
		panic(fmt.Sprintf("web: embedded static files: %v", err)) // a build defect
	}
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			s.errorPage(w, r, http.StatusNotFound, "There is no page at this address.")
			return
		}
		files.ServeHTTP(w, r)
	}
}

func allowed(method string) string {
	if method == http.MethodGet {
		return "GET, HEAD"
	}
	return method
}

func (s *Server) pageMethodNotAllowed(method string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", allowed(method))
		s.errorPage(w, r, http.StatusMethodNotAllowed, "This page only answers "+allowed(method)+".")
	}
}

func (s *Server) apiMethodNotAllowed(method string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", allowed(method))
		s.jsonError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s not allowed; use %s", r.Method, allowed(method)))
	}
}

// middleware adds what every response needs: headers that keep a browser
// from running anything the pages did not ship (article text comes from
// the open web), recovery from panics, and a log line per request.
func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		h := rec.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.ErrorContext(r.Context(), "web: panic", "method", r.Method, "path", r.URL.Path, "panic", v)
				if !rec.wrote {
					s.fail(rec, r, http.StatusInternalServerError, "internal error")
				}
			}
			s.log.InfoContext(r.Context(), "web: request", "method", r.Method, "path", r.URL.Path,
				"status", rec.status, "bytes", rec.bytes, "duration", time.Since(start))
		}()
		next.ServeHTTP(rec, r)
	})
}

// statusRecorder remembers the status and size of a response for the log.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
	wrote  bool
}

func (w *statusRecorder) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	w.wrote = true
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the real writer.
func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// fail answers with an error in the format the path calls for.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if isAPI(r) {
		s.jsonError(w, status, msg)
		return
	}
	s.errorPage(w, r, status, msg)
}

func isAPI(r *http.Request) bool {
	return r.URL.Path == "/api" || strings.HasPrefix(r.URL.Path, "/api/")
}

// storeError answers for an error from the store: a missing id is the
// client's 404; anything else is logged and hidden behind a 500, since its
// text may describe the database.
func (s *Server) storeError(w http.ResponseWriter, r *http.Request, what string, err error) {
	if errors.Is(err, store.ErrNotFound) {
		s.fail(w, r, http.StatusNotFound, what+" not found")
		return
	}
	if r.Context().Err() != nil {
		return // the client left; nobody reads the answer
	}
	s.log.ErrorContext(r.Context(), "web: store", "path", r.URL.Path, "err", err)
	s.fail(w, r, http.StatusInternalServerError, "internal error")
}

// story loads a story for a page or the API. A story merged into another
// answers with a redirect to it (true: the answer is written).
func (s *Server) story(w http.ResponseWriter, r *http.Request, prefix string) (store.StorySummary, []*article.Article, bool) {
	id := r.PathValue("id")
	sum, arts, err := s.st.Story(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		if to, rerr := s.st.Resolve(r.Context(), id); rerr == nil && to != id {
			http.Redirect(w, r, prefix+url.PathEscape(to), http.StatusMovedPermanently)
			return sum, nil, true
		}
	}
	if err != nil {
		s.storeError(w, r, "story", err)
		return sum, nil, true
	}
	normalize(&sum)
	return sum, arts, false
}

// pageParam reads ?page=N: absent means the first page.
func pageParam(r *http.Request) (int, error) {
	v := r.URL.Query().Get("page")
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxPage {
		return 0, fmt.Errorf("page %q: want a whole number from 1 to %d", v, maxPage)
	}
	return n, nil
}

// stories returns one page of stories and whether another page follows.
func (s *Server) stories(ctx context.Context, page int) ([]store.StorySummary, bool, error) {
	// One more than a page tells whether there is a next one.
	list, err := s.st.Stories(ctx, pageSize+1, (page-1)*pageSize)
	if err != nil {
		return nil, false, fmt.Errorf("list stories page %d: %w", page, err)
	}
	more := len(list) > pageSize
	if more {
		list = list[:pageSize]
	}
	for i := range list {
		normalize(&list[i])
	}
	if list == nil {
		list = []store.StorySummary{}
	}
	return list, more, nil
}

// normalize makes a summary's lists non-null, so that JSON clients see
// arrays, as in article records.
func normalize(st *store.StorySummary) {
	if st.Languages == nil {
		st.Languages = []string{}
	}
	if st.Sources == nil {
		st.Sources = []string{}
	}
}

// render executes a page into a buffer first, so that a template error
// becomes a clean 500 instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&buf, "layout", data); err != nil {
		s.log.ErrorContext(r.Context(), "web: render", "page", name, "err", err)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintln(w, "internal error")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}
