# face_box.pl: checks where the contact sheet drew a photo's face boxes,
# in a screenshot of the sheet filtered to that one photo's card.
#
# Usage: perl tests/e2e/face_box.pl SHOT.png TOLERANCE KIND:X,Y,W,H...
#   SHOT.png   Chromium's screenshot (8-bit RGB or RGBA, not interlaced)
#   TOLERANCE  how many pixels a box's edge may be off where it is looked for
#   KIND       "red": a red box must be drawn on that region's edges;
#              "none": no red must be near them
#   X,Y,W,H    the region as `photoconsent inspect --json` gives it:
#              fractions of the displayed (upright) image, top-left based
#
# The preview is found without knowing the page's layout: it must be a
# portrait photo, so that the grey of its 4:3 box (#e6e9ed, a flat fill)
# shows as a bar on either side of it, each a column of grey as tall as
# the box. The image is what lies between the two bars, as tall as they
# are. A red box edge is looked for across each side's midpoint, within
# TOLERANCE pixels of where the region puts it; and no red may be found
# TOLERANCE + 4 pixels outside it, nor at the box's centre.
# Prints what it measured; exits 0 when every box is where it should be.
# Reads the PNG itself (Compress::Zlib is in perl's core): no ImageMagick.
use strict;
use warnings;
use Compress::Zlib;

my ($file, $tol, @boxes) = @ARGV;
die "usage: face_box.pl SHOT.png TOLERANCE KIND:X,Y,W,H...\n" unless $file && @boxes;

# ---------------------------------------------------------------- the PNG
open my $fh, '<:raw', $file or die "$file: $!\n";
local $/;
my $png = <$fh>;
close $fh;
substr($png, 0, 8) eq "\x89PNG\r\n\x1a\n" or die "$file: not a PNG\n";
my ($width, $height, $depth, $type, $interlace, $idat) = (0, 0, 0, 0, 0, '');
for (my $at = 8; $at + 8 <= length $png;) {
	my ($len, $name) = unpack 'N a4', substr($png, $at, 8);
	my $data = substr($png, $at + 8, $len);
	$at += 12 + $len;
	if ($name eq 'IHDR') {
		($width, $height, $depth, $type, undef, undef, $interlace) = unpack 'N N C C C C C', $data;
	} elsif ($name eq 'IDAT') {
		$idat .= $data;
	} elsif ($name eq 'IEND') {
		last;
	}
}
die "$file: ${depth}-bit colour type $type interlace $interlace: only 8-bit RGB(A), not interlaced\n"
	unless $depth == 8 && ($type == 2 || $type == 6) && !$interlace;
my $bpp = $type == 6 ? 4 : 3;
my $raw = uncompress($idat);
defined $raw or die "$file: the image data does not inflate\n";
my $stride = $width * $bpp;
length($raw) == $height * ($stride + 1) or die "$file: the image data has the wrong size\n";

# Undoes each row's filter into @rows (strings of bytes).
my @rows;
my @prev = (0) x $stride;
for my $y (0 .. $height - 1) {
	my $f = ord substr($raw, $y * ($stride + 1), 1);
	my @cur = unpack 'C*', substr($raw, $y * ($stride + 1) + 1, $stride);
	if ($f == 1) {
		$cur[$_] = ($cur[$_] + $cur[$_ - $bpp]) & 255 for $bpp .. $stride - 1;
	} elsif ($f == 2) {
		$cur[$_] = ($cur[$_] + $prev[$_]) & 255 for 0 .. $stride - 1;
	} elsif ($f == 3) {
		for my $i (0 .. $stride - 1) {
			my $left = $i >= $bpp ? $cur[$i - $bpp] : 0;
			$cur[$i] = ($cur[$i] + (($left + $prev[$i]) >> 1)) & 255;
		}
	} elsif ($f == 4) {
		for my $i (0 .. $stride - 1) {
			my ($a, $b) = ($i >= $bpp ? $cur[$i - $bpp] : 0, $prev[$i]);
			my $c = $i >= $bpp ? $prev[$i - $bpp] : 0;
			my $p = $a + $b - $c;
			my ($pa, $pb, $pc) = (abs($p - $a), abs($p - $b), abs($p - $c));
			$cur[$i] = ($cur[$i] + ($pa <= $pb && $pa <= $pc ? $a : $pb <= $pc ? $b : $c)) & 255;
		}
	} elsif ($f != 0) {
		die "$file: row $y has filter $f\n";
	}
	push @rows, pack 'C*', @cur;
	@prev = @cur;
}

