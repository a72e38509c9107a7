package article

import "time"

// Record is an article as the `khabar process` contract writes it: the
// fields, their names and their order are a contract that outside tools
// read (see the README). Slices are never null.
type Record struct {
	ID            string   `json:"id"`
	Lang          string   `json:"lang"`
	Variety       *string  `json:"variety"`
	Title         string   `json:"title"`
	Text          string   `json:"text"`
	Published     *string  `json:"published"`
	PublishedFrom *string  `json:"published_from"`
	Dates         []Date   `json:"dates"`
	Entities      []Entity `json:"entities"`
	Events        []Event  `json:"events"`
	Claims        []Claim  `json:"claims"`
	Story         *string  `json:"story"`
}

// ErrorRecord is the output line for an input line that could not be read.
type ErrorRecord struct {
	ID    *string `json:"id"`
	Error string  `json:"error"`
}

// Record returns the contract form of the article.
func (a *Article) Record() Record {
	r := Record{
		ID:       a.ID,
		Lang:     a.Lang,
		Variety:  optional(a.Variety),
		Title:    a.Title,
		Text:     a.Text,
		Dates:    nonNil(a.Dates),
		Entities: nonNil(a.Entities),
		Events:   nonNil(a.Events),
		Claims:   nonNil(a.Claims),
		Story:    optional(a.Story),
	}
	if a.Published != nil {
		s := a.Published.Format(time.RFC3339)
		r.Published = &s
		r.PublishedFrom = optional(a.PublishedFrom)
	}
	for i := range r.Entities {
		r.Entities[i].Mentions = nonNil(r.Entities[i].Mentions)
	}
	return r
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
