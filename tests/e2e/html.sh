# End-to-end tests of the contact sheet, `photoconsent scan --html`: the
# report of samples/ is loaded in headless Chromium, as a member of staff
# would open it, and the page the browser built (its DOM) must hold one
# card per sample photo, each with the verdict `check --json` gives that
# photo; the parent view's page must name none of the pictured pupils.
# Sourced by run.sh (POSIX sh). Skipped, saying so, without Chromium.
#
# Chromium runs with HOME, its profile and its caches in $E2E_TMP, so that
# it writes nothing into the user's home, and with a time limit.

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
# <article class="card"> with its attributes decoded.
cards_of() {
	perl -e '
		local $/; my $dom = <STDIN>;
		my %ent = (amp => "&", lt => "<", gt => ">", quot => "\"", apos => "\x27");
		sub decode { my $s = shift;
			$s =~ s/&(#x([0-9a-f]+)|#(\d+)|(\w+));/
				defined $2 ? chr(hex $2) : defined $3 ? chr($3) : ($ent{$4} \/\/ "&$4;")/gie;
			return $s }
		while ($dom =~ /<article\b([^>]*)>/g) {
			my $tag = $1; my %a;
			$a{lc $1} = decode($2) while $tag =~ /([\w-]+)="([^"]*)"/g;
			next unless ($a{class} // "") =~ /(^|\s)card(\s|$)/;
			print(($a{"data-verdict"} // "(none)"), "\t", ($a{"data-file"} // "(none)"), "\n");
		}'
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

	t "the contact sheet loads nothing from anywhere"
	for banned in 'http://' 'https://' 'src="/' '<link' '@import' '<script' 'url('; do
		if grep -qF -- "$banned" "$HTML_DIR/report.html"; then
			bad "the report holds '$banned'"
		else
			ok
		fi
	done

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
	if grep -q -e '<script' -e '<b>&' "$HTML_DIR/hostile.dom"; then
		bad "the file name became markup"
	else
		ok
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
	if cmp -s "$HTML_DIR/cards" "$HTML_DIR/parent-cards"; then
		ok
	else
		bad "the parent sheet's cards differ from the staff sheet's"
	fi
	# The pupils that consent-db/README.md lists as pictured in the samples:
	# their ids, names (whole, surname first, each part, preferred,
	# aliases), with and without accents. Previews and the photos' own file
	# names are taken out first: those are the parent's own.
	if perl -CSD -Mutf8 -MUnicode::Normalize -e '
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
		print "names or ids in the parent sheet: @hit\n" if @hit;
		exit(@hit ? 1 : 0);' consent-db/README.md consent-db/demo.csv "$HTML_DIR/parent.dom" \
		samples/*.jpg >"$HTML_DIR/names.log" 2>&1; then
		ok
	else
		bad "$(cat "$HTML_DIR/names.log")"
	fi
	for word in granted refused withdrawn expired no_photo; do
		if grep -qi -- "$word" "$HTML_DIR/parent.dom"; then
			bad "the parent sheet says '$word'"
		else
			ok
		fi
	done
fi
