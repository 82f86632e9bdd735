#!/usr/bin/env perl
# exiftool_agree.pl: cross-check `photoconsent inspect --json` against ExifTool.
#
# usage: perl tests/e2e/exiftool_agree.pl --photoconsent PATH [--known FILE]
#            [--label NAME] [--timeout SECONDS] [--exiftool PATH]
#            [--roots People,Pupils,...] [--verbose] FILE...
#
# For every FILE this runs ExifTool (and on its XMP sidecars FILE.jpg.xmp and
# FILE.xmp, when there are any) and `photoconsent inspect --json FILE`, derives
# from ExifTool's output, independently of photoconsent, what PRODUCT.md says
# inspect must report, and compares:
#   - people: the set of named people (MWG Face / untyped regions, MP regions,
#     PersonInImage, PersonInImageWDetails, person-root hierarchical keywords
#     named by their leaf when no longer path in the same field extends them)
#   - unnamed faces: how many MWG Face regions have no name (photoconsent
#     lists each as a person whose name is null)
#   - events: Iptc4xmpExt:Event and the leaves of "Events" keywords
#   - keywords: the distinct keyword strings of dc:subject, IPTC Keywords,
#     XPKeywords items, digiKam TagsList, lr:hierarchicalSubject and
#     MicrosoftPhoto:LastKeywordXMP, as written
#   - gps: whether a GPS position is present: latitude and longitude, in the
#     EXIF GPS IFD or XMP exif:, not both zero (0/0 is a camera's "no fix")
# Names compare after trimming and collapsing white space; sets are
# case-sensitive.
#
# Output, one line per file:
#   ok FILE
#   DIFF FILE: people exiftool=[...] photoconsent=[...]; events ...
#   known FILE: REASON          (listed in --known; does not fail)
#   skip FILE: REASON           (ExifTool itself failed on it)
# then "N passed, M failed" (", K skipped" when some were skipped).  Exit 0
# only when nothing failed.  Files ExifTool cannot read (it reports an Error,
# or says the file is not a JPEG) are only checked for "photoconsent did not
# crash or hang, and reported an error or nothing".  A photoconsent killed by a
# signal, or still running after --timeout seconds (default 20), fails.
#
# --known FILE: lines "path-suffix<TAB>reason"; "#" starts a comment.  A file
# whose path ends with path-suffix and differs is reported as known.
#
# Needs only core Perl modules.  Without ExifTool it prints
# "skipped: exiftool not installed" and exits 0.

use strict;
use warnings;
use Encode ();
use File::Spec;
use File::Temp qw(tempfile);
use Getopt::Long qw(GetOptions);
use JSON::PP ();
use POSIX ();

binmode STDOUT, ':encoding(UTF-8)';
binmode STDERR, ':encoding(UTF-8)';
$| = 1;

my %opt = (timeout => 20, exiftool => 'exiftool',
           roots => 'People,Pupils,Persons,Children,Students');
GetOptions(\%opt, 'photoconsent=s', 'known=s', 'label=s', 'timeout=i',
           'exiftool=s', 'roots=s', 'verbose|v', 'help|h')
    or usage(64);
usage(0) if $opt{help};
usage(64) unless defined $opt{photoconsent} && @ARGV;

sub usage {
    my ($status) = @_;
    my $fh = $status ? \*STDERR : \*STDOUT;
    print $fh "usage: perl tests/e2e/exiftool_agree.pl --photoconsent PATH"
        . " [--known FILE] [--label NAME] [--timeout SECONDS] [--exiftool PATH]"
        . " [--roots LIST] [--verbose] FILE...\n";
    exit $status;
}

my @files = @ARGV;
my %person_root = map { lc($_) => 1 } grep { length } split /\s*,\s*/, $opt{roots};
my $json = JSON::PP->new->utf8->canonical;

print "# $opt{label}\n" if defined $opt{label};

# --- ExifTool present? ----------------------------------------------------
my $et_version = run_cmd([$opt{exiftool}, '-ver'], 20);
if ($et_version->{error} || $et_version->{status} != 0) {
    print "skipped: exiftool not installed\n";
    print "0 passed, 0 failed, 1 skipped\n";
    exit 0;
}

