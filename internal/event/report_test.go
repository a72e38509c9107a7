package event_test

import (
	"testing"

	"github.com/khabar-news/khabar/internal/event"
)

// Reports of several sentences in the style of military press releases:
// how the sentences of one incident add up. The texts are the project's
// own, written for these tests.
func TestReportCounts(t *testing.T) {
	tests := []struct {
		name, text   string
		sub          string
		admin1       string
		killed, held int
		actor        string // an actor the main event must have, "" for none
	}{
		{"a leader, then the rank and file",
			"A joint patrol captured a Taliban commander in Arghandab district, Kandahar province, yesterday. The commander ran a cell that planted roadside bombs. The patrol questioned villagers and detained three suspected insurgents.",
			event.Arrests, "Kandahar", 0, 4, "taliban"},
		{"the same people told twice",
			"Soldiers detained several suspected insurgents in Zurmat district, Paktia province, yesterday. After questioning the residents, the soldiers detained several suspected insurgents for further questioning.",
			event.Arrests, "Paktia", 0, 3, ""},
		{"the leader and his associates",
			"A security force searched a compound in Khost province yesterday. The force detained the facilitator along with two of his associates.",
			event.Arrests, "Khost", 0, 3, ""},
		{"more than",
			"Government troops killed more than 20 militants during a clearing operation in Sangin district, Helmand province, on Sunday.",
			event.ArmedClash, "Helmand", 21, 0, ""},
		{"numerous",
			"Police detained numerous suspects in a raid on a bazaar in Ghazni province yesterday.",
			event.Arrests, "Ghazni", 0, 4, ""},
		{"a running total is no incident",
			"A patrol detained a Haqqani facilitator in Sabari district, Khost province, yesterday. With this arrest, forces have detained more than 40 facilitators since the start of the year.",
			event.Arrests, "Khost", 0, 1, "haqqani-network"},
		{"the armed group of the operation",
			"A combined force went after a Taliban leader in Garmsir district, Helmand province, yesterday. The leader moved weapons for fighters in the district. Two suspected insurgents were detained during the search.",
			event.Arrests, "Helmand", 0, 2, "taliban"},
		{"violence describing the detainee",
			"Soldiers captured a facilitator of roadside bomb attacks in Kunduz province yesterday.",
			event.Arrests, "Kunduz", 0, 1, ""},
		{"the arrested man is no new arrest",
			"Police arrested a weapons smuggler in Nangarhar province yesterday. The arrested smuggler had stored rockets and mortar rounds in his house.",
			event.Arrests, "Nangarhar", 0, 1, ""},
		{"a country's adjective is no place",
			"Troops searched for a Taliban leader in Wardak province yesterday. The leader attacked Afghan police checkpoints. Two suspected insurgents were detained during the search.",
			event.Arrests, "Maidan Wardak", 0, 2, "taliban"},
		{"policemen and attackers are different dead",
			"Five policemen were killed when militants stormed a checkpoint in Bannu district late on Monday, police said. Three attackers were killed in the exchange of fire, a police officer said.",
			event.ArmedClash, "Khyber Pakhtunkhwa", 8, 0, ""},
		{"a claimed figure widens the range only",
			"Militants killed four soldiers in an ambush on a convoy in Kech district on Sunday, the military said. The Baloch Liberation Army claimed responsibility, saying its fighters had killed 12 soldiers.",
			event.ArmedClash, "Balochistan", 4, 0, ""},
		{"a number before a wound word counts the wounded",
			"A roadside bomb exploded in a market in Khost province on Monday, killing two and more than 20 wounded were taken to hospital.",
			event.IED, "Khost", 2, 0, ""},
		{"a summary lead, then its first operation",
			"Police detained numerous suspects during two separate operations in Kunduz and Baghlan provinces yesterday. In Kunduz province, a police unit detained three suspects in a raid on a house.",
			event.Arrests, "Kunduz", 0, 3, ""},
		{"an aim is no detention",
			"Troops detained two suspected insurgents during an operation aimed at capturing a Taliban commander in Zabul province yesterday.",
			event.Arrests, "Zabul", 0, 2, "taliban"},
		{"a long name in a count, and the wounded apart",
			"Six militants were killed and a Counter Terrorism Department official was martyred in a raid in Dera Ismail Khan on Tuesday. A constable was martyred and two others were wounded, a spokesman said.",
			event.ArmedClash, "Khyber Pakhtunkhwa", 7, 0, ""},
		{"the killed men are no new dead",
			"Troops killed three militants in a raid in Kunar province on Sunday. The killed militants had planted roadside bombs on the main road last month.",
			event.ArmedClash, "Kunar", 3, 0, ""},
		{"a date's digits are no count",
			"KABUL, Afghanistan (May 14, 2024) – Several insurgents were killed in a clash with border police in Zabul province today.",
			event.ArmedClash, "Zabul", 3, 0, ""},
		{"a person noun without an article",
			"Government troops killed Taliban explosives expert Gul in Ghazni province on Monday.",
			event.ArmedClash, "Ghazni", 1, 0, "taliban"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := annotate(t, tt.text)
			if len(a.Events) == 0 {
				t.Fatalf("no event; entities %v", a.EntityIDs())
			}
			e := a.Events[0]
			if e.SubEventType != tt.sub {
				t.Errorf("type %s, want %s", e.SubEventType, tt.sub)
			}
			if e.Location == nil || e.Location.Admin1 != tt.admin1 {
				t.Errorf("location %+v, want admin1 %s", e.Location, tt.admin1)
			}
			killed := 0
			if e.Fatalities != nil {
				killed = e.Fatalities.Min
			}
			if killed != tt.killed || e.Captured != tt.held {
				t.Errorf("killed %d captured %d, want %d and %d (events %+v)", killed, e.Captured, tt.killed, tt.held, a.Events)
			}
			if tt.actor != "" && !hasActor(e, tt.actor) {
				t.Errorf("actors %q %q %q %q, want %s", e.Actor1, e.Actor2, e.AssocActor1, e.AssocActor2, tt.actor)
			}
		})
	}
}

