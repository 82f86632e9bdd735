#!/usr/bin/perl
# Holds `photoconsent inspect --json` output against samples.expected.
# Usage: expect_samples.pl EXPECTED INSPECT_JSON_LINES
# Prints one line per failed expectation and "N passed, M failed".
use strict;
use warnings;
use utf8;
use JSON::PP;
use open qw(:std :encoding(UTF-8));

my ($expected, $output) = @ARGV;
my %photo;
open my $o, '<:raw', $output or die "$output: $!";
while (my $line = <$o>) {
	my $j = JSON::PP->new->utf8->decode($line);
	(my $name = $j->{file}) =~ s{.*/}{};
	$photo{$name} = $j;
}

my ($passed, $failed) = (0, 0);
sub check {
	my ($ok, $what) = @_;
	if ($ok) { $passed++ } else { $failed++; print "FAIL $what\n" }
}
sub list { my $s = shift // ''; return grep { length } map { s/^\s+|\s+$//gr } split /;/, $s }
sub same_set {
	my ($a, $b) = @_;
	return join("\x1f", sort @$a) eq join("\x1f", sort @$b);
}
sub person {
	my ($j, $name) = @_;
	my @p = grep { defined $_->{name} && $_->{name} eq $name } @{$j->{people}};
	return $p[0];
}

open my $e, '<:encoding(UTF-8)', $expected or die "$expected: $!";
while (my $line = <$e>) {
	chomp $line;
	next if $line =~ /^\s*(#|$)/;
	my ($kind, $rest) = split / /, $line, 2;
	my @f = map { s/^\s+|\s+$//gr } split /\|/, $rest, -1;
	my $file = $f[0];
	my $j = $photo{$file};
	unless ($j) { check(0, "$file: no output"); next }
	if ($kind eq 'photo') {
		my ($people, $unnamed, $events, $gps, $taken, $caption) = @f[1 .. 6];
		my @named = map { $_->{name} } grep { defined $_->{name} } @{$j->{people}};
		my $nameless = grep { !defined $_->{name} } @{$j->{people}};
		check(same_set(\@named, [list($people)]),
		      "$file: people [@named], expected [" . join(', ', list($people)) . "]");
		check($nameless == $unnamed, "$file: $nameless unnamed faces, expected $unnamed");
		check(same_set($j->{events}, [list($events)]),
		      "$file: events [@{$j->{events}}], expected [$events]");
		check(($j->{gps} ? 'yes' : 'no') eq $gps, "$file: gps, expected $gps");
		# An empty "taken" means the photo gives no date at all.
		check(length($taken) ? defined $j->{taken} && index($j->{taken}, $taken) == 0
		                     : !defined $j->{taken},
		      "$file: taken " . ($j->{taken} // 'null') . ", expected " .
		      (length($taken) ? "$taken..." : 'null'));
		check(!length($caption) || (defined $j->{caption} && index($j->{caption}, $caption) >= 0),
		      "$file: caption " . ($j->{caption} // 'null') . " lacks '$caption'");
		check(!@{$j->{errors}}, "$file: errors @{$j->{errors}}");
	} elsif ($kind eq 'region') {
		my $p = person($j, $f[1]);
		my @want = split ' ', $f[2];
		my $r = $p && $p->{region};
		my @got = $r ? @$r{qw(x y w h)} : ();
		my $near = @got == 4 && !grep { abs($got[$_] - $want[$_]) > 0.005 } 0 .. 3;
		check($near, "$file: $f[1] region [@got], expected [@want]");
	} elsif ($kind eq 'sources') {
		my $p = person($j, $f[1]);
		check($p && same_set($p->{sources}, [list($f[2])]),
		      "$file: $f[1] sources [" . ($p ? "@{$p->{sources}}" : 'no such person') . "], expected [$f[2]]");
	} elsif ($kind eq 'keywords') {
		check(same_set($j->{keywords}, [list($f[1])]),
		      "$file: keywords [" . join('; ', @{$j->{keywords}}) . "], expected [$f[1]]");
	} else {
		die "$expected: unknown line '$line'\n";
	}
}
print "samples: $passed passed, $failed failed\n";
exit($failed ? 1 : 0);
