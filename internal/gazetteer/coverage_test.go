package gazetteer

import (
	"maps"
	"slices"
	"testing"
)

// TestCoverage checks what the entities issue asks the gazetteer to hold,
// and logs its counts by kind and by language (go test -run Coverage -v).
func TestCoverage(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() < 3000 {
		t.Errorf("%d entries, want at least 3,000", g.Len())
	}
	kinds := map[string]int{}
	names := map[string]int{}
	entries := map[string]int{}
	provinces := map[string]int{} // country id → provinces
	for _, e := range g.Entries() {
		kinds[e.Kind]++
		for _, l := range Langs {
			names[l] += len(e.Names[l])
			if len(e.Names[l]) > 0 {
				entries[l]++
			}
		}
		if e.Kind == "province" {
			provinces[e.Parent]++
		}
	}
	if provinces["afghanistan"] != 34 {
		t.Errorf("%d provinces of Afghanistan, want 34", provinces["afghanistan"])
	}
	if provinces["pakistan"] < 4 {
		t.Errorf("%d provinces of Pakistan, want at least Punjab, Sindh, Khyber Pakhtunkhwa and Balochistan", provinces["pakistan"])
	}
	if kinds["country"] < 190 {
		t.Errorf("%d countries, want every country", kinds["country"])
	}
	for _, id := range []string{"ttp", "isis-k", "taliban", "haqqani-network", "al-qaeda", "aqis", "bla", "blf", "lashkar-e-taiba", "jaish-e-mohammed", "nrf", "imu", "hezb-e-islami", "ispr", "unama", "oic", "un"} {
		if g.Get(id) == nil {
			t.Errorf("entry %q missing", id)
		}
	}
	t.Logf("%d entries", g.Len())
	for _, k := range slices.SortedFunc(maps.Keys(kinds), func(a, b string) int { return kinds[b] - kinds[a] }) {
		t.Logf("kind %-16s %5d", k, kinds[k])
	}
	for _, l := range Langs {
		t.Logf("lang %s: %5d names, %5d entries with a name", l, names[l], entries[l])
	}
}