sub pixel {
	my ($x, $y) = @_;
	return (0, 0, 0) if $x < 0 || $y < 0 || $x >= $width || $y >= $height;
	return unpack 'C3', substr($rows[$y], $x * $bpp, 3);
}

sub is_grey {
	my ($r, $g, $b) = pixel(@_);
	return abs($r - 230) <= 2 && abs($g - 233) <= 2 && abs($b - 237) <= 2;
}

# The box's red (#ff2a2a) and nothing paler or darker than a red can be.
sub is_red {
	my ($r, $g, $b) = pixel(@_);
	return $r >= 200 && $g <= 90 && $b <= 90;
}

# ---------------------------------------------------------------- the preview
# Each column's longest run of the box's grey.
my (@run_top, @run_len);
for my $x (0 .. $width - 1) {
	my ($best, $top, $start) = (0, 0, -1);
	for my $y (0 .. $height) {
		if ($y < $height && is_grey($x, $y)) {
			$start = $y if $start < 0;
			next;
		}
		($best, $top) = ($y - $start, $start) if $start >= 0 && $y - $start > $best;
		$start = -1;
	}
	($run_top[$x], $run_len[$x]) = ($top, $best);
}
my $tallest = 0;
$tallest < $_ and $tallest = $_ for @run_len;
die "no preview box in the screenshot (no column of its grey)\n" if $tallest < 60;
# The columns as tall as the tallest (to a pixel or two): the two bars.
my @bars;
for my $x (0 .. $width - 1) {
	next unless $run_len[$x] >= $tallest - 2;
	if (@bars && $bars[-1][1] == $x - 1) { $bars[-1][1] = $x } else { push @bars, [$x, $x] }
}
die "the preview's box has " . scalar(@bars) . " grey bars, not 2: is the photo portrait, "
	. "and its card the only one shown?\n" unless @bars == 2;
my ($fl, $fr) = ($bars[0][1] + 1, $bars[1][0] - 1);
my ($ft, $fb) = ($run_top[$bars[0][1]], $run_top[$bars[0][1]] + $run_len[$bars[0][1]] - 1);
my ($fw, $fhh) = ($fr - $fl + 1, $fb - $ft + 1);
die "the preview is ${fw}x$fhh px: too small to tell\n" if $fw < 40 || $fhh < 40;
printf "preview at (%d, %d), %d x %d px\n", $fl, $ft, $fw, $fhh;

# ---------------------------------------------------------------- the boxes
my $bad = 0;
sub red_near {
	my ($x0, $x1, $y0, $y1) = @_;
	for my $x ($x0 .. $x1) { for my $y ($y0 .. $y1) { return 1 if is_red($x, $y) } }
	return 0;
}
for my $spec (@boxes) {
	my ($kind, $x, $y, $w, $h) = $spec =~ /^(red|none):([\d.]+),([\d.]+),([\d.]+),([\d.]+)$/
		or die "bad box '$spec'\n";
	my ($l, $r) = (int($fl + $x * $fw + 0.5), int($fl + ($x + $w) * $fw + 0.5) - 1);
	my ($t, $b) = (int($ft + $y * $fhh + 0.5), int($ft + ($y + $h) * $fhh + 0.5) - 1);
	my ($mx, $my) = (int(($l + $r) / 2), int(($t + $b) / 2));
	my %edge = (
		left => [$l - $tol, $l + $tol, $my, $my], right => [$r - $tol, $r + $tol, $my, $my],
		top => [$mx, $mx, $t - $tol, $t + $tol], bottom => [$mx, $mx, $b - $tol, $b + $tol],
	);
	my $out = $tol + 4;
	my %outside = (
		left => [$l - $out, $l - $out, $my, $my], right => [$r + $out, $r + $out, $my, $my],
		top => [$mx, $mx, $t - $out, $t - $out], bottom => [$mx, $mx, $b + $out, $b + $out],
	);
	my @wrong;
	for my $side (qw(left right top bottom)) {
		my $near = red_near(@{$edge{$side}});
		push @wrong, "no red at its $side edge" if $kind eq 'red' && !$near;
		push @wrong, "red at its $side edge" if $kind eq 'none' && $near;
		push @wrong, "red beyond its $side edge" if $kind eq 'red' && red_near(@{$outside{$side}});
	}
	push @wrong, "red inside it" if $kind eq 'red' && is_red($mx, $my);
	printf "%s box %s: expected at x %d..%d, y %d..%d: %s\n", $kind, "$x,$y,$w,$h", $l, $r, $t,
		$b, @wrong ? join('; ', @wrong) : 'as expected';
	$bad++ if @wrong;
}
exit($bad ? 1 : 0);