if (!-x $opt{photoconsent} || -d $opt{photoconsent}) {
    print STDERR "exiftool_agree.pl: cannot run '$opt{photoconsent}': not an executable file\n";
    exit 66;
}

my $known = read_known($opt{known});

# --- ExifTool over every file (in batches), and over the sidecars ---------
# -G1:5 with SavePath names each tag's group and where in the file it was
# found ("IPTC:JPEG-APP13-Photoshop-IPTC:Keywords"), so that only the places
# photoconsent reads count (see located()).
my @et_args = ('-j', '-struct', '-G1:5', '-api', 'SavePath', '-charset', 'iptc=Latin');
my %et;        # path -> decoded ExifTool record, or { _failed => message }
{
    my @todo = grep { -f $_ } @files;
    my %sidecar_of;
    for my $f (@todo) {
        my @sc = sidecars_for($f);
        $sidecar_of{$f} = \@sc if @sc;
    }
    my @all = (@todo, map { @$_ } values %sidecar_of);
    while (my @batch = splice @all, 0, 40) {
        my $res = exiftool_json(\@batch, $opt{timeout} * @batch);
        if (!$res) {
            # a batch that failed as a whole: retry the files one by one
            for my $f (@batch) {
                my $one = exiftool_json([$f], $opt{timeout});
                $et{$f} = $one ? ($one->{$f} // { _failed => 'no ExifTool output' })
                               : { _failed => 'ExifTool failed or timed out' };
            }
            next;
        }
        $et{$_} = $res->{$_} // { _failed => 'no ExifTool output' } for @batch;
    }
    $et{"sidecar:$_"} = $sidecar_of{$_} for keys %sidecar_of;
}

my ($passed, $failed, $skipped, $known_seen) = (0, 0, 0, 0);

for my $file (@files) {
    my $verdict = check_file($file);
    my ($kind, $detail) = @$verdict;
    if ($kind eq 'ok') {
        print "ok $file\n";
        $passed++;
    } elsif ($kind eq 'skip') {
        print "skip $file: $detail\n";
        $skipped++;
    } else {
        my $reason = known_reason($file);
        if (defined $reason && $kind eq 'diff') {
            print "known $file: $reason\n";
            print "    $detail\n" if $opt{verbose};
            $passed++;
            $known_seen++;
        } else {
            print "DIFF $file: $detail\n";
            $failed++;
        }
    }
}

print "($known_seen of the passed differ as listed in the known file)\n" if $known_seen;
print "$passed passed, $failed failed", ($skipped ? ", $skipped skipped" : ''), "\n";
exit($failed ? 1 : 0);

# ==========================================================================

sub check_file {
    my ($file) = @_;
    return ['fail', 'no such file'] unless -e $file;
    return ['fail', 'not a regular file'] unless -f $file;

    my $rec = $et{$file};
    return ['skip', 'ExifTool gave no output'] unless $rec;
    return ['skip', $rec->{_failed}] if $rec->{_failed};

    my $pc = run_photoconsent($file);
    return ['fail', $pc->{fatal}] if $pc->{fatal};

    my $et_error = first_value($rec, qr/^ExifTool:Error$/);
    my $type = first_value($rec, qr/^File:FileType$/) // '';
    if (defined $et_error || $type ne 'JPEG') {
        # ExifTool cannot read it as a JPEG: photoconsent must not crash
        # (checked above) and must report an error or nothing.
        my $why = defined $et_error ? "ExifTool: $et_error" : "ExifTool: file type '$type'";
        my $o = $pc->{obj};
        return ['ok'] unless $o;
        return ['ok'] if arr($o->{errors});
        return ['ok'] unless arr($o->{people}) || arr($o->{events}) || arr($o->{keywords});
        return ['diff', "$why, but photoconsent reported no error and found"
                . ' people=' . fmt_list([map { ref $_ eq 'HASH' && defined $_->{name} ? $_->{name} : 'null' }
                                         arr($o->{people})])
                . ' events=' . fmt_list([arr($o->{events})])
                . ' keywords=' . fmt_list([arr($o->{keywords})])];
    }

    my $o = $pc->{obj};
    return ['diff', $pc->{parse_error}] if !$o && $pc->{parse_error};
    return ['diff', "photoconsent printed no JSON for it (exit $pc->{status})"
            . ($pc->{err_line} ? ": $pc->{err_line}" : '')] unless $o;
    return ['diff', $pc->{parse_error}] if $pc->{parse_error};

    my @recs = ($rec);
    for my $sc (@{ $et{"sidecar:$file"} // [] }) {
        my $srec = $et{$sc};
        return ['skip', "ExifTool failed on the sidecar '$sc'"] if !$srec || $srec->{_failed};
        push @recs, $srec;
    }
    my $want = derive(\@recs);
    my $got = from_photoconsent($o);

    my @diffs;
    push @diffs, cmp_set('people', $want->{people}, $got->{people});
    if ($want->{unnamed} != $got->{unnamed}) {
        push @diffs, "unnamed faces exiftool=$want->{unnamed} photoconsent=$got->{unnamed}";
    }
    push @diffs, cmp_events($want, $got->{events});
    push @diffs, cmp_set('keywords', $want->{keywords}, $got->{keywords});
    if ($want->{gps} != $got->{gps}) {
        push @diffs, 'gps exiftool=' . ($want->{gps} ? 'true' : 'false')
            . ' photoconsent=' . ($got->{gps} ? 'true' : 'false');
    }
    return @diffs ? ['diff', join('; ', @diffs)] : ['ok'];
}

# --- what PRODUCT.md says inspect must report, from ExifTool's output ------

sub derive {
    my ($recs) = @_;
    my (%people, %events, %keywords, @event_alts);
    my $unnamed = 0;
    my $gps = 0;

    # hierarchical fields: name => [tag-key regex, separator regex]
    my @fields = (
        [ 'TagsList',            qr/^XMP-digiKam:TagsList$/,             qr{/} ],
        [ 'LastKeywordXMP',      qr/^XMP-microsoft:LastKeywordXMP$/,      qr{/} ],
        [ 'HierarchicalSubject', qr/^XMP-lr:HierarchicalSubject$/,        qr{\|} ],
        [ 'dc:subject',          qr/^XMP-dc:Subject$/,                    qr{[/|]} ],
        [ 'IPTC Keywords',       qr/^IPTC\d*:Keywords$/,                  qr{[/|]} ],
        [ 'XPKeywords',          qr/^(?:IFD0|IFD1|SubIFD\d*):XPKeywords$/, qr{[/|]} ],
        [ 'CatalogSets',         qr/^XMP-mediapro:CatalogSets$/,          qr{\|} ],
        [ 'SupplementalCategories', qr/^XMP-photoshop:SupplementalCategories$/, qr{[/|]} ],
        [ 'IPTC SupplementalCategories', qr/^IPTC\d*:SupplementalCategories$/, qr{[/|]} ],
        [ 'WeightedFlatSubject', qr/^XMP-lr:WeightedFlatSubject$/,        qr{[/|]} ],
    );
    my %field_values;

    for my $rec (@$recs) {
        my $latin_iptc = !defined first_value($rec, qr/^IPTC\d*:CodedCharacterSet$/);

        # MWG regions
        for my $ri (all_values($rec, qr/^XMP-mwg-rs:RegionInfo$/)) {
            next unless ref $ri eq 'HASH';
            for my $r (as_list($ri->{RegionList})) {
                next unless ref $r eq 'HASH';
                my $type = defined $r->{Type} ? norm($r->{Type}) : '';
                next unless $type eq '' || lc($type) eq 'face';
                my $name = defined $r->{Name} ? norm($r->{Name}) : '';
                if (length $name) {
                    $people{$name} = 1;
                } elsif (lc($type) eq 'face') {
                    $unnamed++;
                }
            }
        }
        # Microsoft Photo regions
        for my $ri (all_values($rec, qr/^XMP-MP:RegionInfoMP$/)) {
            next unless ref $ri eq 'HASH';
            for my $r (as_list($ri->{Regions})) {
                next unless ref $r eq 'HASH';
                my $name = defined $r->{PersonDisplayName} ? norm($r->{PersonDisplayName}) : '';
                $people{$name} = 1 if length $name;
            }
        }
        # IPTC Extension
        for my $v (map { as_list($_) } all_values($rec, qr/^XMP-iptcExt:PersonInImage$/)) {
            my $name = norm($v);
            $people{$name} = 1 if length $name;
        }
        for my $d (map { as_list($_) } all_values($rec, qr/^XMP-iptcExt:PersonInImageWDetails$/)) {
            next unless ref $d eq 'HASH';
            for my $name (lang_alt($d, 'PersonName')) {
                $name = norm($name);
                $people{$name} = 1 if length $name;
            }
        }
        # Event is a Lang Alt: the x-default value; without one, any one of
        # the languages (XMP readers take the first, and ExifTool's JSON does
        # not keep the order)
        my $ev = $rec->{'XMP-iptcExt:Event'};
        if (defined $ev) {
            for my $name (as_list($ev)) {
                $name = norm($name);
                $events{$name} = 1 if length $name;
            }
        } else {
            my @alt = grep { length } map { norm($_) } map { as_list($rec->{$_}) }
                      sort grep { /^XMP-iptcExt:Event-/ } keys %$rec;
            push @event_alts, [sort @alt] if @alt;
        }

        # keyword fields
        for my $f (@fields) {
            my ($label, $re) = @$f;
            my @vals = map { as_list($_) } all_values($rec, $re);
            @vals = map { iptc_text($_) } @vals if $label eq 'IPTC Keywords' && $latin_iptc;
            @vals = map { split /;/, $_ } @vals if $label eq 'XPKeywords';
            push @{ $field_values{$label} }, grep { length } map { norm($_) } @vals;
        }

        # GPS: a latitude and a longitude, in the EXIF GPS IFD or in XMP
        # exif:, that are not both zero (cameras without a fix write 0/1
        # everywhere, "null island": that is no position)
        for my $g (qw(GPS XMP-exif)) {
            my ($lat, $lon) = map { $rec->{"$g:$_"} } qw(GPSLatitude GPSLongitude);
            next unless defined $lat && defined $lon && !ref $lat && !ref $lon;
            $gps = 1 if grep { $_ != 0 } map { /(\d+(?:\.\d*)?)/g } "$lat $lon";
        }
    }

    for my $f (@fields) {
        my ($label, undef, $sep) = @$f;
        my @vals = @{ $field_values{$label} || [] };
        $keywords{$_} = 1 for @vals;
        my @paths = map { [ grep { length } map { norm($_) } split($sep, $_, -1) ] } @vals;
        for my $i (0 .. $#paths) {
            my $p = $paths[$i];
            next unless @$p >= 2;
            my $root = lc $p->[0];
            next unless $person_root{$root} || $root eq 'events';
            next if grep { extends($_, $p) } @paths;
            if ($root eq 'events') {
                $events{ $p->[-1] } = 1;
            } else {
                $people{ $p->[-1] } = 1;
            }
        }
    }

    return { people => [sort keys %people], events => [sort keys %events],
             event_alts => \@event_alts,
             keywords => [sort keys %keywords], unnamed => $unnamed, gps => $gps };
}

# does path $long extend path $short (same leading components, and longer)?
sub extends {
    my ($long, $short) = @_;
    return 0 unless @$long > @$short;
    return 0 unless lc $long->[0] eq lc $short->[0];
    for my $i (1 .. $#$short) {
        return 0 unless $long->[$i] eq $short->[$i];
    }
    return 1;
}

sub from_photoconsent {
    my ($o) = @_;
    my (%people, %events, %keywords);
    my $unnamed = 0;
    for my $p (@{ ref $o->{people} eq 'ARRAY' ? $o->{people} : [] }) {
        next unless ref $p eq 'HASH';
        if (defined $p->{name} && length norm($p->{name})) {
            $people{ norm($p->{name}) } = 1;
        } else {
            $unnamed++;
        }
    }
    for my $e (@{ ref $o->{events} eq 'ARRAY' ? $o->{events} : [] }) {
        $events{ norm($e) } = 1 if defined $e && length norm($e);
    }
    for my $k (@{ ref $o->{keywords} eq 'ARRAY' ? $o->{keywords} : [] }) {
        $keywords{ norm($k) } = 1 if defined $k && length norm($k);
    }
    my $gps = $o->{gps};
    $gps = (defined $gps && !ref $gps) ? ($gps ? 1 : 0)
         : (ref $gps && JSON::PP::is_bool($gps)) ? ($gps ? 1 : 0) : 0;
    return { people => [sort keys %people], events => [sort keys %events],
             keywords => [sort keys %keywords], unnamed => $unnamed, gps => $gps };
}

# Events: the definite ones, plus one of each group of Lang Alt languages.
sub cmp_events {
    my ($want, $got) = @_;
    my @alts = @{ $want->{event_alts} || [] };
    return cmp_set('events', $want->{events}, $got) unless @alts;
    my %g = map { $_ => 1 } @$got;
    my %allowed = map { $_ => 1 } @{ $want->{events} }, map { @$_ } @alts;
    my $ok = !grep { !$g{$_} } @{ $want->{events} };
    $ok &&= !grep { !$allowed{$_} } @$got;
    for my $alt (@alts) {
        $ok &&= grep { $g{$_} } @$alt;
    }
    return () if $ok;
    my $w = fmt_list($want->{events});
    $w =~ s/\]$//;
    $w .= ($w eq '[' ? '' : ', ') . join(', ', map { 'one of ' . fmt_list($_) } @alts) . ']';
    return "events exiftool=$w photoconsent=" . fmt_list($got);
}

# Sets as sorted lists.  Long lists show only what differs.
sub cmp_set {
    my ($what, $a, $b) = @_;
    return () if join("\0", @$a) eq join("\0", @$b);
    if (@$a > 6 && @$b > 6) {
        my %in_b = map { $_ => 1 } @$b;
        my %in_a = map { $_ => 1 } @$a;
        return "$what exiftool-only=" . fmt_list([grep { !$in_b{$_} } @$a])
            . ' photoconsent-only=' . fmt_list([grep { !$in_a{$_} } @$b]);
    }
    return "$what exiftool=" . fmt_list($a) . ' photoconsent=' . fmt_list($b);
}

sub fmt_list {
    my ($l) = @_;
    return '[' . join(', ', map {
        my $s = $_;
        defined $s ? do { $s =~ s/(["\\])/\\$1/g; "\"$s\"" } : 'null'
    } @$l) . ']';
}

# trim and collapse white space
sub norm {
    my ($s) = @_;
    return '' unless defined $s;
    $s = "$s";
    $s =~ s/\s+/ /g;
    $s =~ s/^ //;
    $s =~ s/ $//;
    return $s;
}

sub arr {
    my ($v) = @_;
    return ref $v eq 'ARRAY' ? @$v : ();
}

sub as_list {
    my ($v) = @_;
    return () unless defined $v;
    return @$v if ref $v eq 'ARRAY';
    return ($v);
}

sub all_values {
    my ($rec, $re) = @_;
    return map { $rec->{$_} } sort grep { $_ =~ $re } keys %$rec;
}

sub first_value {
    my ($rec, $re) = @_;
    my @v = all_values($rec, $re);
    return $v[0];
}

# A Lang Alt value inside a structure: the x-default one ("Field"), else
# every language variant ("Field-en-GB").
sub lang_alt {
    my ($h, $field) = @_;
    return as_list($h->{$field}) if defined $h->{$field};
    return map { as_list($h->{$_}) } sort grep { /^\Q$field\E-/ } keys %$h;
}


# IPTC-IIM text with no 1:90 record: ExifTool decoded it as Latin (cp1252).
# PRODUCT.md: such text is UTF-8 when it is valid UTF-8, else Latin-1.  Get the
# original bytes back and decide.
sub iptc_text {
    my ($s) = @_;
    return $s unless defined $s && !ref $s && $s =~ /[^\x00-\x7f]/;
    my $bytes = '';
    for my $ch (split //, $s) {
        my $o = ord $ch;
        if ($o < 0x80 || ($o >= 0xa0 && $o < 0x100)) {
            $bytes .= chr $o;
        } else {
            my $b = eval { Encode::encode('cp1252', $ch, Encode::FB_CROAK) };
            $bytes .= defined $b ? $b : ($o < 0x100 ? chr $o : '?');
        }
    }
    my $copy = $bytes;
    my $u = eval { Encode::decode('UTF-8', $copy, Encode::FB_CROAK) };
    return $u if defined $u;
    return Encode::decode('ISO-8859-1', $bytes);
}

# --- sidecars ---------------------------------------------------------------

# Both FILE.jpg.xmp and FILE.xmp when both are there: photoconsent reads
# every sidecar two tools may have written.
sub sidecars_for {
    my ($file) = @_;
    my @sc;
    push @sc, "$file.xmp" if -f "$file.xmp";
    (my $base = $file) =~ s/\.[^.\/]*$//;
    if ($base ne $file) {
        if (-f "$base.xmp") { push @sc, "$base.xmp" }
        elsif (-f "$base.XMP") { push @sc, "$base.XMP" }
    }
    return @sc;
}

# --- known differences --------------------------------------------------------

sub read_known {
    my ($path) = @_;
    return [] unless defined $path;
    open my $fh, '<:encoding(UTF-8)', $path
        or do { print STDERR "exiftool_agree.pl: cannot read '$path': $!\n"; exit 66 };
    my @k;
    while (my $line = <$fh>) {
        chomp $line;
        $line =~ s/\r$//;
        next if $line =~ /^\s*(#|$)/;
        my ($suffix, $reason) = split /\t+/, $line, 2;
        next unless defined $suffix && length $suffix;
        push @k, [$suffix, defined $reason ? $reason : 'listed as a known difference'];
    }
    return \@k;
}

sub known_reason {
    my ($file) = @_;
    for my $k (@$known) {
        my ($suffix, $reason) = @$k;
        return $reason if substr($file, -length $suffix) eq $suffix
                       && (length $file == length $suffix
                           || substr($file, -length($suffix) - 1, 1) eq '/'
                           || substr($suffix, 0, 1) eq '/');
    }
    return undef;
}

# --- running programs -------------------------------------------------------

sub exiftool_json {
    my ($files, $timeout) = @_;
    my $r = run_cmd([$opt{exiftool}, @et_args, '--', @$files], $timeout);
    return undef if $r->{error} || $r->{timed_out} || $r->{signal};
    my $list = eval { $json->decode($r->{out}) };
    return undef unless ref $list eq 'ARRAY';
    $_ = located($_) for grep { ref $_ eq 'HASH' } @$list;
    my %by;
    for my $i (0 .. $#$list) {
        my $rec = $list->[$i];
        next unless ref $rec eq 'HASH';
        my $src = $rec->{SourceFile};
        $by{$src} = $rec if defined $src;
    }
    # ExifTool echoes the names it was given; fall back on the order
    if (@$list == @$files) {
        for my $i (0 .. $#$files) {
            $by{ $files->[$i] } //= $list->[$i];
        }
    }
    return \%by;
}

# Keep the tags found where PRODUCT.md says photoconsent reads them, named
# "Group:Tag": XMP from APP1 (standard or extended) or from a sidecar file,
# IPTC-IIM from APP13's Photoshop IRB, EXIF from APP1's IFD0 and GPS IFD.
# Drops, e.g., IPTC in a JPEG trailer or XMP inside a Photoshop IRB.
sub located {
    my ($rec) = @_;
    my %out;
    for my $key (keys %$rec) {
        my @part = split /:/, $key;
        if (@part != 3) {
            $out{$key} = $rec->{$key};
            next;
        }
        my ($group, $path, $tag) = @part;
        my $ok = $group =~ /^(?:File|ExifTool|Composite)$/
              || ($group =~ /^XMP/ && $path =~ /^(?:JPEG-APP1-XMP|XMP)$/)
              || ($group =~ /^IPTC/ && $path eq 'JPEG-APP13-Photoshop-IPTC')
              || ($group =~ /^(?:IFD0|GPS)$/ && $path =~ /^JPEG-APP1-IFD0(?:-GPS)?$/);
        $out{"$group:$tag"} = $rec->{$key} if $ok && !exists $out{"$group:$tag"};
    }
    return \%out;
}

sub run_photoconsent {
    my ($file) = @_;
    my $r = run_cmd([$opt{photoconsent}, 'inspect', '--json', $file], $opt{timeout});
    return { fatal => "cannot run photoconsent: $r->{error}" } if $r->{error};
    return { fatal => "photoconsent still running after $opt{timeout} s (killed)" }
        if $r->{timed_out};
    if ($r->{signal}) {
        my $name = signal_name($r->{signal});
        return { fatal => "photoconsent killed by signal $r->{signal} ($name)"
                 . ($r->{err_line} ? ": $r->{err_line}" : '') };
    }
    my ($obj, $parse_error);
    for my $line (split /\n/, $r->{out}) {
        next unless $line =~ /^\s*\{/;
        my $o = eval { $json->decode($line) };
        if (!$o) {
            (my $e = $@) =~ s/\s+at \S+ line \d+.*//s;
            $parse_error //= "photoconsent printed a line that is not JSON: $e";
            next;
        }
        next unless ref $o eq 'HASH';
        $obj //= $o;
        $obj = $o if defined $o->{file} && $o->{file} eq $file;
    }
    if ($obj) {
        for my $k (qw(people events keywords errors)) {
            if (defined $obj->{$k} && ref $obj->{$k} ne 'ARRAY') {
                $parse_error //= "photoconsent's \"$k\" is not an array";
            }
        }
    }
    return { obj => $obj, status => $r->{status}, err_line => $r->{err_line},
             parse_error => $parse_error };
}

sub signal_name {
    my ($n) = @_;
    my %names = (1 => 'SIGHUP', 2 => 'SIGINT', 3 => 'SIGQUIT', 4 => 'SIGILL', 5 => 'SIGTRAP',
                 6 => 'SIGABRT', 7 => 'SIGBUS', 8 => 'SIGFPE', 9 => 'SIGKILL', 11 => 'SIGSEGV',
                 13 => 'SIGPIPE', 14 => 'SIGALRM', 15 => 'SIGTERM', 24 => 'SIGXCPU', 25 => 'SIGXFSZ');
    return $names{$n} // "signal $n";
}

# Run a command with a time limit.  Returns { out, err, err_line, status,
# signal, timed_out, error }.  Output goes to temporary files, not pipes, so a
# child that fills a pipe cannot block and a crash is seen in the wait status.
sub run_cmd {
    my ($argv, $timeout) = @_;
    my ($ofh, $ofile) = tempfile('pc-agree-XXXXXX', TMPDIR => 1, UNLINK => 1);
    my ($efh, $efile) = tempfile('pc-agree-XXXXXX', TMPDIR => 1, UNLINK => 1);
    my $pid = fork;
    return { error => "fork: $!" } unless defined $pid;
    if ($pid == 0) {
        setpgrp(0, 0);
        open STDIN, '<', File::Spec->devnull;
        open STDOUT, '>&', $ofh or POSIX::_exit(127);
        open STDERR, '>&', $efh or POSIX::_exit(127);
        { no warnings "exec"; exec { $argv->[0] } @$argv; }
        print STDERR "exec '$argv->[0]': $!\n";
        POSIX::_exit(127);
    }
    my $timed_out = 0;
    my $waited = eval {
        local $SIG{ALRM} = sub { die "timeout\n" };
        alarm($timeout > 0 ? $timeout : 1);
        my $w = waitpid($pid, 0);
        alarm 0;
        $w;
    };
    alarm 0;
    if (!defined $waited) {
        $timed_out = 1;
        kill 'KILL', -$pid;     # the child's own process group
        kill 'KILL', $pid;
        waitpid($pid, 0);
    }
    my $status = $?;
    my $out = slurp($ofile);
    my $err = slurp($efile);
    close $ofh;
    close $efh;
    my ($err_line) = grep { /\S/ } split /\n/, $err;
    if (defined $err_line) {
        my $d = eval { Encode::decode('UTF-8', $err_line, Encode::FB_CROAK) };
        $err_line = defined $d ? $d : Encode::decode('ISO-8859-1', $err_line);
    }
    my $r = { out => $out, err => $err, err_line => $err_line, timed_out => $timed_out,
              status => ($status >> 8), signal => ($status & 127) };
    $r->{signal} = 0 if $timed_out;
    if (!$timed_out && $r->{status} == 127 && $err =~ /^exec '/) {
        $r->{error} = $err_line;
    }
    return $r;
}

sub slurp {
    my ($path) = @_;
    open my $fh, '<:raw', $path or return '';
    local $/;
    my $d = <$fh>;
    return defined $d ? $d : '';
}
