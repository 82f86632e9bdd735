#!/usr/bin/perl
# Holds what `photoconsent log --json` says against what the scan and the
# check said when they judged the photos (their own --json lines): the log
# must hold, for each photo judged, the verdict, the date judged as of, the
# reason and warning codes and the pupils the rules gave it, never what the
# log itself happens to print.
#
# Usage: expect_log.pl MODE LOG.json SCAN.json CHECK.json SAMPLES_REAL_PATH SKIPPED
#   MODE all:         the whole log: one scan row, a row per photo it judged,
#                     the check's row, nothing else
#   MODE pupil:ID     the rows of the photos that showed pupil ID, and the
#                     scan that judged them, and no others
#   MODE file:NAME    the rows of samples/NAME, and the scan that judged it
# Prints what is wrong and exits 1, or exits 0.
use strict;
use warnings;
use JSON::PP;

my ($mode, $log_file, $scan_file, $check_file, $root, $skipped) = @ARGV;
my @fail;

sub lines {
	my @j;
	open my $f, "<", $_[0] or die "$_[0]: $!";
	while (<$f>) { push @j, JSON::PP->new->decode($_) }
	return @j;
}
sub codes { return join ",", map { $_->{code} } @{ $_[0] } }
sub list { return join ",", @{ $_[0] } }
# The pupils a judgement matched, each once, as the log sorts them.
sub pupils {
	my %seen;
	return join ",", sort grep { defined && !$seen{$_}++ } map { $_->{pupil} } @{ $_[0]{people} };
}
sub real { my $f = $_[0]; $f =~ s{^samples/}{$root/}; return $f }

my @log = lines($log_file);
my @scan = lines($scan_file);
my @check = lines($check_file);
push @fail, "the check printed " . scalar(@check) . " lines, not 1" unless @check == 1;

# Which judgements the rows must be of: [command, judgement].
my @want = ((map { [ "scan", $_ ] } @scan), [ "check", $check[0] ]);
if ($mode =~ /^pupil:(.*)$/) {
	my $id = $1;
	@want = grep { grep { defined $_->{pupil} && $_->{pupil} eq $id } @{ $_->[1]{people} } } @want;
	push @fail, "no photo of pupil $id in the samples: the test proves nothing" unless @want;
} elsif ($mode =~ /^file:(.*)$/) {
	my $name = "samples/$1";
	@want = grep { $_->[1]{file} eq $name } @want;
	push @fail, "$name was judged " . scalar(@want) . " times, not twice" unless @want == 2;
}

my @scans = grep { $_->{kind} eq "scan" } @log;
my @photos = grep { $_->{kind} eq "photo" } @log;
push @fail, "rows of another kind" if @scans + @photos != @log;
push @fail, scalar(@scans) . " scan rows, not 1" unless @scans == 1;
my $s = $scans[0] // {};

# The scan's own row: what it was given, and its counts from its verdicts.
if ($mode eq "all") {
	my %n = (share => 0, review => 0, "do-not-share" => 0);
	$n{ $_->{verdict} }++ for @scan;
	my %want_scan = (command => "scan", by => "e2e-tester", purpose => "website",
		on => $scan[0]{checked_on}, photos => scalar(@scan), share => $n{share},
		review => $n{review}, do_not_share => $n{"do-not-share"}, unreadable => 0,
		skipped => $skipped);
	for my $k (sort keys %want_scan) {
		my $got = $s->{$k} // "null";
		push @fail, "the scan row's $k is $got, not $want_scan{$k}" if $got ne $want_scan{$k};
	}
	my $roots = list($s->{roots} // []);
	push @fail, "the scan row's roots are [$roots], not [$root]" if $roots ne $root;
}

# One row per judgement, each saying what the judgement said.
push @fail, scalar(@photos) . " photo rows, not " . scalar(@want) unless @photos == @want;
my %rows;
for my $r (@photos) {
	my $key = "$r->{command} $r->{file}";
	push @fail, "two rows for $key" if $rows{$key};
	$rows{$key} = $r;
}
for my $w (@want) {
	my ($command, $j) = @$w;
	my $key = "$command " . real($j->{file});
	my $r = $rows{$key};
	if (!$r) {
		push @fail, "no row for $key";
		next;
	}
	my %expect = (verdict => $j->{verdict}, on => $j->{checked_on}, purpose => $j->{purpose},
		by => "e2e-tester", reasons => codes($j->{reasons}),
		warnings => codes($j->{warnings}), pupils => pupils($j),
		scan => $command eq "scan" ? ($s->{id} // "?") : "null",
		size => -s $j->{file});
	my %got = %$r;
	$got{$_} = list($r->{$_}) for qw(reasons warnings pupils);
	for my $k (sort keys %expect) {
		my $g = $got{$k} // "null";
		push @fail, "$key: $k is '$g', not '$expect{$k}'" if $g ne $expect{$k};
	}
	push @fail, "$key: no modification time" unless ($r->{mtime} // "") =~ /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;
}

if (@fail) {
	print "$_\n" for @fail[0 .. ($#fail < 9 ? $#fail : 9)];
	exit 1;
}
exit 0;