// A later sentence that names an older incident by its date ("the May 2
// attack") neither dates the incident reported nor stands apart as one.
func TestReportDate(t *testing.T) {
	a := annotate(t, "A patrol detained two men in Kunar province yesterday. One of the detained men was involved in the May 2 attack on a police post, officials said.")
	if len(a.Events) == 0 {
		t.Fatal("no event")
	}
	if e := a.Events[0]; e.Date != "2024-05-13" || e.SubEventType != event.Arrests {
		t.Errorf("first event %s on %s, want Arrests on 2024-05-13 (events %+v)", e.SubEventType, e.Date, a.Events)
	}
}

// Sentences that tell of an attack rather than report one as it happens:
// what is a habit is no incident, the day a spokesman spoke is not the
// day of the attack, "May" the month is no modal, the spokesman is not a
// party, and an attack on civilians by someone unnamed is coded as ACLED
// codes it.
func TestToldAttacks(t *testing.T) {
	tests := []struct {
		name, text string
		want       int // events
		sub, date  string
		admin1     string
		actor1     string
		actor2     string
	}{
		{"a habit is no incident",
			"The group usually carries out bombings in the country and beyond its borders.",
			0, "", "", "", "", ""},
		{"the statement's day, the attack's month",
			"The army's spokesman said on May 9th that an assault on Korean engineers in Pakistan had been planned abroad in February by a foreign national.",
			1, event.Attack, "2024-02", "", "unidentified-armed-group", "civilians"},
		{"an attack with its own day",
			"Police said on Friday that gunmen attacked a bus carrying Korean engineers in Shangla district on Wednesday, killing two.",
			1, event.Attack, "2024-05-08", "Khyber Pakhtunkhwa", "", "civilians"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := annotate(t, tt.text)
			if len(a.Events) != tt.want {
				t.Fatalf("%d events, want %d: %+v", len(a.Events), tt.want, a.Events)
			}
			if tt.want == 0 {
				return
			}
			e := a.Events[0]
			if e.SubEventType != tt.sub || e.Date != tt.date {
				t.Errorf("%s on %s, want %s on %s", e.SubEventType, e.Date, tt.sub, tt.date)
			}
			if tt.admin1 != "" && (e.Location == nil || e.Location.Admin1 != tt.admin1) {
				t.Errorf("location %+v, want admin1 %s", e.Location, tt.admin1)
			}
			if tt.actor1 != "" && e.Actor1 != tt.actor1 {
				t.Errorf("actor1 %q, want %q", e.Actor1, tt.actor1)
			}
			if e.Actor2 != tt.actor2 || testing.Verbose() {
				t.Logf("%+v", e)
			}
			if e.Actor2 != tt.actor2 {
				t.Errorf("actor2 %q, want %q", e.Actor2, tt.actor2)
			}
		})
	}
}
