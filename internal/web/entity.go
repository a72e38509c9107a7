package web

import (
	"context"
	"fmt"
	"net/http"

	"github.com/khabar-news/khabar/internal/article"
	"github.com/khabar-news/khabar/internal/gazetteer"
	"github.com/khabar-news/khabar/internal/store"
)

// entityLimit bounds the articles and co-occurring entities an entity's
// page lists: a country is named in most articles, and the page is for
// reading, not export.
const entityLimit = 200

// entityNames are an entity's names in one language.
type entityNames struct {
	Lang  string   `json:"lang"`
	Names []string `json:"names"`
}

// Dir is the writing direction of the names.
func (n entityNames) Dir() string { return direction(n.Lang) }

// entityLink is another entity as a page links to it.
type entityLink struct {
	*entityView
	Articles int `json:"articles"`
}

// storyRef is a story that mentions the entity.
type storyRef struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Articles int    `json:"articles"` // its articles that mention the entity
}

// entityData is what the entity page and GET /api/entities/{id} show.
type entityData struct {
	Title    string                `json:"-"`
	Entity   *entityView           `json:"-"`
	Role     string                `json:"role,omitempty"`
	Parent   *entityView           `json:"-"`
	Names    []entityNames         `json:"names"`
	Articles []store.EntityArticle `json:"articles"`
	Stories  []storyRef            `json:"stories"`
	Related  []entityLink          `json:"related"`
}

// entityRecord is the JSON form of entityData.
type entityRecord struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Type   string `json:"type"`
	Kind   string `json:"kind"`
	Parent string `json:"parent,omitempty"`
	entityData
}

// entity gathers what khabar knows of an entity: the gazetteer's entry,
// and from the store the articles that name it, their stories and the
// entities named beside it. An id that neither the gazetteer nor any
// stored article knows is not found.
func (s *Server) entity(ctx context.Context, id string) (*entityData, error) {
	arts, err := s.st.EntityArticles(ctx, id, entityLimit)
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	var e *gazetteer.Entry
	if s.g != nil {
		e = s.g.Get(id)
	}
	if e == nil && len(arts) == 0 {
		return nil, store.ErrNotFound
	}
	d := &entityData{Articles: arts, Names: []entityNames{}, Stories: []storyRef{}, Related: []entityLink{}}
	if d.Articles == nil {
		d.Articles = []store.EntityArticle{}
	}
	if e != nil {
		d.Entity = s.entityView(article.Entity{ID: id})
		d.Role = e.Role
		if e.Parent != "" {
			d.Parent = s.entityView(article.Entity{ID: e.Parent})
		}
		d.Names = append(d.Names, entityNames{Lang: "en", Names: append([]string{e.Name}, without(e.Names["en"], e.Name)...)})
		for _, l := range gazetteer.Langs[1:] {
			if len(e.Names[l]) > 0 {
				d.Names = append(d.Names, entityNames{Lang: l, Names: e.Names[l]})
			}
		}
	} else {
		// A discovered name: the article that named it last says how.
		d.Entity, err = s.storedEntity(ctx, arts[0].ID, id)
		if err != nil {
			return nil, err
		}
	}
	d.Title = d.Entity.Name
	index := map[string]int{}
	for _, a := range arts {
		k, ok := index[a.Story]
		if !ok {
			k = len(d.Stories)
			index[a.Story] = k
			d.Stories = append(d.Stories, storyRef{ID: a.Story})
		}
		d.Stories[k].Articles++
	}
	for i := range d.Stories {
		sum, _, err := s.st.Story(ctx, d.Stories[i].ID)
		if err != nil {
			return nil, fmt.Errorf("entity %s: %w", id, err)
		}
		d.Stories[i].Title = sum.Title
		if d.Stories[i].Title == "" {
			d.Stories[i].Title = "Story " + sum.ID
		}
	}
	co, err := s.st.CoEntities(ctx, id, entityLimit)
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	for _, c := range co {
		v := s.entityView(article.Entity{ID: c.ID})
		if s.g == nil || s.g.Get(c.ID) == nil {
			// Not in the catalogue: name it as the article did.
			if list, err := s.st.EntityArticles(ctx, c.ID, 1); err == nil && len(list) > 0 {
				if sv, err := s.storedEntity(ctx, list[0].ID, c.ID); err == nil {
					v = sv
				}
			}
		}
		d.Related = append(d.Related, entityLink{entityView: v, Articles: c.Articles})
	}
	return d, nil
}

// storedEntity returns the entity as a stored article names it.
func (s *Server) storedEntity(ctx context.Context, articleID, id string) (*entityView, error) {
	a, err := s.st.Article(ctx, articleID)
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	for _, e := range a.Entities {
		if e.ID == id {
			return s.entityView(e), nil
		}
	}
	return s.entityView(article.Entity{ID: id}), nil
}

func without(list []string, s string) []string {
	var out []string
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

func (s *Server) entityPage(w http.ResponseWriter, r *http.Request) {
	d, err := s.entity(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, "entity", err)
		return
	}
	s.render(w, r, http.StatusOK, "entity", d)
}

func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) {
	d, err := s.entity(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, "entity", err)
		return
	}
	rec := entityRecord{ID: d.Entity.ID, Name: d.Entity.Name, Type: d.Entity.Type, Kind: d.Entity.Kind, entityData: *d}
	if d.Parent != nil {
		rec.Parent = d.Parent.ID
	}
	s.writeJSON(w, http.StatusOK, rec)
}
