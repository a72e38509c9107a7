package story

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/khabar-news/khabar/internal/article"
)

// Profile is what the story page and the API show of a story beyond its
// articles: whom it is about, what happened, who said what about whom,
// and when each report came.
type Profile struct {
	Lead     []Lead      `json:"lead_entities"`
	Events   []Happening `json:"events"`
	Threads  []Thread    `json:"claim_threads"`
	Timeline []Entry     `json:"timeline"`
}

// Lead is an entity the story's articles name, with how many of them do.
type Lead struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Kind     string `json:"kind"`
	Articles int    `json:"articles"`
	Mentions int    `json:"mentions"`
}

// Happening is an event as the story's articles report it: the first
// report's coding, and every article that reports an event of the same
// type, place and day.
type Happening struct {
	article.Event
	Articles []string `json:"articles"`
}

// Thread is one exchange of claims: accusations one actor made against
// another, and the denials and counter-accusations that answer them, from
// every article and language of the story.
type Thread struct {
	Accuser     string   `json:"accuser"`
	Accused     string   `json:"accused"`
	Accusations []Report `json:"accusations"`
	Responses   []Report `json:"responses"`
}

// Report is a claim and the article it was read in.
type Report struct {
	article.Claim
	Article string `json:"article"`
	Lang    string `json:"lang"`
}

// Entry is one article on the story's timeline.
type Entry struct {
	Article   string     `json:"article"`
	Title     string     `json:"title"`
	Lang      string     `json:"lang"`
	Source    string     `json:"source"`
	Published *time.Time `json:"published"`
	Duplicate bool       `json:"duplicate"`
}

// Pairer returns which claims answer which accusations, as index pairs
// (accusation, response) into claims. The event stage has one
// (event.Extractor.Pairs), which knows whose side each actor is on.
type Pairer func(claims []article.Claim) [][2]int

// maxLead is how many lead entities a profile lists.
const maxLead = 8

// Describe builds the profile of a story from its articles, in time
// order. pair may be nil: the profile then has no threads.
func Describe(arts []*article.Article, pair Pairer) Profile {
	p := Profile{Lead: lead(arts), Events: happenings(arts), Threads: []Thread{}, Timeline: []Entry{}}
	for _, a := range arts {
		p.Timeline = append(p.Timeline, Entry{Article: a.ID, Title: a.Title, Lang: langOf(a), Source: a.Source, Published: a.Published, Duplicate: a.Duplicate})
	}
	if pair != nil {
		p.Threads = threads(arts, pair)
	}
	return p
}

func langOf(a *article.Article) string {
	if a.Variety != "" {
		return a.Variety
	}
	return a.Lang
}

// lead ranks the entities by the articles that name them, then by
// mentions. Outlets and names found outside the gazetteer are left out:
// they say little about what the story is.
func lead(arts []*article.Article) []Lead {
	byID := map[string]*Lead{}
	for _, a := range arts {
		for _, e := range a.Entities {
			if e.Kind == "media" || e.Kind == "discovered" {
				continue
			}
			l := byID[e.ID]
			if l == nil {
				l = &Lead{ID: e.ID, Name: e.Name, Type: e.Type, Kind: e.Kind}
				byID[e.ID] = l
			}
			l.Articles++
			l.Mentions += len(e.Mentions)
		}
	}
	out := make([]Lead, 0, len(byID))
	for _, l := range byID {
		out = append(out, *l)
	}
	slices.SortFunc(out, func(a, b Lead) int {
		return cmp.Or(b.Articles-a.Articles, b.Mentions-a.Mentions, strings.Compare(a.ID, b.ID))
	})
	return out[:min(maxLead, len(out))]
}

// happenings gathers the articles' events, one per type, place and day,
// the most reported first.
func happenings(arts []*article.Article) []Happening {
	out := []Happening{}
	byKey := map[string]int{}
	for _, a := range arts {
		for _, ev := range a.Events {
			where := ""
			if ev.Location != nil {
				where = cmp.Or(ev.Location.ID, ev.Location.Name)
			}
			key := ev.EventType + "|" + ev.SubEventType + "|" + where + "|" + ev.Date
			i, ok := byKey[key]
			if !ok {
				i = len(out)
				byKey[key] = i
				out = append(out, Happening{Event: ev})
			}
			if !slices.Contains(out[i].Articles, a.ID) {
				out[i].Articles = append(out[i].Articles, a.ID)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Happening) int { return len(b.Articles) - len(a.Articles) })
	return out
}

// threads pairs the claims of all the articles and gathers the pairs
// into exchanges: pairs that share an accusation or a response, or whose
// accusations have one accuser and one accused, are one exchange, however
// many articles and languages report it. (An answer to "Pakistan accuses
// Afghanistan" and to "Pakistan accuses the Taliban" joins the two.)
func threads(arts []*article.Article, pair Pairer) []Thread {
	var claims []article.Claim
	var reports []Report
	for _, a := range arts {
		for _, c := range a.Claims {
			claims = append(claims, c)
			reports = append(reports, Report{Claim: c, Article: a.ID, Lang: langOf(a)})
		}
	}
	pairs := pair(claims)
	// Union-find over claims: each pair joins its two claims, and
	// accusations with one accuser and accused join each other.
	parent := make([]int, len(claims))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	union := func(a, b int) { parent[find(a)] = find(b) }
	first := map[string]int{}
	for _, pr := range pairs {
		union(pr[0], pr[1])
		acc := claims[pr[0]]
		key := acc.Speaker + "\x00" + acc.Target
		if f, ok := first[key]; ok {
			union(pr[0], f)
		} else {
			first[key] = pr[0]
		}
	}
	out := []Thread{}
	byRoot := map[int]int{}
	seen := map[int]bool{} // claims already listed
	add := func(list *[]Report, c int) {
		if !seen[c] {
			seen[c] = true
			*list = append(*list, reports[c])
		}
	}
	for _, pr := range pairs {
		root := find(pr[0])
		t, ok := byRoot[root]
		if !ok {
			t = len(out)
			byRoot[root] = t
			acc := claims[pr[0]]
			out = append(out, Thread{Accuser: acc.Speaker, Accused: acc.Target})
		}
		add(&out[t].Accusations, pr[0])
		add(&out[t].Responses, pr[1])
	}
	return out
}
