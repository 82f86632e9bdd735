#!/usr/bin/perl
# Holds `photoconsent check --json` output against verdicts.expected.
# Usage: expect_verdicts.pl EXPECTED STAFF_JSON_LINES PARENT_JSON_LINES SAMPLE...
# The JSON files hold the lines of every sample checked for every purpose
# (staff) and for parent-social (--as parent). Every SAMPLE must have a
# verdict row for each of the seven purposes. Prints one line per failed
# expectation and "verdicts: N passed, M failed".
use strict;
use warnings;
use utf8;
use JSON::PP;
use open qw(:std :encoding(UTF-8));

my ($expected, $staff, $parent, @samples) = @ARGV;
my @purposes = qw(display newsletter website social press parent-social staff-personal);

sub base { my $f = shift; $f =~ s{.*/}{}; return $f }

sub load {
	my ($path) = @_;
	my %out;
	open my $f, '<:raw', $path or die "$path: $!";
	while (my $line = <$f>) {
		my $j = eval { JSON::PP->new->utf8->decode($line) };
		die "$path: not JSON: $line" unless $j;
		$out{ base($j->{file}) . "\x1f" . $j->{purpose} } = $j;
	}
	return \%out;
}
my $got = load($staff);
my $got_parent = load($parent);

my ($passed, $failed) = (0, 0);
sub check {
	my ($ok, $what) = @_;
	if ($ok) { $passed++ } else { $failed++; print "FAIL $what\n" }
}
sub codes {
	my ($list) = @_;
	my %seen;
	return join ' ', sort grep { !$seen{$_}++ } map { $_->{code} } @$list;
}
sub want {
	my ($s) = @_;
	return '' if $s eq '-';
	my %seen;
	return join ' ', sort grep { !$seen{$_}++ } split ' ', $s;
}

my %rows;
open my $e, '<:encoding(UTF-8)', $expected or die "$expected: $!";
while (my $line = <$e>) {
	chomp $line;
	next if $line =~ /^\s*(#|$)/;
	my ($kind, $rest) = split ' ', $line, 2;
	my @f = map { s/^\s+|\s+$//gr } split /\|/, $rest, -1;
	my ($file, $purpose) = @f[0, 1];
	my $key = "$file\x1f$purpose";
	if ($kind eq 'verdict') {
		my ($verdict, $reasons, $warnings, $event) = @f[2 .. 5];
		$rows{$key} = 1;
		my $j = $got->{$key};
		unless ($j) { check(0, "$file $purpose: no output"); next }
		check($j->{verdict} eq $verdict, "$file $purpose: verdict $j->{verdict}, expected $verdict");
		my $r = codes($j->{reasons});
		check($r eq want($reasons), "$file $purpose: reasons [$r], expected [" . want($reasons) . "]")
			unless $reasons eq '*';
		my $w = codes($j->{warnings});
		check($w eq want($warnings), "$file $purpose: warnings [$w], expected [" . want($warnings) . "]")
			unless $warnings eq '*';
		unless ($event eq '*') {
			# Several events: every one, in the order the verdict lists them.
			my @all = map { "$_->{id} $_->{matched_by}" } @{ $j->{events} // [] };
			my $ev = $event =~ /\+/ ? join(' + ', @all)
			       : $j->{event} ? "$j->{event}{id} $j->{event}{matched_by}" : '-';
			check($ev eq $event, "$file $purpose: event $ev, expected $event");
		}
	} elsif ($kind eq 'person') {
		my ($tag, $pupil, $match, $consent) = @f[2 .. 5];
		my $j = $got->{$key};
		unless ($j) { check(0, "$file $purpose: no output"); next }
		my @p = grep { defined $_->{tag} && $_->{tag} eq $tag } @{ $j->{people} };
		unless (@p == 1) { check(0, "$file $purpose: " . scalar(@p) . " people tagged '$tag', expected 1"); next }
		my $p = $p[0];
		my $id = $p->{pupil} // '-';
		check($id eq $pupil, "$file $purpose: '$tag' is pupil $id, expected $pupil");
		check($p->{match} eq $match, "$file $purpose: '$tag' matched $p->{match}, expected $match");
		check($p->{consent} eq $consent, "$file $purpose: '$tag' consent $p->{consent}, expected $consent");
	} elsif ($kind eq 'parent') {
		my ($verdict, $children, $blocking) = @f[2 .. 4];
		my $j = $got_parent->{$key};
		unless ($j) { check(0, "$file $purpose (parent): no output"); next }
		check($j->{verdict} eq $verdict, "$file $purpose (parent): verdict $j->{verdict}, expected $verdict");
		check($j->{children} == $children, "$file $purpose (parent): $j->{children} children, expected $children")
			unless $children eq '*';
		check($j->{blocking} == $blocking, "$file $purpose (parent): $j->{blocking} blocking, expected $blocking")
			unless $blocking eq '*';
		my $staff_verdict = $got->{$key} ? $got->{$key}{verdict} : '';
		check($j->{verdict} eq $staff_verdict,
		      "$file $purpose: the parent verdict $j->{verdict} is not the staff verdict $staff_verdict");
	} else {
		die "$expected: unknown line kind '$kind'\n";
	}
}

# Every sample, every purpose: a row written for each.
for my $s (@samples) {
	for my $p (@purposes) {
		check($rows{ base($s) . "\x1f$p" }, base($s) . " $p: no verdict row in $expected");
	}
}
print "verdicts: $passed passed, $failed failed\n";
exit($failed ? 1 : 0);
