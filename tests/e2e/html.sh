#!/bin/sh
# End-to-end tests of the contact sheet, `photoconsent scan --html`: the
# report of samples/ is loaded in headless Chromium, as a member of staff
# would open it, and the page the browser built (its DOM) must hold one
# card per sample photo, in path order, each with the verdict `check
# --json` gives that photo and a link to it; its search box, opened with
# "#q=..." (as a link to a searched sheet does, since a headless browser
# cannot type), must leave exactly the cards it should, and every card
# without the script; a red face box must be drawn where inspect says the
# face is, in a screenshot; the parent view's page must name none of the
# pictured pupils, nor draw a box. Skipped, saying so, without Chromium.
#
# Chromium runs with HOME, its profile and its caches in $E2E_TMP, so that
# it writes nothing into the user's home, and with a time limit.
# Usage: tests/e2e/html.sh [BUILD_DIR]
. "$(dirname "$0")/lib.sh"
e2e_start "$@"

HTML_DB=$E2E_TMP/html.db
# The day the sheet and check both judge as of: the same day for both,
# whenever the tests run (and the day tests/e2e/verdicts.expected uses).
HTML_ON=2026-11-26
case $E2E_TMP in
/*) HTML_DIR=$E2E_TMP/html ;;
*) HTML_DIR=$(pwd)/$E2E_TMP/html ;;
esac
mkdir -p "$HTML_DIR/home"

# browse OUTPUT ARGS... URL: runs Chromium on the page; its output in
# OUTPUT, its errors in $HTML_DIR/chromium.err; sets $status.
browse() {
	browse_out=$1
	shift
	HOME=$HTML_DIR/home XDG_CONFIG_HOME=$HTML_DIR/home/.config \
		XDG_CACHE_HOME=$HTML_DIR/home/.cache timeout 60 "$CHROMIUM" --headless \
		--no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-extensions \
		--user-data-dir="$HTML_DIR/home/profile" "$@" >"$browse_out" \
		2>"$HTML_DIR/chromium.err"
	status=$?
}

# The cards of a DOM, a line each: "verdict<TAB>file", from every
# <article class="card"> with its attributes decoded, in the page's order.
# With an argument ATTR, "shown<TAB>file" for the cards without the
# `hidden` attribute (those the search left), or "ATTR-value<TAB>file".
cards_of() {
	perl -e '
		my $want = shift;
		local $/; my $dom = <STDIN>;
		my %ent = (amp => "&", lt => "<", gt => ">", quot => "\"", apos => "\x27");
		sub decode { my $s = shift;
			$s =~ s/&(#x([0-9a-f]+)|#(\d+)|(\w+));/
				defined $2 ? chr(hex $2) : defined $3 ? chr($3) : ($ent{$4} \/\/ "&$4;")/gie;
			return $s }
		while ($dom =~ /<article\b([^>]*)>/g) {
			my $tag = $1; my %a;
			$a{lc $1} = decode($2) while $tag =~ /([\w-]+)(?:="([^"]*)")?/g;
			next unless ($a{class} // "") =~ /(^|\s)card(\s|$)/;
			my $file = $a{"data-file"} // "(none)";
			if (!defined $want) { print(($a{"data-verdict"} // "(none)"), "\t$file\n") }
			elsif ($want eq "shown") { print "shown\t$file\n" unless exists $a{hidden} }
			else { print(($a{$want} // "(none)"), "\t$file\n") }
		}' -- "$@"
}

# names_in FILE: fails, saying which, when FILE holds the id or a name of
# a pupil that consent-db/README.md lists as pictured in the samples: ids,
# names (whole, surname first, each part, preferred, aliases), with and
# without accents. Previews and the photos' own file names are taken out
# first: those are the parent's own.
names_in() {
	perl -CSD -Mutf8 -MUnicode::Normalize -e '
		my ($readme, $csv, $dom, @files) = @ARGV;
		my %ascii = qw(Ł L ł l Ø O ø o Đ D đ d);
		sub plain { my $s = NFD(shift); $s =~ s/\p{Mn}//g; $s =~ s/([ŁłØøĐđ])/$ascii{$1}/g; $s }
		open my $r, "<:encoding(UTF-8)", $readme or die "$readme: $!";
		my ($in, %pictured);
		while (<$r>) {
			$in = 1 if /^### The pupils in the sample photos/;
			$pictured{$1} = 1 if $in && /^\|\s*(\d+)\s*\|/;
		}
		keys %pictured >= 15 or die "no pupils found in $readme\n";
		open my $c, "<:encoding(UTF-8)", $csv or die "$csv: $!";
		chomp(my $h = <$c>); my @head = split /,/, $h;
		my %words;
		while (<$c>) {
			chomp; my @f = split /,/, $_, -1; my %p; @p{@head} = @f;
			next unless $pictured{$p{pupil_id}};
			my @n = ($p{pupil_id}, $p{forename}, $p{surname}, "$p{forename} $p{surname}",
				"$p{surname}, $p{forename}",
				grep { length } ($p{preferred_name}, split /;/, $p{aliases}));
			$words{$_} = 1 for grep { length } map { ($_, plain($_)) } @n;
		}
		open my $d, "<:encoding(UTF-8)", $dom or die "$dom: $!";
		local $/; my $text = <$d>;
		$text =~ s/"data:[^"]*"/""/g;
		for my $f (@files) { utf8::decode($f); (my $b = $f) =~ s{.*/}{};
			$text =~ s/\Q$_\E//g for $f, $b }
		my @hit = grep { $text =~ /(?<![\w])\Q$_\E(?![\w])/i } sort keys %words;
		print "names or ids in $dom: @hit\n" if @hit;
		exit(@hit ? 1 : 0);' consent-db/README.md consent-db/demo.csv "$1" samples/*.jpg
}

