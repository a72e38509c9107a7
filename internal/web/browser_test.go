package web

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// chromium returns the path of a Chromium binary, skipping the test when
// there is none, unless KHABAR_REQUIRE_BROWSER=1 asks that it fail.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("KHABAR_REQUIRE_BROWSER") == "1" {
		t.Fatal("no chromium or chromium-browser on PATH, and KHABAR_REQUIRE_BROWSER=1")
	}
	t.Skip("no chromium or chromium-browser on PATH (apt-get install chromium); set KHABAR_REQUIRE_BROWSER=1 to fail instead")
	return ""
}

// runChromium runs headless Chromium with a fresh profile on one URL.
func runChromium(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir(),
	}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\nstderr:\n%s", args, err, stderr.Bytes())
	}
	return stdout.Bytes()
}

// TestBrowser renders the story page in a real browser: the DOM it builds
// must keep the right-to-left column and the marks, and the page must
// paint. Set KHABAR_SCREENSHOT_DIR to keep the screenshot for a look.
func TestBrowser(t *testing.T) {
	bin := chromium(t)
	s, _ := newTestServer(t)
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	url := srv.URL + "/stories/s-flood"

	dom := runChromium(t, bin, "--dump-dom", url)
	for _, re := range []string{
		`<article class="col" id="a-fa-flood" dir="rtl" lang="fa-AF">`,
		`<article class="col" id="a-ps-flood" dir="rtl" lang="ps">`,
		`<article class="col" id="a-en-flood" dir="ltr" lang="en">`,
		`<mark class="ent ent-LOC" data-entity="kabul" title="Kabul City \(city\)">کابل</mark><sup class="gloss" dir="ltr" lang="en">Kabul City</sup>`,
		`<mark class="ent ent-ORG" data-entity="taliban" title="Taliban \(armed_group\)">Taliban</mark>`,
	} {
		if !regexp.MustCompile(re).Match(dom) {
			t.Errorf("DOM lacks %s", re)
		}
	}
	if n := len(regexp.MustCompile(`<mark class="ent `).FindAll(dom, -1)); n != 7 {
		t.Errorf("DOM has %d marks, want 7", n)
	}
	if t.Failed() {
		t.Logf("DOM:\n%s", dom)
	}

	dir := t.TempDir()
	shot := filepath.Join(dir, "story.png")
	runChromium(t, bin, "--screenshot="+shot, "--window-size=1400,900", url)
	png, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	if len(png) < 10_000 || !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("screenshot is not a PNG of a painted page: %d bytes", len(png))
	}
	if keep := os.Getenv("KHABAR_SCREENSHOT_DIR"); keep != "" {
		if err := os.WriteFile(filepath.Join(keep, "story.png"), png, 0o644); err != nil {
			t.Errorf("keep screenshot: %v", err)
		}
	}
}
