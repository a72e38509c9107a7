package web

import (
	"net/http"
	"strconv"

	"github.com/khabar-news/khabar/internal/store"
	"github.com/khabar-news/khabar/internal/story"
)

// listData is the story list page.
type listData struct {
	Title    string
	Stories  []store.StorySummary
	Page     int
	Prev     int // 0: no previous page
	Next     int // 0: no next page
	PageSize int
}

func (s *Server) listPage(w http.ResponseWriter, r *http.Request) {
	page, err := pageParam(r)
	if err != nil {
		s.errorPage(w, r, http.StatusBadRequest, err.Error())
		return
	}
	list, more, err := s.stories(r.Context(), page)
	if err != nil {
		s.storeError(w, r, "stories", err)
		return
	}
	d := listData{Title: "Stories", Stories: list, Page: page, PageSize: pageSize}
	if page > 1 {
		d.Prev = page - 1
		d.Title = "Stories, page " + strconv.Itoa(page)
	}
	if more {
		d.Next = page + 1
	}
	s.render(w, r, http.StatusOK, "list", d)
}

// storyData is the story page.
type storyData struct {
	Title    string
	Story    store.StorySummary
	Profile  story.Profile
	Names    map[string]string // entity id → English name, for the threads
	Columns  []articleView
	Entities entityTable
}

func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) {
	sum, arts, done := s.story(w, r, "/stories/")
	if done {
		return
	}
	d := storyData{Title: sum.Title, Story: sum, Profile: story.Describe(arts, s.pair), Names: map[string]string{}}
	for _, a := range arts {
		for _, e := range a.Entities {
			d.Names[e.ID] = e.Name
		}
	}
	if d.Title == "" {
		d.Title = "Story " + sum.ID
	}
	for _, a := range arts {
		d.Columns = append(d.Columns, s.articleView(a))
	}
	d.Entities = entityTable{Rows: storyEntities(d.Columns), Story: true}
	s.render(w, r, http.StatusOK, "story", d)
}

// articleData is the article page.
type articleData struct {
	Title    string
	View     articleView
	Entities entityTable
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	a, err := s.st.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, "article", err)
		return
	}
	v := s.articleView(a)
	d := articleData{Title: a.Title, View: v, Entities: entityTable{Rows: v.Entities}}
	if d.Title == "" {
		d.Title = "Article " + a.ID
	}
	s.render(w, r, http.StatusOK, "article", d)
}

// errorData is an error page.
type errorData struct {
	Title   string
	Status  int
	Message string
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error", errorData{Title: http.StatusText(status), Status: status, Message: msg})
}