CHROMIUM=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$CHROMIUM" ]; then
	t "the contact sheet in a browser"
	skip "Chromium is not installed (apt-get install chromium): the HTML report is not tested"
else
	t "the contact sheet: the demo database"
	if sh build-aux/demo-db.sh "$PHOTOCONSENT" "$HTML_DB" >/dev/null 2>"$HTML_DIR/demo.err"; then
		ok
	else
		bad "the demo database: $(cat "$HTML_DIR/demo.err")"
	fi

	t "scan --html writes the contact sheet"
	run --db "$HTML_DB" scan --purpose website --on "$HTML_ON" --html "$HTML_DIR/report.html" \
		samples/
	expect_no_crash
	# Some samples may not be shared on the website: exit status 1.
	expect_status 1
	if [ -s "$HTML_DIR/report.html" ]; then ok; else bad "no report written"; fi
	leftover=""
	for f in "$HTML_DIR"/report.html.*; do
		if [ -e "$f" ]; then leftover="$leftover $f"; fi
	done
	if [ -z "$leftover" ]; then ok; else bad "temporary files left: $leftover"; fi
	mode=$(stat -c %a "$HTML_DIR/report.html" 2>/dev/null)
	if [ "$mode" = 600 ]; then ok; else bad "the report's mode is $mode, not 600"; fi

	t "the contact sheet loads nothing from anywhere"
	for banned in 'http://' 'https://' 'src="/' '<link' '@import' 'url(' '<form' '<base'; do
		if grep -qF -- "$banned" "$HTML_DIR/report.html"; then
			bad "the report holds '$banned'"
		else
			ok
		fi
	done

	t "the contact sheet runs one script, the one its policy allows by its hash"
	# The hash recomputed from the page as written, as a browser does.
	if perl -MDigest::SHA=sha256_base64 -e '
		local $/; my $page = <STDIN>;
		my @scripts = $page =~ /<script\b[^>]*>(.*?)<\/script>/gs;
		my $opened = () = $page =~ /<script/g;
		@scripts == 1 && $opened == 1 or die scalar(@scripts) . " scripts, $opened opened\n";
		my ($policy) = $page =~ /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/
			or die "no Content-Security-Policy\n";
		my $hash = sha256_base64($scripts[0]);
		$hash .= "=" while length($hash) % 4;
		my $want = "default-src \x27none\x27; img-src data:; style-src \x27unsafe-inline\x27; "
			. "script-src \x27sha256-$hash\x27; base-uri \x27none\x27; form-action \x27none\x27";
		$policy eq $want or die "the policy is \"$policy\", not \"$want\"\n";' \
		<"$HTML_DIR/report.html" 2>"$HTML_DIR/policy.err"; then
		ok
	else
		bad "$(cat "$HTML_DIR/policy.err")"
	fi

	t "the contact sheet opens in Chromium"
	browse "$HTML_DIR/report.dom" --dump-dom "file://$HTML_DIR/report.html"
	if [ "$status" -eq 0 ] && [ -s "$HTML_DIR/report.dom" ]; then
		ok
	else
		bad "chromium exit status $status: $(tail -c 600 "$HTML_DIR/chromium.err")"
	fi

	t "one card per sample, with the verdict check gives it"
	# What check says of each photo; a photo that could not be read is
	# "unreadable" on the sheet.
	run --db "$HTML_DB" check --no-log --purpose website --on "$HTML_ON" --json samples/*.jpg
	expect_no_crash
	cp "$OUT" "$HTML_DIR/check.json"
	perl -MJSON::PP -ne '
		my $j = JSON::PP->new->decode($_);
		my $v = (grep { $_->{code} eq "unreadable" } @{$j->{reasons}}) ? "unreadable" : $j->{verdict};
		print "$v\t$j->{file}\n";' "$OUT" | sort >"$HTML_DIR/expected"
	cards_of <"$HTML_DIR/report.dom" | sort >"$HTML_DIR/cards"
	n_samples=0
	for f in samples/*.jpg; do n_samples=$((n_samples + 1)); done
	n_expected=$(wc -l <"$HTML_DIR/expected")
	n_cards=$(wc -l <"$HTML_DIR/cards")
	if [ "$n_samples" -eq 31 ] && [ "$n_expected" -eq "$n_samples" ]; then
		ok
	else
		bad "$n_samples samples and $n_expected verdicts from check, expected 31 of each"
	fi
	if [ "$n_cards" -eq "$n_samples" ]; then ok; else bad "$n_cards cards for $n_samples photos"; fi
	dup=$(cut -f2 "$HTML_DIR/cards" | uniq -d)
	if [ -z "$dup" ]; then ok; else bad "more than one card for: $dup"; fi
	if cmp -s "$HTML_DIR/expected" "$HTML_DIR/cards"; then
		ok
	else
		bad "cards and check differ (< check, > the sheet): $(diff "$HTML_DIR/expected" "$HTML_DIR/cards" | grep '^[<>]' | head -n 10)"
	fi

	t "the cards are in path order"
	cards_of <"$HTML_DIR/report.dom" | cut -f2 >"$HTML_DIR/order"
	LC_ALL=C sort "$HTML_DIR/order" >"$HTML_DIR/order.sorted"
	if [ -s "$HTML_DIR/order" ] && cmp -s "$HTML_DIR/order" "$HTML_DIR/order.sorted"; then
		ok
	else
		bad "not in path order: $(diff "$HTML_DIR/order.sorted" "$HTML_DIR/order" | head -n 6)"
	fi

	t "each card's file name links to the original"
	# file:// and the absolute path, every byte but the unreserved ones
	# and "/" percent-encoded.
	if perl -e '
		my $cwd = shift; local $/; my $dom = <STDIN>; my ($n, $bad) = (0, 0);
		while ($dom =~ /<article\b[^>]*data-file="([^"]*)"[^>]*>(.*?)<\/article>/gs) {
			my ($file, $body) = ($1, $2); $n++;
			(my $want = "$cwd/$file") =~ s{([^A-Za-z0-9\-._~/])}{sprintf "%%%02X", ord $1}ge;
			my ($href) = $body =~ /<h3 class="file"><a href="([^"]*)">/;
			$bad++, print "$file: ", $href // "no link", "\n" unless ($href // "") eq "file://$want";
		}
		exit($bad || $n != 31 ? 1 : 0);' "$(pwd)" <"$HTML_DIR/report.dom" >"$HTML_DIR/links.log"; then
		ok
	else
		bad "$(head -n 5 "$HTML_DIR/links.log")"
	fi

	t "the search box, opened with #q=, finds one pupil's one photo"
	# Harrison Cox is pictured in one sample only.
	browse "$HTML_DIR/search.dom" --dump-dom "file://$HTML_DIR/report.html#q=Harrison%20Cox"
	cards_of shown <"$HTML_DIR/search.dom" >"$HTML_DIR/search-shown"
	if [ "$(cat "$HTML_DIR/search-shown")" = "$(printf 'shown\tsamples/sports-day-leaver.jpg')" ]; then
		ok
	else
		bad "shown: $(tr '\n' ' ' <"$HTML_DIR/search-shown")"
	fi
	if grep -q '<output id="found" for="q" aria-live="polite">1 photo matches</output>' \
		"$HTML_DIR/search.dom"; then
		ok
	else
		bad "the search box does not say it found one photo"
	fi
	if grep -q '<div class="search" id="search" role="search">' "$HTML_DIR/search.dom"; then
		ok
	else
		bad "the search box is not shown"
	fi

	t "the search ignores case and accents, and looks in names and reasons"
	# "zoe BROWN" is every photo that check says names Zoë Brown.
	browse "$HTML_DIR/search2.dom" --dump-dom "file://$HTML_DIR/report.html#q=zoe%20BROWN"
	cards_of shown <"$HTML_DIR/search2.dom" | cut -f2 | LC_ALL=C sort >"$HTML_DIR/search2-shown"
	perl -MJSON::PP -ne '
		my $j = JSON::PP->new->utf8->decode($_);
		my @text = ((map { $_->{tag} // () } @{$j->{people}}),
			map { $_->{message} } @{$j->{reasons}}, @{$j->{warnings}});
		print "$j->{file}\n" if grep { /Zo\x{eb} Brown/i } @text;' "$HTML_DIR/check.json" |
		LC_ALL=C sort >"$HTML_DIR/search2-want"
	if [ "$(wc -l <"$HTML_DIR/search2-want")" -ge 3 ] &&
		cmp -s "$HTML_DIR/search2-want" "$HTML_DIR/search2-shown"; then
		ok
	else
		bad "shown: $(tr '\n' ' ' <"$HTML_DIR/search2-shown"); wanted: $(tr '\n' ' ' <"$HTML_DIR/search2-want")"
	fi

	t "without its script, the sheet shows every card"
	# As a browser with scripts off would show it (--dump-dom itself needs
	# script, so the page's one script is taken out instead).
	perl -0pe 's{<script>.*?</script>}{}s' <"$HTML_DIR/report.html" >"$HTML_DIR/noscript.html"
	browse "$HTML_DIR/noscript.dom" --dump-dom "file://$HTML_DIR/noscript.html#q=Harrison%20Cox"
	n_shown=$(cards_of shown <"$HTML_DIR/noscript.dom" | wc -l)
	if [ "$n_shown" -eq 31 ]; then ok; else bad "$n_shown cards shown, not 31"; fi
	if grep -q '<div class="search" id="search" role="search" hidden="">' "$HTML_DIR/noscript.dom"; then
		ok
	else
		bad "the search box shows, with no script to run it"
	fi

	t "each card's badge says its verdict in words"
	if perl -e '
		local $/; my $dom = <STDIN>; my $bad = 0; my $n = 0;
		my %word = ("share" => "Share", "review" => "Review",
			"do-not-share" => "Do not share", "unreadable" => "Unreadable");
		while ($dom =~ /<article\b[^>]*data-verdict="([^"]*)"[^>]*>(.*?)<\/article>/gs) {
			my ($v, $body) = ($1, $2); $n++;
			my ($badge) = $body =~ /<p class="badge">(.*?)<\/p>/s;
			$badge //= ""; $badge =~ s/<[^>]*>//g;
			$bad++, print "$v: badge \"$badge\"\n" unless index($badge, $word{$v} // "?") >= 0;
		}
		exit($bad || !$n ? 1 : 0);' <"$HTML_DIR/report.dom" >"$HTML_DIR/badges.log"; then
		ok
	else
		bad "$(head -n 5 "$HTML_DIR/badges.log")"
	fi

	t "the staff sheet names the pupils"
	if grep -q "Oliver Smith" "$HTML_DIR/report.dom"; then ok; else bad "no 'Oliver Smith' in the staff view"; fi

	t "a screenshot of the contact sheet"
	browse "$HTML_DIR/screenshot.out" --hide-scrollbars --screenshot="$HTML_DIR/report.png" \
		--window-size=1280,2000 "file://$HTML_DIR/report.html"
	if [ "$status" -eq 0 ] && [ -s "$HTML_DIR/report.png" ] &&
		[ "$(head -c 4 "$HTML_DIR/report.png" | od -An -c | tr -d ' ')" = '211PNG' ]; then
		ok
	else
		bad "no PNG (chromium exit status $status): $(tail -c 600 "$HTML_DIR/chromium.err")"
	fi

	t "a hostile file name reaches the browser as text"
	mkdir -p "$HTML_DIR/hostile"
	hostile_name="<b>&\"'x<script>alert(1).jpg"
	cp samples/sports-day-lightroom.jpg "$HTML_DIR/hostile/$hostile_name"
	run --db "$HTML_DB" scan --purpose website --on "$HTML_ON" --html "$HTML_DIR/hostile.html" \
		"$HTML_DIR/hostile"
	expect_no_crash
	expect_status 0
	browse "$HTML_DIR/hostile.dom" --dump-dom "file://$HTML_DIR/hostile.html"
	cards_of <"$HTML_DIR/hostile.dom" >"$HTML_DIR/hostile-cards"
	if [ "$(cat "$HTML_DIR/hostile-cards")" = "$(printf 'share\t%s' "$HTML_DIR/hostile/$hostile_name")" ]; then
		ok
	else
		bad "the card is not the photo's: $(cat "$HTML_DIR/hostile-cards")"
	fi
	if grep -q -e '<script>alert' -e '<b>&' "$HTML_DIR/hostile.dom"; then
		bad "the file name became markup"
	else
		ok
	fi

	t "a file name with line breaks, control characters and bytes that are not UTF-8"
	mkdir -p "$HTML_DIR/hostile2"
	# Passed to perl through the environment: a newline cannot be lost there.
	HOSTILE_NAME=$(printf 'tab\there\nnew %%41#?&\001\351\377.jpg')
	export HOSTILE_NAME
	cp samples/sports-day-lightroom.jpg "$HTML_DIR/hostile2/$HOSTILE_NAME"
	run --db "$HTML_DB" scan --purpose website --on "$HTML_ON" --html "$HTML_DIR/hostile2.html" \
		"$HTML_DIR/hostile2"
	expect_no_crash
	expect_status 0
	browse "$HTML_DIR/hostile2.dom" --dump-dom "file://$HTML_DIR/hostile2.html"
	# The link names exactly the file's bytes; the page is UTF-8 all the
	# same, and has one card, whose file name is text.
	if HOSTILE_DIR="$HTML_DIR/hostile2" perl -e '
		local $/; my $page = <STDIN>;
		my $copy = $page; utf8::decode($copy) or die "the page is not UTF-8\n";
		my @cards = $page =~ /<article class="card"/g;
		@cards == 1 or die scalar(@cards) . " cards\n";
		my ($href) = $page =~ /<h3 class="file"><a href="([^"]*)">/ or die "no link\n";
		$href =~ m{^file://[A-Za-z0-9\-._~/%]*$} or die "not percent-encoded: $href\n";
		(my $path = substr($href, 7)) =~ s/%([0-9A-F]{2})/chr hex $1/ge;
		$path eq "$ENV{HOSTILE_DIR}/$ENV{HOSTILE_NAME}" or die "the link names $path\n";' \
		<"$HTML_DIR/hostile2.dom" 2>"$HTML_DIR/hostile2.err"; then
		ok
	else
		bad "$(cat "$HTML_DIR/hostile2.err")"
	fi

	t "face boxes are drawn where inspect says the faces are, turned upright"
	# zoo-trip-orientation-6.jpg is stored on its side (EXIF orientation
	# 6) and shown upright, portrait. With Ava Thomas's website consent
	# withdrawn (in a copy of the database) her face is boxed in red; Leo
	# Walker's, who is fine, is not red. The sheet is opened searched for
	# that one file, and the boxes' edges are looked for in a screenshot
	# where inspect's regions put them on the preview (face_box.pl finds
	# the preview by the grey of its box), to within 3 pixels.
	cp "$HTML_DB" "$HTML_DIR/boxes.db"
	run --db "$HTML_DIR/boxes.db" consent withdraw 2415 website --on 2026-11-01
	expect_status 0
	run --db "$HTML_DIR/boxes.db" scan --purpose website --on "$HTML_ON" \
		--html "$HTML_DIR/boxes.html" samples/
	expect_no_crash
	expect_status 1
	run inspect --json samples/zoo-trip-orientation-6.jpg
	expect_status 0
	region() {
		perl -MJSON::PP -e '
			my $j = JSON::PP->new->decode(scalar <STDIN>);
			my ($p) = grep { ($_->{name} // "") eq $ARGV[0] } @{$j->{people}};
			print join ",", map { $p->{region}{$_} } qw(x y w h) if $p && $p->{region};' "$1" <"$OUT"
	}
	ava=$(region "Ava Thomas")
	leo=$(region "Leo Walker")
	if [ -n "$ava" ] && [ -n "$leo" ]; then ok; else bad "no regions from inspect: '$ava' '$leo'"; fi
	browse "$HTML_DIR/boxes.dom" --dump-dom "file://$HTML_DIR/boxes.html#q=zoo-trip-orientation-6"
	if perl -e '
		local $/; my $dom = <STDIN>;
		my ($card) = $dom =~ /(<article[^>]*zoo-trip-orientation-6\.jpg"[^>]*>.*?<\/article>)/s
			or die "no card\n";
		my @boxes = $card =~ /<span class="box (b-\w+)"[^>]*title="([^"]*)"/g;
		"@boxes" eq "b-no Ava Thomas \xE2\x80\x94 withdrawn b-ok Leo Walker \xE2\x80\x94 granted"
			or die "boxes: @boxes\n";' <"$HTML_DIR/boxes.dom" 2>"$HTML_DIR/boxes.err"; then
		ok
	else
		bad "$(cat "$HTML_DIR/boxes.err")"
	fi
	browse "$HTML_DIR/boxes.out" --hide-scrollbars --force-device-scale-factor=1 \
		--screenshot="$HTML_DIR/boxes.png" --window-size=1280,1000 \
		"file://$HTML_DIR/boxes.html#q=zoo-trip-orientation-6"
	if [ "$status" -eq 0 ] && perl tests/e2e/face_box.pl "$HTML_DIR/boxes.png" 3 "red:$ava" \
		"none:$leo" >"$HTML_DIR/face-box.log" 2>&1; then
		ok
	else
		bad "$(cat "$HTML_DIR/face-box.log")"
	fi

	t "the parent view's sheet names no pictured child"
	run --db "$HTML_DB" scan --as parent --purpose website --on "$HTML_ON" \
		--html "$HTML_DIR/parent.html" samples/
	expect_no_crash
	expect_status 1
	browse "$HTML_DIR/parent.dom" --dump-dom "file://$HTML_DIR/parent.html"
	if [ "$status" -eq 0 ] && [ -s "$HTML_DIR/parent.dom" ]; then
		ok
	else
		bad "chromium exit status $status: $(tail -c 600 "$HTML_DIR/chromium.err")"
	fi
	cards_of <"$HTML_DIR/parent.dom" | sort >"$HTML_DIR/parent-cards"
	if [ -s "$HTML_DIR/cards" ] && cmp -s "$HTML_DIR/cards" "$HTML_DIR/parent-cards"; then
		ok
	else
		bad "the parent sheet's cards differ from the staff sheet's"
	fi
	if names_in "$HTML_DIR/parent.dom" >"$HTML_DIR/names.log" 2>&1; then
		ok
	else
		bad "$(cat "$HTML_DIR/names.log")"
	fi
	# What the search looks in, and the script, on their own.
	cards_of data-search <"$HTML_DIR/parent.dom" | cut -f1 >"$HTML_DIR/parent-search"
	perl -e 'local $/; my $p = <STDIN>; print $p =~ /<script>(.*?)<\/script>/s' \
		<"$HTML_DIR/parent.html" >>"$HTML_DIR/parent-search"
	if [ "$(grep -c 'samples/' "$HTML_DIR/parent-search")" -eq 31 ] &&
		names_in "$HTML_DIR/parent-search" >"$HTML_DIR/names.log" 2>&1; then
		ok
	else
		bad "data-search or the script: $(cat "$HTML_DIR/names.log")"
	fi
	if grep -q -e 'class="box' -e 'Year [0-9]' -e 'Reception' "$HTML_DIR/parent.dom"; then
		bad "the parent sheet draws a face box or names a class"
	else
		ok
	fi
	for word in granted refused withdrawn expired no_photo; do
		if grep -qi -- "$word" "$HTML_DIR/parent.dom"; then
			bad "the parent sheet says '$word'"
		else
			ok
		fi
	done
fi

e2e_finish html
